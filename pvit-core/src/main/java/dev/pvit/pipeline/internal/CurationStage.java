package dev.pvit.pipeline.internal;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import dev.pvit.image.ImageInput;
import dev.pvit.image.InvalidImageException;
import dev.pvit.pipeline.ItemContext;
import dev.pvit.pipeline.Stage;
import dev.pvit.pipeline.curation.Box;
import dev.pvit.pipeline.curation.Detection;
import dev.pvit.pipeline.curation.FaceCrops;
import dev.pvit.pipeline.curation.PersonDetector;
import dev.pvit.pipeline.curation.QualityFilter;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * PVIT phase 1 for one image: find faces and people, keep people whose box holds exactly one face
 * (as PVIT kept person crops with exactly one face), order them left to right, crop faces with PVIT
 * margins and bodies by their boxes, mark faces failing the quality filter, and keep the scene only
 * if it has at least {@code minPeople} people.
 *
 * <p>Create one per worker: it owns its {@link FaceSource} and closes it.
 */
public final class CurationStage implements Stage<ImageInput, CuratedScene> {
  private final FaceSource faceSource;
  private final PersonDetector personDetector;
  private final QualityFilter quality;
  private final int minPeople;

  /**
   * Creates the stage.
   *
   * @param faceSource detects faces; closed with the stage
   * @param personDetector detects people
   * @param quality decides which faces may serve as references
   * @param minPeople fewest people a kept scene has (PVIT: 2)
   */
  public CurationStage(FaceSource faceSource, PersonDetector personDetector, QualityFilter quality, int minPeople) {
    this.faceSource = checkNotNull(faceSource, "faceSource");
    this.personDetector = checkNotNull(personDetector, "personDetector");
    this.quality = checkNotNull(quality, "quality");
    checkArgument(minPeople >= 1, "minPeople must be at least 1, got %s", minPeople);
    this.minPeople = minPeople;
  }

  @Override
  public List<CuratedScene> process(ImageInput input, ItemContext context) {
    BufferedImage image = decode(input);
    int w = image.getWidth();
    int h = image.getHeight();
    List<Detection> faces = faceSource.faces(image);
    List<Detection> bodies = personDetector.detect(image, faces);
    List<CuratedPerson> people = new ArrayList<>();
    for (Detection body : bodies) {
      Detection only = null;
      int inside = 0;
      for (Detection f : faces) {
        if (contains(body.box(), f.box())) {
          inside++;
          only = f;
        }
      }
      if (inside != 1) {
        continue;
      }
      Box faceCropBox = FaceCrops.pvitCrop(only.box(), w, h);
      if (faceCropBox.isEmpty()) {
        continue;
      }
      BufferedImage faceCrop = FaceCrops.crop(image, faceCropBox);
      BufferedImage bodyCrop = FaceCrops.crop(image, body.box());
      String issue = quality.rejection(only, faceCrop).orElse(null);
      people.add(new CuratedPerson(only, body, faceCrop, bodyCrop, issue));
    }
    if (people.size() < minPeople) {
      return List.of();
    }
    people.sort(Comparator.comparingDouble((CuratedPerson p) -> p.face().box().centerX())
        .thenComparingInt(p -> p.face().box().y()));
    return List.of(new CuratedScene(input, image, people));
  }

  /** Whether the face's centre lies inside the body box. */
  private static boolean contains(Box body, Box face) {
    double cx = face.centerX();
    double cy = face.y() + face.height() / 2.0;
    return cx >= body.x() && cx < body.right() && cy >= body.y() && cy < body.bottom();
  }

  private static BufferedImage decode(ImageInput input) {
    try {
      BufferedImage img = ImageIO.read(input.openStream());
      if (img == null) {
        throw new InvalidImageException("Image '" + input.name() + "' (" + input.mediaType()
            + ") cannot be decoded by this JVM; convert it to JPEG or PNG.");
      }
      return img;
    } catch (IOException | RuntimeException e) {
      if (e instanceof InvalidImageException iie) {
        throw iie;
      }
      throw new InvalidImageException("Image '" + input.name() + "' is corrupt: " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    faceSource.close();
  }
}
