package dev.pvit.chat;

/** What a question asks, as understood by the embedded question parser. */
public enum Intent {
  /** "Is Alice here?", "Can you see Bob in this photo?" */
  PRESENCE,
  /** "Who is in this photo?", "Do you recognise anyone?" */
  IDENTIFY,
  /** "Who is on the left?", "Who's in the middle?" */
  IDENTIFY_AT_POSITION,
  /** "Where is Bob?", "Which side is Bob on?" */
  LOCATE,
  /** "Is Alice left of Bob?", "Is Bob to the right of Alice?" */
  RELATIVE_POSITION,
  /** "How many of my people are here?", "How many people are in the photo?" */
  COUNT,
  /** "Is Alice smiling?", "How does Bob feel?" */
  EXPRESSION,
  /** "How old is Alice?", "What age does Bob look?" */
  AGE,
  /** Anything that needs a vision-language model, e.g. "What is Bob holding?" */
  DESCRIBE
}
