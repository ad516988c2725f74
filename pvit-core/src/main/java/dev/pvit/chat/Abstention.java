package dev.pvit.chat;

import static com.google.common.base.Preconditions.checkNotNull;

import java.util.List;

/**
 * Why the embedded engine did not answer a question itself.
 *
 * <pre>{@code
 * Answer a = chat.ask(photo, "Is Bob taller than Alice?");
 * a.abstention().ifPresent(ab -> log.info("not answered locally ({}): {}", ab.reason(), ab.words()));
 * }</pre>
 *
 * @param reason the reason
 * @param words the words of the question that caused it (the words not understood, the vision
 *     words such as "holding", or the unresolved pronoun); may be empty for a construction that was
 *     not understood although each word was
 */
public record Abstention(Reason reason, List<String> words) {
  /** Checks and copies the parts. */
  public Abstention {
    checkNotNull(reason, "reason");
    words = List.copyOf(words);
  }

  /** Why a question was not answered locally. */
  public enum Reason {
    /** The question is about what faces cannot tell (clothing, objects, actions, height…). */
    NEEDS_VISION_MODEL,
    /** A word or construction of the question is outside the supported question space. */
    NOT_UNDERSTOOD,
    /** A pronoun ("she", "they") does not refer to anyone named earlier in the conversation. */
    UNRESOLVED_PRONOUN,
    /**
     * The question has two readings that give different answers, or does not say which people it
     * means ("the stranger" with two strangers in the photo, "the older of the two" with five).
     */
    AMBIGUOUS,
    /**
     * The faces do not settle it: a face resembles a registered person the question is about but is
     * not close enough to name, so that person can be neither confirmed nor ruled out ({@link
     * dev.pvit.face.SceneRecognition#lookalikes}), or two age or expression estimates are too close
     * to call. The words are the registered names concerned.
     */
    UNCERTAIN,
    /**
     * The input asks several questions ("Is Penny here? Is Leonard here?"); answering only one of
     * them would drop the others, so they are to be asked one at a time.
     */
    SEVERAL_QUESTIONS
  }
}
