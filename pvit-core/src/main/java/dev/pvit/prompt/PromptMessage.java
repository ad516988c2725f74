package dev.pvit.prompt;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * One message of a prompt: its role and its ordered segments. Only the first user message carries
 * images.
 *
 * @param role who speaks
 * @param segments ordered text and image segments
 */
public record PromptMessage(Role role, List<PromptSegment> segments) {
  /** Who speaks a message. */
  public enum Role {
    /** The system prompt. */
    SYSTEM,
    /** The user. */
    USER,
    /** The assistant (earlier answers in the conversation history). */
    ASSISTANT
  }

  /** Copies the segments. */
  public PromptMessage {
    checkNotNull(role, "role");
    segments = ImmutableList.copyOf(segments);
  }

  /**
   * Whether any segment is an image.
   *
   * @return true if the message has images
   */
  public boolean hasImages() {
    return segments.stream().anyMatch(s -> s instanceof PromptSegment.Image);
  }

  /**
   * The text segments joined by newlines, images left out.
   *
   * @return the text
   */
  public String text() {
    return segments.stream()
        .filter(s -> s instanceof PromptSegment.Text)
        .map(s -> ((PromptSegment.Text) s).text())
        .collect(Collectors.joining("\n"));
  }
}
