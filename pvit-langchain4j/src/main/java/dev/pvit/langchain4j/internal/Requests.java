package dev.pvit.langchain4j.internal;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.Content;
import dev.langchain4j.data.message.ImageContent;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.TextContent;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.pvit.client.ChatMessage;
import dev.pvit.client.ContentPart;
import dev.pvit.client.ImageDetail;
import dev.pvit.client.ImagePart;
import dev.pvit.client.Role;
import dev.pvit.client.TextPart;
import dev.pvit.client.VisionChatRequest;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Translates a PVIT {@link VisionChatRequest} into a LangChain4j {@link ChatRequest}: text and image
 * parts keep their order, images travel as base64 with their media type, and sampling settings are
 * set only when the request sets them (so the LangChain4j model's defaults apply otherwise).
 *
 * @param imageDetail the detail hint for every image, or null to leave it to the provider
 * @param systemPrompt whether the model honours system messages; when false, system text is put in
 *     front of the first user message instead, so the instructions still reach the model
 */
public record Requests(@Nullable ImageDetail imageDetail, boolean systemPrompt) {

  /**
   * The LangChain4j request for a PVIT request.
   *
   * @param request the PVIT request
   * @return the LangChain4j request
   */
  public ChatRequest toLangChain4j(VisionChatRequest request) {
    List<dev.langchain4j.data.message.ChatMessage> messages = new ArrayList<>();
    StringBuilder pendingSystem = new StringBuilder();
    for (ChatMessage m : request.messages()) {
      if (m.role() == Role.SYSTEM && m.text().isBlank()) {
        continue; // LangChain4j refuses blank system messages, and they carry nothing
      }
      if (m.role() == Role.SYSTEM && !systemPrompt) {
        pendingSystem.append(m.text()).append("\n\n");
        continue;
      }
      messages.add(switch (m.role()) {
        case SYSTEM -> SystemMessage.from(m.text());
        case ASSISTANT -> AiMessage.from(m.text());
        case USER -> user(m, pendingSystem);
      });
    }
    if (pendingSystem.length() > 0) {
      // Only system text and no user turn: it still has to be sent as something the model reads.
      messages.add(UserMessage.from(pendingSystem.toString().strip()));
    }
    ChatRequest.Builder b = ChatRequest.builder().messages(messages);
    if (request.temperature() != null) {
      b.temperature(request.temperature());
    }
    if (request.maxTokens() != null) {
      b.maxOutputTokens(request.maxTokens());
    }
    return b.build();
  }

  private UserMessage user(ChatMessage m, StringBuilder pendingSystem) {
    List<Content> contents = new ArrayList<>();
    if (pendingSystem.length() > 0) {
      contents.add(TextContent.from(pendingSystem.toString()));
      pendingSystem.setLength(0);
    }
    for (ContentPart p : m.parts()) {
      if (p instanceof TextPart t) {
        contents.add(TextContent.from(t.text()));
      } else if (p instanceof ImagePart i) {
        String base64 = i.image().base64();
        String type = i.image().mediaType();
        contents.add(imageDetail == null ? ImageContent.from(base64, type)
            : ImageContent.from(base64, type, detail(imageDetail)));
      }
    }
    return UserMessage.from(contents);
  }

  private static ImageContent.DetailLevel detail(ImageDetail d) {
    return switch (d) {
      case AUTO -> ImageContent.DetailLevel.AUTO;
      case LOW -> ImageContent.DetailLevel.LOW;
      case HIGH -> ImageContent.DetailLevel.HIGH;
    };
  }
}
