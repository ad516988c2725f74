package dev.pvit.chat.internal;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.base.Stopwatch;
import dev.pvit.client.StreamListener;
import dev.pvit.client.VisionChatModel;
import dev.pvit.client.VisionChatResponse;
import dev.pvit.person.Person;
import dev.pvit.prompt.InvalidPromptException;
import dev.pvit.prompt.PersonalizedPrompt;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/** Sends personalized prompts to a vision-language model, checking its image limit first. */
public final class ModelCaller {
  private final VisionChatModel model;

  /**
   * A caller for a model.
   *
   * @param model the model (not closed here)
   */
  public ModelCaller(VisionChatModel model) {
    this.model = checkNotNull(model, "model");
  }

  /**
   * The model's response and how long it took.
   *
   * @param response the response
   * @param time the time spent waiting for it
   */
  public record Result(VisionChatResponse response, Duration time) {}

  /**
   * Sends a prompt.
   *
   * @param prompt the prompt
   * @return the response
   * @throws InvalidPromptException if the prompt has more images than the model accepts
   */
  public Result call(PersonalizedPrompt prompt) {
    return call(prompt, null);
  }

  /**
   * Sends a prompt, streaming the reply to {@code tokens} when given.
   *
   * @param prompt the prompt
   * @param tokens receives the reply as it arrives, or null for a blocking call
   * @return the response
   * @throws InvalidPromptException if the prompt has more images than the model accepts
   */
  public Result call(PersonalizedPrompt prompt, @Nullable StreamListener tokens) {
    int images = prompt.images().size();
    int max = model.capabilities().maxImagesPerRequest();
    if (images > max) {
      throw new InvalidPromptException("This question needs " + images + " images (one reference per person "
          + "and the scene) but the model accepts " + max + " per request; raise the server's limit (e.g. "
          + "vLLM --limit-mm-per-prompt) or register fewer people.");
    }
    Stopwatch clock = Stopwatch.createStarted();
    VisionChatResponse response = tokens == null ? model.chat(ModelRequests.of(prompt))
        : model.chat(ModelRequests.of(prompt), tokens);
    return new Result(response, clock.elapsed());
  }

  /**
   * A person with only their first reference photo, which keeps requests within servers' image
   * limits.
   *
   * @param p the person
   * @return the same person with one reference
   */
  public static Person firstReferenceOnly(Person p) {
    return new Person(p.name(), p.aliases(), p.facts(), p.references().subList(0, 1));
  }
}
