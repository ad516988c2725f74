package dev.pvit.pipeline.text;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The prompts the pipeline sends to a vision-language model. The defaults are this SDK's own,
 * stored as resources ({@code dev/pvit/pipeline/text/*.txt}); each can be replaced.
 *
 * <ul>
 *   <li>{@code holistic}: sent with the scene image; describes the whole photo;
 *   <li>{@code person}: sent with one body crop; must ask for the {@value #NAME} placeholder;
 *   <li>{@code fusion}: text only; {@code {scene}} and {@code {people}} are replaced by the two
 *       descriptions; people carry numbered placeholders {@code <name1>}, {@code <name2>}, ...;
 *   <li>{@code qa}: text only; {@code {description}} is replaced by the fused description; the
 *       reply is a JSON array of {@code {type, question, answer, options?}} objects.
 * </ul>
 *
 * <pre>{@code
 * PipelinePrompts prompts = PipelinePrompts.defaults().withPerson("Describe <name>'s clothes.");
 * PipelinePrompts mine = PipelinePrompts.load(Path.of("prompts"));   // overrides the files present
 * }</pre>
 *
 * @param holistic the whole-scene prompt
 * @param person the per-person prompt
 * @param fusion the fusion prompt
 * @param qa the question-generation prompt
 */
public record PipelinePrompts(String holistic, String person, String fusion, String qa) {
  /** The per-person placeholder. */
  public static final String NAME = "<name>";

  /** Checks that each prompt has its slots. */
  public PipelinePrompts {
    checkNotNull(holistic, "holistic");
    checkNotNull(person, "person");
    checkNotNull(fusion, "fusion");
    checkNotNull(qa, "qa");
    checkArgument(!holistic.isBlank(), "The holistic prompt is blank.");
    checkArgument(person.contains(NAME), "The person prompt must ask for the %s placeholder.", NAME);
    checkArgument(fusion.contains("{scene}") && fusion.contains("{people}"),
        "The fusion prompt must contain {scene} and {people}.");
    checkArgument(qa.contains("{description}"), "The QA prompt must contain {description}.");
  }

  /**
   * The SDK's prompts.
   *
   * @return the defaults
   */
  public static PipelinePrompts defaults() {
    return new PipelinePrompts(resource("holistic.txt"), resource("person.txt"), resource("fusion.txt"),
        resource("qa.txt"));
  }

  /**
   * The defaults, with each prompt replaced by {@code holistic.txt}, {@code person.txt},
   * {@code fusion.txt} or {@code qa.txt} from a folder when that file exists.
   *
   * @param dir the folder
   * @return the prompts
   * @throws UncheckedIOException if a file exists but cannot be read
   */
  public static PipelinePrompts load(Path dir) {
    PipelinePrompts d = defaults();
    return new PipelinePrompts(file(dir, "holistic.txt", d.holistic), file(dir, "person.txt", d.person),
        file(dir, "fusion.txt", d.fusion), file(dir, "qa.txt", d.qa));
  }

  /**
   * These prompts with another whole-scene prompt.
   *
   * @param prompt the prompt
   * @return new prompts
   */
  public PipelinePrompts withHolistic(String prompt) {
    return new PipelinePrompts(prompt, person, fusion, qa);
  }

  /**
   * These prompts with another per-person prompt.
   *
   * @param prompt the prompt, containing {@value #NAME}
   * @return new prompts
   */
  public PipelinePrompts withPerson(String prompt) {
    return new PipelinePrompts(holistic, prompt, fusion, qa);
  }

  /**
   * These prompts with another fusion prompt.
   *
   * @param prompt the prompt, containing {@code {scene}} and {@code {people}}
   * @return new prompts
   */
  public PipelinePrompts withFusion(String prompt) {
    return new PipelinePrompts(holistic, person, prompt, qa);
  }

  /**
   * These prompts with another question-generation prompt.
   *
   * @param prompt the prompt, containing {@code {description}}
   * @return new prompts
   */
  public PipelinePrompts withQa(String prompt) {
    return new PipelinePrompts(holistic, person, fusion, prompt);
  }

  private static String resource(String name) {
    try (InputStream in = PipelinePrompts.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("The SDK resource dev/pvit/pipeline/text/" + name + " is missing.");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String file(Path dir, String name, String fallback) {
    Path p = dir.resolve(name);
    if (!Files.isRegularFile(p)) {
      return fallback;
    }
    try {
      return Files.readString(p, StandardCharsets.UTF_8).strip();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read prompt file '" + p + "': " + e.getMessage(), e);
    }
  }
}
