package dev.pvit.client;

import static com.google.common.base.Preconditions.checkNotNull;

import dev.pvit.image.ImageInput;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * One turn of a conversation: a role and an ordered list of text and image parts.
 *
 * <p>Only {@link Role#USER} messages may contain images; system and assistant messages are text
 * only, which is what every supported server accepts. Instances are immutable.
 *
 * <pre>{@code
 * ChatMessage sys = ChatMessage.system("Answer in one sentence.");
 * ChatMessage user = ChatMessage.builder(Role.USER)
 *     .text("Who is in this photo?")
 *     .image(scene)
 *     .build();
 * }</pre>
 *
 * @param role who wrote the message
 * @param parts the content, in reading order; never empty
 */
public record ChatMessage(Role role, List<ContentPart> parts) {
  /**
   * Creates a message.
   *
   * @param role who wrote the message
   * @param parts the content, in reading order
   * @throws InvalidChatRequestException if {@code parts} is empty, or a non-user message holds an
   *     image
   */
  public ChatMessage {
    checkNotNull(role, "role");
    checkNotNull(parts, "parts");
    parts = List.copyOf(parts);
    if (parts.isEmpty()) {
      throw new InvalidChatRequestException(
          "A " + role + " message has no content; add at least one text or image part.");
    }
    if (role != Role.USER && parts.stream().anyMatch(p -> p instanceof ImagePart)) {
      throw new InvalidChatRequestException(
          "A " + role + " message contains an image; only USER messages may carry images.");
    }
  }

  /**
   * A system message.
   *
   * @param text the instructions
   * @return the message
   */
  public static ChatMessage system(String text) {
    return new ChatMessage(Role.SYSTEM, List.of(new TextPart(text)));
  }

  /**
   * An assistant message (an earlier reply), for multi-turn conversations.
   *
   * @param text the reply
   * @return the message
   */
  public static ChatMessage assistant(String text) {
    return new ChatMessage(Role.ASSISTANT, List.of(new TextPart(text)));
  }

  /**
   * A user message of text only.
   *
   * @param text the question
   * @return the message
   */
  public static ChatMessage user(String text) {
    return new ChatMessage(Role.USER, List.of(new TextPart(text)));
  }

  /**
   * A user message of parts in the given order.
   *
   * @param parts the content
   * @return the message
   */
  public static ChatMessage user(ContentPart... parts) {
    return new ChatMessage(Role.USER, Arrays.asList(parts));
  }

  /**
   * A builder that appends parts in call order.
   *
   * @param role who writes the message
   * @return a new builder
   */
  public static Builder builder(Role role) {
    return new Builder(role);
  }

  /**
   * All text parts joined in order (images left out).
   *
   * @return the text
   */
  public String text() {
    return parts.stream()
        .filter(p -> p instanceof TextPart)
        .map(p -> ((TextPart) p).text())
        .collect(Collectors.joining());
  }

  /**
   * The images of this message in order.
   *
   * @return the images
   */
  public List<ImageInput> images() {
    return parts.stream()
        .filter(p -> p instanceof ImagePart)
        .map(p -> ((ImagePart) p).image())
        .collect(Collectors.toUnmodifiableList());
  }

  /** Builds a {@link ChatMessage} part by part. Not thread-safe. */
  public static final class Builder {
    private final Role role;
    private final List<ContentPart> parts = new ArrayList<>();

    private Builder(Role role) {
      this.role = checkNotNull(role, "role");
    }

    /**
     * Appends a text part.
     *
     * @param text the text
     * @return this builder
     */
    public Builder text(String text) {
      parts.add(new TextPart(text));
      return this;
    }

    /**
     * Appends an image part.
     *
     * @param image the image
     * @return this builder
     */
    public Builder image(ImageInput image) {
      parts.add(new ImagePart(image));
      return this;
    }

    /**
     * Appends a part.
     *
     * @param part the part
     * @return this builder
     */
    public Builder part(ContentPart part) {
      parts.add(checkNotNull(part, "part"));
      return this;
    }

    /**
     * Builds the message.
     *
     * @return the message
     * @throws InvalidChatRequestException if no part was added, or a non-user message holds an image
     */
    public ChatMessage build() {
      return new ChatMessage(role, parts);
    }
  }
}
