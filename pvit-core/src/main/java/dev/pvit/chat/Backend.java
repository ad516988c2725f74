package dev.pvit.chat;

/** Which backend produced an {@link Answer}. */
public enum Backend {
  /** Local face recognition only, no model server. */
  EMBEDDED,
  /** The PVIT personalized prefix sent to a vision-language model (for PVIT-tuned models). */
  IN_CONTEXT,
  /** Local recognition plus a vision-language model told who is where. */
  GROUNDED
}
