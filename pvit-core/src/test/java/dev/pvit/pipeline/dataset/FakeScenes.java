package dev.pvit.pipeline.dataset;

import dev.pvit.face.Expression;
import dev.pvit.face.FaceAttributes;
import dev.pvit.face.FaceDescriptor;
import dev.pvit.image.ImageInput;
import dev.pvit.pipeline.curation.Box;
import dev.pvit.pipeline.curation.Detection;
import dev.pvit.pipeline.curation.FaceSource;
import dev.pvit.pipeline.curation.SceneFace;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;

/** Synthetic scenes whose width identifies them, and a face source that knows their faces. */
final class FakeScenes {
  /** A face to paint: its box, identity (descriptor axis) and optional age and expression. */
  record Face(Box box, int identity, double age, Expression expression, boolean withAttributes) {
    static Face of(Box box, int identity) {
      return new Face(box, identity, 34, Expression.HAPPY, true);
    }

    Face bare() {
      return new Face(box, identity, age, expression, false);
    }
  }

  private final Map<Integer, List<SceneFace>> facesByWidth = new ConcurrentHashMap<>();

  /** Paints a noisy scene with checkered faces and remembers them. */
  ImageInput scene(int width, Face... faces) {
    BufferedImage img = new BufferedImage(width, 400, BufferedImage.TYPE_INT_RGB);
    Random r = new Random(width);
    for (int y = 0; y < 400; y++) {
      for (int x = 0; x < width; x++) {
        img.setRGB(x, y, 0x202020 + r.nextInt(0x40));
      }
    }
    List<SceneFace> known = new ArrayList<>();
    for (Face f : faces) {
      Box b = f.box();
      for (int y = b.y(); y < b.bottom(); y++) {
        for (int x = b.x(); x < b.right(); x++) {
          img.setRGB(x, y, ((x / 3 + y / 3) % 2 == 0) ? 0xf0d0b0 : 0x403020);
        }
      }
      known.add(new SceneFace(new Detection(b, 0.95), Optional.of(descriptor(f.identity())),
          f.withAttributes() ? Optional.of(attributes(f.age(), f.expression())) : Optional.empty()));
    }
    facesByWidth.put(width, known);
    return ImageInput.of(img, "scene-" + width + ".png");
  }

  FaceSource faces() {
    return (input, image) -> facesByWidth.getOrDefault(image.getWidth(), List.of());
  }

  static FaceDescriptor descriptor(int identity) {
    float[] v = new float[FaceDescriptor.LENGTH];
    v[identity % FaceDescriptor.LENGTH] = 1;
    return FaceDescriptor.of(v);
  }

  static FaceAttributes attributes(double age, Expression dominant) {
    Map<Expression, Double> p = new EnumMap<>(Expression.class);
    for (Expression e : Expression.values()) {
      p.put(e, e == dominant ? 0.88 : 0.02);
    }
    return new FaceAttributes(age, 0.5, p);
  }
}
