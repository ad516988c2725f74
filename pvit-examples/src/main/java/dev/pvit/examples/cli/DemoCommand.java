package dev.pvit.examples.cli;

import dev.pvit.PvitException;
import dev.pvit.chat.Answer;
import dev.pvit.chat.Conversation;
import dev.pvit.chat.PersonalizedChat;
import dev.pvit.chat.RecognizedPerson;
import dev.pvit.face.Box;
import dev.pvit.face.DetectedFace;
import dev.pvit.face.FaceEngine;
import dev.pvit.image.ImageInput;
import dev.pvit.person.Person;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import javax.imageio.ImageIO;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code pvit demo}: a short scripted session on the embedded face engine, with photos that ship
 * with the build (the MIT-licensed demo photos of the face-api npm package). No server, no network.
 *
 * <p>Those photos show strangers, with no second photo of the same person taken another day, so the
 * demo cuts each person's reference photo out of a group photo and then asks about that group photo.
 * It shows the API, the answers and the refusals; recognition accuracy on independent photos is
 * measured by {@code pvit-bench pbench}.
 *
 * <pre>{@code
 * ./pvit demo --out build/demo
 * }</pre>
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = {
      "Run a short scripted session on the embedded face engine (no server, no network):",
      "register three people from bundled photos, ask questions, write an annotated image."
    })
public final class DemoCommand implements Callable<Integer> {
  private static final String SCENE = "/dev/pvit/examples/demo/sample1.jpg";
  private static final String OTHER = "/dev/pvit/examples/demo/sample5.jpg";
  private static final Color[] COLOURS = {
    new Color(0xE6, 0x19, 0x4B), new Color(0x3C, 0xB4, 0x4B), new Color(0x43, 0x63, 0xD8),
    new Color(0xF5, 0x82, 0x31)
  };

  @Spec CommandSpec spec;

  @Option(names = "--out", paramLabel = "DIR", defaultValue = ".",
      description = "Folder for the annotated image pvit-demo.png (default: the current folder).")
  Path out;

  @Override
  public Integer call() {
    PrintWriter o = spec.commandLine().getOut();
    long start = System.nanoTime();
    try (FaceEngine engine = FaceEngine.builder().attributes(true).build()) {
      ImageInput scene = resource(SCENE, "sample1.jpg");
      ImageInput other = resource(OTHER, "sample5.jpg");
      o.printf(Locale.ROOT, "Loaded the embedded face engine in %d ms (no server, no network).%n", millis(start));

      List<Box> sceneFaces = leftToRight(engine.analyze(scene).faces());
      List<Box> otherFaces = leftToRight(engine.analyze(other).faces());
      if (sceneFaces.size() < 3 || otherFaces.isEmpty()) {
        o.println("error: the bundled demo photos did not give the expected faces");
        return 1;
      }
      BufferedImage scenePixels = read(scene);
      BufferedImage otherPixels = read(other);
      List<Person> people = List.of(
          Person.of("Maya", crop(scenePixels, sceneFaces.get(0), "maya.png")),
          Person.of("Lena", crop(scenePixels, sceneFaces.get(1), "lena.png")),
          Person.of("Sofia", crop(scenePixels, sceneFaces.get(2), "sofia.png")),
          Person.of("Noor", crop(otherPixels, otherFaces.get(otherFaces.size() - 1), "noor.png")));
      o.println("Registered Maya, Lena and Sofia (face crops cut from sample1.jpg) and Noor (from sample5.jpg).");
      o.println("Scene: sample1.jpg, a group photo from the face-api package (MIT).");
      o.println();

      PersonalizedChat.Builder builder = PersonalizedChat.builder().engine(engine);
      people.forEach(builder::person);
      try (PersonalizedChat chat = builder.build()) {
        Conversation c = chat.conversation();
        Answer last = null;
        for (String q : List.of(
            "Who is in this photo?",
            "Is Maya here?",
            "Who is on the right?",
            "Is Lena to the left of Sofia?",
            "How many people are in this photo?",
            "Is Sofia smiling?",
            "Where is Noor?",
            "What is Zara holding?",
            "What is Maya holding?")) {
          long t = System.nanoTime();
          last = c.ask(scene, q);
          o.printf(Locale.ROOT, "Q: %s%nA: %s%n   [%s, %d ms]%n", q, last.text(), last.kind(), millis(t));
        }
        Path image = annotate(scenePixels, last.people());
        o.println();
        o.printf(Locale.ROOT, "Wrote %s (boxes and names of the recognised people).%n", image);
        o.printf(Locale.ROOT, "Demo finished in %.1f s.%n", (System.nanoTime() - start) / 1e9);
      }
      o.flush();
      return 0;
    } catch (PvitException e) {
      spec.commandLine().getErr().println("error: " + e.getMessage());
      return PvitCli.EXIT_INVALID_INPUT;
    }
  }

  private static ImageInput resource(String path, String name) {
    try (InputStream in = DemoCommand.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("demo photo " + path + " is missing from the jar");
      }
      return ImageInput.of(in, name);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static BufferedImage read(ImageInput image) {
    try {
      return ImageIO.read(image.openStream());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<Box> leftToRight(List<DetectedFace> faces) {
    return faces.stream().map(DetectedFace::box).sorted(Comparator.comparingDouble(Box::centerX)).toList();
  }

  /** The face with a generous margin, as a reference photo would frame it. */
  static ImageInput crop(BufferedImage img, Box box, String name) {
    double m = 0.6 * Math.max(box.width(), box.height());
    int x = (int) Math.max(0, box.x() - m);
    int y = (int) Math.max(0, box.y() - m);
    int w = (int) Math.min(img.getWidth() - x, box.width() + 2 * m);
    int h = (int) Math.min(img.getHeight() - y, box.height() + 2 * m);
    BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = out.createGraphics();
    g.drawImage(img.getSubimage(x, y, w, h), 0, 0, null);
    g.dispose();
    return ImageInput.of(out, name);
  }

  private Path annotate(BufferedImage scene, List<RecognizedPerson> people) {
    BufferedImage img = new BufferedImage(scene.getWidth(), scene.getHeight(), BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    g.drawImage(scene, 0, 0, null);
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    float stroke = Math.max(2, scene.getWidth() / 300f);
    g.setStroke(new BasicStroke(stroke));
    for (int i = 0; i < people.size(); i++) {
      RecognizedPerson p = people.get(i);
      Color c = COLOURS[i % COLOURS.length];
      Box b = p.box();
      g.setColor(c);
      g.drawRect((int) b.x(), (int) b.y(), (int) b.width(), (int) b.height());
      label(g, p.name(), (int) b.x(), (int) b.bottom(), c, scene.getWidth());
    }
    g.dispose();
    try {
      Files.createDirectories(out);
      Path target = out.resolve("pvit-demo.png").toAbsolutePath().normalize();
      Path tmp = Files.createTempFile(target.getParent(), "pvit-demo", ".png.tmp");
      ImageIO.write(img, "png", tmp.toFile());
      Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      return target;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the annotated image to " + out + ": " + e.getMessage(), e);
    }
  }

  /** A name tag under the box; skipped quietly on JVMs without fonts, where the boxes still show. */
  private static void label(Graphics2D g, String text, int x, int y, Color colour, int imageWidth) {
    try {
      g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, Math.max(14, imageWidth / 45)));
      FontMetrics fm = g.getFontMetrics();
      int pad = fm.getHeight() / 6;
      g.setColor(colour);
      g.fillRect(x, y, fm.stringWidth(text) + 2 * pad, fm.getHeight() + pad);
      g.setColor(Color.WHITE);
      g.drawString(text, x + pad, y + fm.getAscent());
    } catch (RuntimeException | Error e) {
      // Font subsystems missing on minimal JREs throw here (e.g. "Fontconfig head is null").
    }
  }

  private static long millis(long since) {
    return Math.round((System.nanoTime() - since) / 1e6);
  }
}
