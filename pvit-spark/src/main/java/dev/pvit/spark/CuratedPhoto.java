package dev.pvit.spark;

import static com.google.common.base.Preconditions.checkNotNull;

import java.io.Serializable;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One photo after PVIT phase 1 as {@link PvitSpark#curate} returns it: the people kept by curation
 * (left to right) with their face boxes and descriptors, or why the photo was rejected. Serialisable
 * and free of pixels, so it shuffles cheaply.
 *
 * <p>Descriptors are biometric data: keep such an RDD in your own job and storage only.
 *
 * @param key the photo's path relative to the input folder
 * @param width the upright width in pixels (0 if rejected)
 * @param height the upright height in pixels (0 if rejected)
 * @param people the kept people, left to right
 * @param rejectReason why the photo could not be curated ({@code ErrorType: message}), or null
 */
public record CuratedPhoto(String key, int width, int height, List<Person> people, @Nullable String rejectReason)
    implements Serializable {
  private static final long serialVersionUID = 1L;

  /** Copies the list. */
  public CuratedPhoto {
    checkNotNull(key, "key");
    people = List.copyOf(people);
  }

  /**
   * One kept person.
   *
   * @param faceX face box left edge
   * @param faceY face box top edge
   * @param faceWidth face box width
   * @param faceHeight face box height
   * @param score detector score in [0, 1]
   * @param descriptor the 128-value face descriptor, or an empty array if none was computed
   * @param usableAsReference whether the face crop passed the reference quality filter
   */
  public record Person(int faceX, int faceY, int faceWidth, int faceHeight, double score, float[] descriptor,
      boolean usableAsReference) implements Serializable {
    private static final long serialVersionUID = 1L;

    /** Copies the descriptor. */
    public Person {
      descriptor = descriptor.clone();
    }

    /**
     * A copy of the descriptor.
     *
     * @return 128 values, or none
     */
    @Override
    public float[] descriptor() {
      return descriptor.clone();
    }
  }
}
