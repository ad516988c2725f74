package dev.pvit.bench.pbench;

import static com.google.common.base.Preconditions.checkNotNull;

import dev.pvit.chat.Backend;
import dev.pvit.chat.Conversation;
import dev.pvit.chat.PersonalizedChat;
import dev.pvit.image.ImageInput;

/**
 * Asks a {@link PersonalizedChat}. For the embedded backend the questions about one scene share a
 * {@link Conversation}, so the scene is recognised once; with a model, every question is asked on
 * its own so earlier answers never leak into the model's context.
 *
 * @param chat the chat with the benchmark's people registered
 * @param backend the chat's backend
 */
public record ChatAnswerer(PersonalizedChat chat, Backend backend) implements Answerer {
  /** Checks the parts. */
  public ChatAnswerer {
    checkNotNull(chat, "chat");
    checkNotNull(backend, "backend");
  }

  @Override
  public Session scene(ImageInput scene) {
    if (backend == Backend.EMBEDDED) {
      Conversation c = chat.conversation();
      return q -> c.ask(scene, q);
    }
    return q -> chat.ask(scene, q);
  }
}
