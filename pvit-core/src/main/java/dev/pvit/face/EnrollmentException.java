package dev.pvit.face;

import static com.google.common.base.Preconditions.checkNotNull;

import dev.pvit.NonRetriableException;
import java.util.List;

/**
 * Enrolling a person failed because one or more reference photos cannot be used (no face, several
 * faces of similar size, an unreadable image). Enrollment is all-or-nothing: when this is thrown,
 * the gallery is unchanged. {@link #failures()} lists every failing photo, so the caller can
 * replace or drop them and enroll again.
 */
public class EnrollmentException extends NonRetriableException {
  private static final long serialVersionUID = 1L;

  /** The person's name. */
  private final String person;

  /** Every failing photo, in the order given. */
  private final List<PhotoFailure> failures;

  /**
   * Creates the exception.
   *
   * @param person the person's display name
   * @param failures the failing photos (at least one)
   */
  public EnrollmentException(String person, List<PhotoFailure> failures) {
    super(message(person, failures));
    this.person = checkNotNull(person, "person");
    this.failures = List.copyOf(failures);
  }

  private static String message(String person, List<PhotoFailure> failures) {
    StringBuilder sb = new StringBuilder("Cannot enroll '").append(person).append("': ")
        .append(failures.size()).append(failures.size() == 1 ? " reference photo" : " reference photos")
        .append(" cannot be used (nothing was enrolled; replace or drop them and try again):");
    for (PhotoFailure f : failures) {
      sb.append("\n  - ").append(f.image()).append(": ").append(f.reason());
    }
    return sb.toString();
  }

  /**
   * The person's display name.
   *
   * @return the name
   */
  public String person() {
    return person;
  }

  /**
   * The photos that could not be used, in the order given.
   *
   * @return the failures
   */
  public List<PhotoFailure> failures() {
    return failures;
  }

  /**
   * One reference photo that could not be used.
   *
   * @param image the photo's name (its path for files)
   * @param reason what is wrong with it and what to do
   */
  public record PhotoFailure(String image, String reason) {
    /** Checks the parts. */
    public PhotoFailure {
      checkNotNull(image, "image");
      checkNotNull(reason, "reason");
    }
  }
}
