package dev.pvit.chat;

/**
 * The family of a question, as understood by the embedded question parser (see {@code
 * docs/questions.md} for the grammar of each family). Every mode reports it in {@link
 * Answer#intent()}; only the embedded and grounded modes act on it.
 */
public enum Intent {
  /** "Is Alice here?", "Are Alice and Bob both in the photo?", "Is anyone I know here?" */
  PRESENCE,
  /** "Who is in this photo?", "Who don't you know?" */
  IDENTIFY,
  /** "Who is on the left?", "Who is second from the right?", "Is the person in the middle Bob?" */
  IDENTIFY_AT_POSITION,
  /** "Where is Bob?", "Which side is Bob on?", "Is Bob on the far left?" */
  LOCATE,
  /** "Is Alice left of Bob?", "Who is to the right of Alice?" */
  RELATIVE_POSITION,
  /** "Who is next to Alice?", "Is Alice between Bob and Carol?" */
  NEIGHBOURS,
  /** "How many people are here?", "How many people are not registered?" */
  COUNT,
  /** "Is Alice smiling?", "Who looks happiest?" (estimates from the face) */
  EXPRESSION,
  /** "How old is Alice?", "Who is the youngest?" (estimates from the face) */
  AGE,
  /** About things faces cannot tell (clothing, objects, actions, height…): "What is Bob holding?" */
  DESCRIBE,
  /** Not understood: a word or construction outside the supported question space. */
  UNKNOWN
}
