package dev.pvit.examples.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.pvit.PvitException;
import dev.pvit.image.ImageInput;
import dev.pvit.person.InvalidPersonException;
import dev.pvit.person.Person;
import dev.pvit.prompt.ImageMode;
import dev.pvit.prompt.ImagePlaceholder;
import dev.pvit.prompt.IntroStyle;
import dev.pvit.prompt.InvalidPromptException;
import dev.pvit.prompt.LlavaConversationRenderer;
import dev.pvit.prompt.OllamaMessagesRenderer;
import dev.pvit.prompt.OpenAiMessagesRenderer;
import dev.pvit.prompt.PersonalizedPrompt;
import dev.pvit.prompt.PlainTextRenderer;
import dev.pvit.prompt.TextPrompt;
import dev.pvit.prompt.WrapperTokens;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code pvit prompt}: renders a personalized prompt for one backend format, without calling any
 * model, to see exactly what a model would receive.
 *
 * <pre>{@code
 * ./pvit prompt --format llava --person Alice=alice.jpg --person Bob=bob1.jpg,bob2.jpg \
 *     --scene party.jpg "What is Alice holding?"
 * ./pvit prompt --format openai --wrapper person-tags --inline-images --person Alice=alice.jpg \
 *     --scene party.jpg "Is Alice here?"
 * }</pre>
 */
@Command(
    name = "prompt",
    mixinStandardHelpOptions = true,
    description = {
      "Render a personalized prompt (the PVIT prefix, the scene and the question) for a backend.",
      "Images are shown as file names unless --inline-images is given."
    })
public final class PromptCommand implements Callable<Integer> {
  private static final Map<String, ImagePlaceholder> PLACEHOLDERS =
      Map.of(
          "llava", ImagePlaceholder.LLAVA,
          "qwen-vl", ImagePlaceholder.QWEN_VL,
          "internvl", ImagePlaceholder.INTERNVL,
          "gemma3", ImagePlaceholder.GEMMA3,
          "llama-vision", ImagePlaceholder.LLAMA_VISION);

  @Spec CommandSpec spec;

  @Mixin PeopleOptions peopleOptions;

  @Option(names = "--format", defaultValue = "llava", paramLabel = "FORMAT",
      description = "llava (PVIT conversation JSON, default), openai, ollama or text.")
  String format;

  @Option(names = "--scene", required = true, paramLabel = "IMG",
      description = "The scene photo (repeatable for several scenes).")
  List<Path> scenes;

  @Option(names = "--wrapper", defaultValue = "none", paramLabel = "WRAPPER",
      description = "none (the released PVIT format, default) or person-tags (<person> ... </person>).")
  String wrapper;

  @Option(names = "--placeholder", defaultValue = "llava", paramLabel = "FAMILY",
      description = "Image placeholder of the model family: llava (<image>, default), qwen-vl, internvl, "
          + "gemma3 or llama-vision. Used by the llava and text formats.")
  String placeholder;

  @Option(names = "--intro-style", defaultValue = "face", paramLabel = "STYLE",
      description = "Introduction wording for --intro-seed: face (default) or body.")
  String introStyle;

  @Option(names = "--intro-seed", paramLabel = "N",
      description = "Pick each introduction at random (reproducibly) from our template family "
          + "instead of 'This is {name}.'.")
  Long introSeed;

  @Option(names = "--system", paramLabel = "TEXT", description = "A system prompt.")
  String system;

  @Option(names = "--escape", description = "Replace reserved tokens in names and the question by look-alikes "
      + "(e.g. <image> -> \u2039image\u203a) instead of rejecting them.")
  boolean escape;

  @Option(names = "--inline-images", description = "Show images as data URLs (base64 for ollama) instead of file names.")
  boolean inlineImages;

  @Parameters(paramLabel = "QUESTION", description = "The question about the scene.")
  String question;

  /**
   * Renders the prompt and prints it.
   *
   * @return 0 on success
   * @throws CommandLine.ParameterException for an unknown choice (exit code 2)
   * @throws PvitException for invalid people, images or question (exit code 3)
   */
  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    String fmt = choice("--format", format, List.of("llava", "openai", "ollama", "text"));
    String wrap = choice("--wrapper", wrapper, List.of("none", "person-tags"));
    String family = choice("--placeholder", placeholder, PLACEHOLDERS.keySet().stream().sorted().toList());
    String style = choice("--intro-style", introStyle, List.of("face", "body"));
    List<Person> people = peopleOptions.load();
    PersonalizedPrompt.Builder b =
        PersonalizedPrompt.builder()
            .people(people)
            .question(question)
            .wrapperTokens(wrap.equals("none") ? WrapperTokens.NONE : WrapperTokens.PERSON_TAGS)
            .imagePlaceholder(PLACEHOLDERS.get(family))
            .introStyle(style.equals("face") ? IntroStyle.FACE : IntroStyle.BODY)
            .escapeReservedTokens(escape);
    if (introSeed != null) {
      b.randomIntroductions(introSeed);
    }
    if (system != null) {
      b.systemPrompt(system);
    }
    for (Path scene : scenes) {
      b.scene(ImageInput.of(scene));
    }
    PersonalizedPrompt prompt;
    try {
      prompt = b.build();
    } catch (InvalidPersonException e) {
      throw new InvalidPersonException(CliErrors.cliHint(e.getMessage()));
    } catch (InvalidPromptException e) {
      throw new InvalidPromptException(CliErrors.cliHint(e.getMessage()), e);
    }
    ImageMode mode = inlineImages ? ImageMode.INLINE : ImageMode.FILE_NAME;
    switch (fmt) {
      case "llava":
        out.println(LlavaConversationRenderer.create(mode).renderJson(prompt));
        break;
      case "openai":
        out.println(pretty(OpenAiMessagesRenderer.builder().imageMode(mode).build().render(prompt)));
        break;
      case "ollama":
        out.println(pretty(OllamaMessagesRenderer.create(mode).render(prompt)));
        break;
      default:
        TextPrompt text = PlainTextRenderer.create().render(prompt);
        out.println(text.text());
        out.println();
        out.println("images:");
        for (int i = 0; i < text.images().size(); i++) {
          ImageInput img = text.images().get(i);
          out.println("  " + (i + 1) + ". " + (inlineImages ? img.dataUrl() : img.name()));
        }
        break;
    }
    out.flush();
    return 0;
  }

  private String choice(String option, String value, List<String> allowed) {
    if (!allowed.contains(value)) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), option + " '" + value + "' is not one of " + String.join(", ", allowed));
    }
    return value;
  }

  private static String pretty(Object node) {
    try {
      return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
