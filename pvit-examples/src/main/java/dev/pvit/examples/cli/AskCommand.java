package dev.pvit.examples.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pvit.PvitException;
import dev.pvit.chat.Answer;
import dev.pvit.chat.PersonalizedChat;
import dev.pvit.chat.RecognizedPerson;
import dev.pvit.client.VisionChatModel;
import dev.pvit.face.FaceEngine;
import dev.pvit.face.FaceGallery;
import dev.pvit.face.FolderEnrollment;
import dev.pvit.image.ImageInput;
import dev.pvit.person.Person;
import dev.pvit.prompt.InputValidator;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code pvit ask}: registers people and asks one question about a scene.
 *
 * <pre>{@code
 * ./pvit ask --person Alice=alice1.jpg,alice2.jpg --person Bob=bob.jpg --scene party.jpg "Who is on the left?"
 * ./pvit ask --people people/ --scene party.jpg --backend openai --base-url http://localhost:8000/v1 \
 *     --model Qwen/Qwen2.5-VL-7B-Instruct "What is Bob holding?"
 * }</pre>
 */
@Command(
    name = "ask",
    mixinStandardHelpOptions = true,
    description = {
      "Register people and ask a question about a scene photo.",
      "The embedded backend needs no server; openai/ollama add a vision-language model (grounded by default)."
    })
public final class AskCommand implements Callable<Integer> {
  /** Which backend answers. */
  enum BackendChoice {
    embedded,
    openai,
    ollama
  }

  /** How a model backend is used. */
  enum Mode {
    grounded,
    in_context
  }

  @Spec CommandSpec spec;

  @Mixin PeopleOptions peopleOptions;

  @Mixin ModelServerOptions server;

  @Option(names = "--scene", required = true, paramLabel = "IMG", description = "The photo to ask about.")
  Path scene;

  @Option(names = "--backend", defaultValue = "embedded",
      description = "embedded (default, no server), openai or ollama.")
  BackendChoice backend;

  @Option(names = "--mode", defaultValue = "grounded",
      description = "With a model backend: grounded (default; recognise locally, tell the model who is where) "
          + "or in_context (the PVIT prefix, for PVIT-tuned models).")
  Mode mode;

  @Option(names = "--threshold", paramLabel = "DISTANCE",
      description = "A fixed face distance below which a face is a registered person (default: thresholds calibrated "
          + "from the registered people's photos at a false-accept rate of 1e-3).")
  Double threshold;

  @Option(names = "--json", description = "Print the answer as one JSON object.")
  boolean json;

  @Option(names = "--escape", description = "Replace reserved prompt tokens (<image>, <|im_start|>, user:, ...) and "
      + "control characters in names and the question by look-alikes instead of refusing them.")
  boolean escape;

  @Option(names = "--no-cache",
      description = "Enroll the people again instead of reusing the descriptors cached from an earlier run "
          + "(embedded backend; cached in PVIT_CACHE_DIR or the user cache folder, owner-only).")
  boolean noCache;

  @Parameters(paramLabel = "QUESTION", description = "The question, in English.")
  String question;

  private final UnaryOperator<String> env;

  /** Creates the command reading API keys from the process environment. */
  public AskCommand() {
    this(System::getenv);
  }

  AskCommand(UnaryOperator<String> env) {
    this.env = env;
  }

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    List<Person> people;
    ImageInput image;
    try {
      // Names and the question are checked before any enrollment, with the chat's own rules, so
      // prompt syntax is refused (or escaped with --escape) before minutes of work.
      InputValidator input = InputValidator.builder().escapeReservedTokens(escape).build();
      people = new ArrayList<>(peopleOptions.explicit().stream().map(input::person).toList());
      input.question(question);
      image = ImageInput.of(scene);
    } catch (PvitException e) {
      return fail(err, e.getMessage());
    }
    if (threshold != null && !(threshold > 0 && threshold <= 2)) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--threshold must be in (0, 2], got " + threshold);
    }
    VisionChatModel model;
    try {
      model = backend == BackendChoice.embedded ? null
          : server.build(ModelServerOptions.Protocol.valueOf(backend.name()), env, spec.commandLine(), 3);
    } catch (PvitException e) {
      return fail(err, e.getMessage());
    }
    PersonalizedChat.Builder builder = PersonalizedChat.builder().escapeReservedTokens(escape);
    if (threshold != null) {
      builder.threshold(threshold);
    }
    FaceEngine engine = null;
    try {
      FolderEnrollment enrollment = null;
      if (model == null) {
        // Embedded: the people are only face descriptors, so an enrolled gallery can be reused.
        engine = FaceEngine.builder().attributes(true).build();
        GalleryCache cache = GalleryCache.forUser(!noCache, env);
        FaceGallery gallery;
        if (peopleOptions.peopleDir != null) {
          GalleryCache.FolderGallery folder = cache.enrolledFolder(peopleOptions.peopleDir, engine, threshold);
          enrollment = folder.enrollment();
          report(err, enrollment);
          gallery = folder.gallery();
          people.forEach(gallery::enroll);
        } else {
          gallery = cache.enrolled(people, engine, threshold);
        }
        builder.engine(engine).gallery(gallery);
      } else {
        if (mode == Mode.grounded) {
          builder.grounded(model);
        } else {
          builder.inContext(model);
        }
        if (peopleOptions.peopleDir != null) {
          // Folder enrollment is lenient: unusable photos are skipped and people without a usable one
          // left out, each reported; the model backends register the people with their usable photos.
          engine = FaceEngine.builder().attributes(true).build();
          FaceGallery.Builder gb = FaceGallery.builder().engine(engine);
          enrollment = (threshold != null ? gb.threshold(threshold).build() : gb.build())
              .enrollFolder(peopleOptions.peopleDir);
          report(err, enrollment);
          builder.engine(engine);
          for (var e : enrollment.enrolled().entrySet()) {
            people.add(Person.of(e.getKey(), e.getValue().toArray(Path[]::new)));
          }
        }
        people.forEach(builder::person);
      }
      try (PersonalizedChat chat = builder.build()) {
        Answer answer = chat.ask(image, question);
        if (json) {
          out.println(toJson(answer, enrollment));
        } else {
          out.println(answer.text());
          out.printf(Locale.ROOT, "[%s, %s backend, %d ms recognition, %d ms model]%n",
              answer.kind(), answer.backend().name().toLowerCase(Locale.ROOT),
              answer.recognitionTime().toMillis(), answer.modelTime().toMillis());
        }
        out.flush();
        return 0;
      }
    } catch (PvitException e) {
      return fail(err, e.getMessage());
    } finally {
      if (engine != null) {
        engine.close();
      }
      if (model != null) {
        model.close();
      }
    }
  }

  /** Tells on stderr which photos were skipped and who was left out. */
  static void report(PrintWriter err, FolderEnrollment r) {
    for (String line : r.summary().lines().toList()) {
      err.println("warning: " + line);
    }
    err.flush();
  }

  /** The enrollment report as JSON: skipped photos and left-out people. */
  static ObjectNode toJson(FolderEnrollment r, ObjectMapper mapper) {
    ObjectNode o = mapper.createObjectNode();
    ArrayNode enrolled = o.putArray("enrolled");
    r.enrolled().keySet().forEach(enrolled::add);
    ArrayNode skipped = o.putArray("skippedPhotos");
    for (FolderEnrollment.SkippedPhoto s : r.skippedPhotos()) {
      skipped.addObject().put("person", s.person()).put("photo", s.photo()).put("reason", s.reason());
    }
    ArrayNode left = o.putArray("leftOut");
    for (FolderEnrollment.LeftOut l : r.leftOut()) {
      left.addObject().put("person", l.person()).put("reason", l.reason());
    }
    return o;
  }

  private static int fail(PrintWriter err, String message) {
    err.println("error: " + CliErrors.cliHint(message).replace('\n', ' '));
    err.flush();
    return PvitCli.EXIT_INVALID_INPUT;
  }

  static String toJson(Answer a) {
    return toJson(a, null);
  }

  static String toJson(Answer a, @Nullable FolderEnrollment enrollment) {
    ObjectMapper mapper = new ObjectMapper();
    ObjectNode o = mapper.createObjectNode();
    o.put("text", a.text());
    o.put("kind", a.kind().name());
    ArrayNode people = o.putArray("people");
    for (RecognizedPerson p : a.people()) {
      ObjectNode n = people.addObject();
      n.put("name", p.name());
      ArrayNode box = n.putArray("box");
      box.add(Math.round(p.box().x())).add(Math.round(p.box().y()))
          .add(Math.round(p.box().width())).add(Math.round(p.box().height()));
      n.put("distance", Math.round(p.distance() * 10000) / 10000.0);
      n.put("position", p.position().label());
      if (Double.isFinite(p.threshold())) {
        n.put("threshold", Math.round(p.threshold() * 10000) / 10000.0);
      }
      if (Double.isFinite(p.margin())) {
        n.put("margin", Math.round(p.margin() * 10000) / 10000.0);
      }
    }
    o.put("facesDetected", a.facesDetected());
    o.put("backend", a.backend().name().toLowerCase(Locale.ROOT));
    o.put("recognitionMs", a.recognitionTime().toMillis());
    o.put("modelMs", a.modelTime().toMillis());
    a.usage().ifPresent(u -> o.putObject("usage")
        .put("promptTokens", u.promptTokens()).put("completionTokens", u.completionTokens()));
    if (enrollment != null) {
      o.set("enrollment", toJson(enrollment, mapper));
    }
    return o.toString();
  }
}
