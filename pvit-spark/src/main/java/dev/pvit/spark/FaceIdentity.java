package dev.pvit.spark;

import java.io.Serializable;

/**
 * A face's identity cluster from {@link IdentityLinker}: faces with the same {@code identity} are
 * linked as one person across photos.
 *
 * @param photoKey the photo's key
 * @param person the person's index in {@link CuratedPhoto#people()}
 * @param identity the cluster: the smallest {@code photoKey#person} of its faces, so it is stable
 *     for the same input
 */
public record FaceIdentity(String photoKey, int person, String identity) implements Serializable {
  private static final long serialVersionUID = 1L;

  /**
   * This face's own id, {@code photoKey#person}.
   *
   * @return the id
   */
  public String faceId() {
    return photoKey + "#" + person;
  }
}
