package dev.pvit.examples.cli;

import dev.pvit.PvitException;
import dev.pvit.client.ContentPart;
import dev.pvit.client.OllamaChatModel;
import dev.pvit.client.OpenAiCompatibleChatModel;
import dev.pvit.client.TokenUsage;
import dev.pvit.client.VisionChatModel;
import dev.pvit.client.VisionChatRequest;
import dev.pvit.client.VisionChatResponse;
import dev.pvit.image.ImageInput;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code pvit chat-check}: sends one tiny text+image request to a model server and prints latency,
 * model id, token usage and the reply, to verify that a server works with the SDK.
 *
 * <pre>{@code
 * ./pvit chat-check --backend openai --base-url http://localhost:8000/v1 --model Qwen/Qwen2.5-VL-3B-Instruct
 * ./pvit chat-check --backend ollama --base-url http://localhost:11434 --model llava --stream
 * }</pre>
 */
@Command(
    name = "chat-check",
    mixinStandardHelpOptions = true,
    description =
        "Send one tiny text+image request (a generated 64x64 PNG) to a model server and print"
            + " latency, model id, token usage and the reply. Exit code 3 if the server does not answer.")
public final class ChatCheckCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--backend", required = true, description = "openai (any OpenAI-compatible server) or ollama.")
  ModelServerOptions.Protocol backend;

  @Mixin ModelServerOptions server;

  @Option(names = "--stream", description = "Stream the reply and also report time to first text.")
  boolean stream;

  private final UnaryOperator<String> env;

  /** Creates the command reading API keys from the process environment. */
  public ChatCheckCommand() {
    this(System::getenv);
  }

  ChatCheckCommand(UnaryOperator<String> env) {
    this.env = env;
  }

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    VisionChatRequest request = VisionChatRequest.builder()
        .user(ContentPart.text("What colour fills this image? Answer with one word."),
            ContentPart.image(testImage()))
        .maxTokens(16)
        .temperature(0)
        .build();
    try (VisionChatModel chat = server.build(backend, env, spec.commandLine(), 1)) {
      out.println("backend:  " + backend + " (" + endpoint(chat) + ")");
      long start = System.nanoTime();
      long[] firstText = {-1};
      VisionChatResponse reply = stream
          ? chat.chat(request, delta -> {
              if (firstText[0] < 0) {
                firstText[0] = System.nanoTime();
              }
            })
          : chat.chat(request);
      long end = System.nanoTime();
      String first = firstText[0] < 0 ? "" : " (first text after " + millis(firstText[0] - start) + " ms)";
      out.println("model:    " + reply.modelId() + (reply.modelId().equals(server.model) ? "" : " (requested " + server.model + ")"));
      out.println("latency:  " + millis(end - start) + " ms" + first);
      out.println("usage:    " + usage(reply.usage()));
      out.println("finish:   " + reply.finishReason().name().toLowerCase(Locale.ROOT));
      out.println("reply:    " + reply.text().strip());
      out.println("ok: the server answered a text+image request.");
      out.flush();
      return 0;
    } catch (PvitException e) {
      err.println("error: " + e.getMessage());
      err.flush();
      return PvitCli.EXIT_INVALID_INPUT;
    }
  }

  private static String endpoint(VisionChatModel chat) {
    if (chat instanceof OpenAiCompatibleChatModel m) {
      return m.endpoint();
    }
    return ((OllamaChatModel) chat).endpoint();
  }

  private static String usage(TokenUsage usage) {
    return usage == null
        ? "not reported by the server"
        : "prompt " + usage.promptTokens() + ", completion " + usage.completionTokens() + ", total "
            + usage.totalTokens() + " tokens";
  }

  private static long millis(long nanos) {
    return Math.round(nanos / 1e6);
  }

  /** A 64x64 PNG filled red, with a thin white border so it is not a trivial one-colour file. */
  static ImageInput testImage() {
    BufferedImage img = new BufferedImage(64, 64, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, 64, 64);
    g.setColor(new Color(220, 20, 20));
    g.fillRect(2, 2, 60, 60);
    g.dispose();
    return ImageInput.of(img, "chat-check.png");
  }

  /** Parses {@code 500ms}, {@code 60s}, {@code 2m}, {@code 1h} or ISO-8601 ({@code PT1M}). */
  static final class DurationConverter implements CommandLine.ITypeConverter<Duration> {
    private static final Pattern SIMPLE = Pattern.compile("(\\d+)\\s*(ms|s|m|h)");

    @Override
    public Duration convert(String value) {
      String v = value.strip().toLowerCase(Locale.ROOT);
      Matcher m = SIMPLE.matcher(v);
      Duration d;
      if (m.matches()) {
        long n = Long.parseLong(m.group(1));
        d = switch (m.group(2)) {
          case "ms" -> Duration.ofMillis(n);
          case "s" -> Duration.ofSeconds(n);
          case "m" -> Duration.ofMinutes(n);
          default -> Duration.ofHours(n);
        };
      } else {
        try {
          d = Duration.parse(value.strip().toUpperCase(Locale.ROOT));
        } catch (DateTimeParseException e) {
          throw new CommandLine.TypeConversionException(
              "'" + value + "' is not a duration; use e.g. 60s, 2m or 500ms");
        }
      }
      if (d.isZero() || d.isNegative()) {
        throw new CommandLine.TypeConversionException("'" + value + "' must be a positive duration");
      }
      return d;
    }
  }
}
