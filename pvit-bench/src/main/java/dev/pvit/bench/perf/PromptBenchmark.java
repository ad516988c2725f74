package dev.pvit.bench.perf;

import dev.pvit.image.ImageInput;
import dev.pvit.person.Person;
import dev.pvit.prompt.LlavaConversationRenderer;
import dev.pvit.prompt.OpenAiMessagesRenderer;
import dev.pvit.prompt.PersonalizedPrompt;
import java.awt.image.BufferedImage;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Building and rendering a personalized prompt with three people (one 150x150 reference each) and
 * the 5-face scene: as a LLaVA/PVIT record (file names) and as OpenAI chat messages (inline base64
 * data URLs, the cost a request pays).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class PromptBenchmark {
  private PersonalizedPrompt prompt;
  private final LlavaConversationRenderer llava = LlavaConversationRenderer.create();
  private final OpenAiMessagesRenderer openAi = OpenAiMessagesRenderer.create();
  private Person alice;
  private Person bob;
  private Person carol;
  private ImageInput scene;

  /** Makes the people and the scene. */
  @Setup
  public void setUp() {
    alice = Person.of("Alice", reference("alice.png"));
    bob = Person.of("Bob", reference("bob.png"));
    carol = Person.of("Carol", reference("carol.png"));
    scene = BenchInputs.fiveFaces();
    prompt = build();
  }

  private static ImageInput reference(String name) {
    return ImageInput.of(new BufferedImage(150, 150, BufferedImage.TYPE_INT_RGB), name);
  }

  private PersonalizedPrompt build() {
    return PersonalizedPrompt.builder().person(alice).person(bob).person(carol).scene(scene)
        .question("What is Bob holding?").build();
  }

  /**
   * Builds (validates) the prompt.
   *
   * @return the prompt
   */
  @Benchmark
  public PersonalizedPrompt buildPrompt() {
    return build();
  }

  /**
   * Renders the prompt as a PVIT/LLaVA JSON record.
   *
   * @return JSON
   */
  @Benchmark
  public String renderLlava() {
    return llava.renderJson(prompt);
  }

  /**
   * Renders the prompt as OpenAI chat messages with inline images.
   *
   * @return JSON
   */
  @Benchmark
  public String renderOpenAiInline() {
    return openAi.renderJson(prompt);
  }
}
