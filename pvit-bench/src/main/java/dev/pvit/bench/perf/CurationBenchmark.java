package dev.pvit.bench.perf;

import dev.pvit.face.DetectedFace;
import dev.pvit.face.FaceAnalysis;
import dev.pvit.face.FaceEngine;
import dev.pvit.image.ImageInput;
import dev.pvit.pipeline.curation.Box;
import dev.pvit.pipeline.curation.Detection;
import dev.pvit.pipeline.curation.FaceBoxPersonDetector;
import dev.pvit.pipeline.curation.FaceCrops;
import dev.pvit.pipeline.curation.QualityFilter;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Data-pipeline phase 1 (visual concept curation) on one photo, from its JPEG bytes: decode, detect
 * faces (reference pipeline at 608), derive person boxes, keep the photo if it shows at least two
 * people, cut the PVIT face crops and apply the quality filter. Time per image; 1000/ms is images/s
 * on one thread.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class CurationBenchmark {
  private FaceEngine engine;
  private byte[] jpeg;
  private final QualityFilter quality = QualityFilter.defaults();

  /** Builds the engine. */
  @Setup
  public void setUp() {
    engine = FaceEngine.builder().build();
    jpeg = BenchInputs.fiveFacesBytes();
  }

  /** Frees the engine. */
  @TearDown
  public void tearDown() {
    engine.close();
  }

  /**
   * Curates one photo.
   *
   * @return the accepted face crops
   */
  @Benchmark
  public List<BufferedImage> curateOnePhoto() {
    BufferedImage image;
    try {
      image = ImageIO.read(new ByteArrayInputStream(jpeg));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    FaceAnalysis analysis = engine.analyze(ImageInput.of(jpeg, "photo.jpg"));
    List<Detection> faces = new ArrayList<>();
    for (DetectedFace f : analysis.faces()) {
      dev.pvit.face.Box b = f.box();
      faces.add(new Detection(new Box((int) Math.round(b.x()), (int) Math.round(b.y()),
          (int) Math.round(b.width()), (int) Math.round(b.height())), f.score()));
    }
    List<BufferedImage> crops = new ArrayList<>();
    if (FaceBoxPersonDetector.DEFAULT.detect(image, faces).size() < 2) {
      return crops;
    }
    for (Detection face : faces) {
      Box crop = FaceCrops.pvitCrop(face.box(), image.getWidth(), image.getHeight());
      if (!crop.isEmpty()) {
        BufferedImage c = FaceCrops.crop(image, crop);
        if (quality.rejection(face, c).isEmpty()) {
          crops.add(c);
        }
      }
    }
    return crops;
  }
}
