package dev.pvit.chat.internal;

import dev.pvit.client.ChatMessage;
import dev.pvit.client.ContentPart;
import dev.pvit.client.Role;
import dev.pvit.client.VisionChatRequest;
import dev.pvit.prompt.PersonalizedPrompt;
import dev.pvit.prompt.PromptMessage;
import dev.pvit.prompt.PromptSegment;

/** Turns a personalized prompt into a model request, keeping text and images in prefix order. */
public final class ModelRequests {
  private ModelRequests() {}

  /**
   * Converts a prompt.
   *
   * @param prompt the personalized prompt
   * @return the request, one chat message per prompt message
   */
  public static VisionChatRequest of(PersonalizedPrompt prompt) {
    VisionChatRequest.Builder b = VisionChatRequest.builder();
    for (PromptMessage m : prompt.messages()) {
      ChatMessage.Builder mb = ChatMessage.builder(role(m.role()));
      for (PromptSegment s : m.segments()) {
        if (s instanceof PromptSegment.Text t) {
          mb.part(ContentPart.text(t.text()));
        } else if (s instanceof PromptSegment.Image i) {
          mb.part(ContentPart.image(i.image()));
        }
      }
      b.message(mb.build());
    }
    return b.build();
  }

  private static Role role(PromptMessage.Role role) {
    return switch (role) {
      case SYSTEM -> Role.SYSTEM;
      case USER -> Role.USER;
      case ASSISTANT -> Role.ASSISTANT;
    };
  }
}
