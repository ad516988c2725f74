package dev.pvit.examples.cli;

import dev.pvit.client.InvalidModelConfigException;
import dev.pvit.client.OllamaChatModel;
import dev.pvit.client.OpenAiCompatibleChatModel;
import dev.pvit.client.VisionChatModel;
import java.time.Duration;
import java.util.function.UnaryOperator;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** Picocli mixin for reaching a vision-language model server. */
final class ModelServerOptions {
  /** The server protocols the CLI can talk to. */
  enum Protocol {
    openai,
    ollama
  }

  @Option(names = "--base-url", paramLabel = "URL",
      description = "Server URL, e.g. http://localhost:8000/v1 (openai) or http://localhost:11434 (ollama).")
  String baseUrl;

  @Option(names = "--model", paramLabel = "M", description = "Model name as the server knows it.")
  String model;

  @Option(names = "--api-key-env", paramLabel = "VAR",
      description = "Name of the environment variable holding the API key (openai only).")
  String apiKeyEnv;

  @Option(names = "--timeout", defaultValue = "60s", converter = ChatCheckCommand.DurationConverter.class,
      description = "Longest time for one model call, e.g. 60s, 2m, 500ms (default: ${DEFAULT-VALUE}).")
  Duration timeout;

  /**
   * Builds the model client.
   *
   * @param protocol which API the server speaks
   * @param env reads environment variables (the API key)
   * @param commandLine for usage errors
   * @param maxAttempts attempts per call, 1 for no retries
   * @return the client
   * @throws ParameterException if a required option is missing or misused
   * @throws InvalidModelConfigException if the API-key variable is not set
   */
  VisionChatModel build(Protocol protocol, UnaryOperator<String> env, picocli.CommandLine commandLine,
      int maxAttempts) {
    if (baseUrl == null || model == null) {
      throw new ParameterException(commandLine, "--base-url and --model are required with --backend " + protocol);
    }
    String apiKey = null;
    if (apiKeyEnv != null) {
      if (protocol == Protocol.ollama) {
        throw new ParameterException(commandLine, "--api-key-env is only used with --backend openai.");
      }
      apiKey = env.apply(apiKeyEnv);
      if (apiKey == null || apiKey.isBlank()) {
        throw new InvalidModelConfigException("environment variable " + apiKeyEnv + " (from --api-key-env) is not set.");
      }
    }
    Duration connect = min(timeout, Duration.ofSeconds(10));
    Duration idle = min(timeout, Duration.ofSeconds(60));
    if (protocol == Protocol.openai) {
      return OpenAiCompatibleChatModel.builder().baseUrl(baseUrl).model(model).apiKey(apiKey)
          .connectTimeout(connect).firstByteTimeout(timeout).idleTimeout(idle).totalTimeout(timeout)
          .maxAttempts(maxAttempts).build();
    }
    return OllamaChatModel.builder().baseUrl(baseUrl).model(model)
        .connectTimeout(connect).firstByteTimeout(timeout).idleTimeout(idle).totalTimeout(timeout)
        .maxAttempts(maxAttempts).build();
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) < 0 ? a : b;
  }
}
