package dev.pvit.face;

import static com.google.common.base.Preconditions.checkNotNull;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@link FaceGallery#enrollFolder(Path)} did: who was enrolled from which photos, which photos
 * were skipped and why, and who was left out and why.
 *
 * <pre>{@code
 * FolderEnrollment r = gallery.enrollFolder(Path.of("people"));
 * if (!r.isComplete()) {
 *   System.err.println(r.summary());
 * }
 * }</pre>
 *
 * @param enrolled each enrolled person's display name and the photos their descriptors came from,
 *     in folder order
 * @param skippedPhotos photos that could not be used (enrolled people's and left-out people's)
 * @param leftOut people not enrolled at all
 */
public record FolderEnrollment(Map<String, List<Path>> enrolled, List<SkippedPhoto> skippedPhotos, List<LeftOut> leftOut) {
  /** Copies the parts. */
  public FolderEnrollment {
    Map<String, List<Path>> copy = new LinkedHashMap<>();
    enrolled.forEach((k, v) -> copy.put(k, List.copyOf(v)));
    enrolled = Collections.unmodifiableMap(copy);
    skippedPhotos = List.copyOf(skippedPhotos);
    leftOut = List.copyOf(leftOut);
  }

  /**
   * Whether every photo was used and everybody enrolled.
   *
   * @return true if nothing was skipped or left out
   */
  public boolean isComplete() {
    return skippedPhotos.isEmpty() && leftOut.isEmpty();
  }

  /**
   * One line per skipped photo and left-out person, for a log or stderr.
   *
   * @return the lines joined by newlines, empty if complete
   */
  public String summary() {
    StringBuilder sb = new StringBuilder();
    for (SkippedPhoto s : skippedPhotos) {
      sb.append("skipped ").append(s.photo()).append(" (").append(s.person()).append("): ").append(s.reason()).append('\n');
    }
    for (LeftOut l : leftOut) {
      sb.append("not enrolled: ").append(l.person()).append(": ").append(l.reason()).append('\n');
    }
    return sb.toString().stripTrailing();
  }

  /**
   * A photo that could not be used.
   *
   * @param person the person's folder name
   * @param photo the photo's path
   * @param reason what is wrong and what to do
   */
  public record SkippedPhoto(String person, String photo, String reason) {
    /** Checks the parts. */
    public SkippedPhoto {
      checkNotNull(person, "person");
      checkNotNull(photo, "photo");
      checkNotNull(reason, "reason");
    }
  }

  /**
   * A person who was not enrolled.
   *
   * @param person the person's folder name
   * @param reason why
   */
  public record LeftOut(String person, String reason) {
    /** Checks the parts. */
    public LeftOut {
      checkNotNull(person, "person");
      checkNotNull(reason, "reason");
    }
  }
}
