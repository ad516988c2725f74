package dev.pvit.chat.internal;

import dev.pvit.chat.AnswerKind;

/**
 * An answer's text and kind, before timings and people are attached.
 *
 * @param text the answer
 * @param kind its kind
 */
public record Reply(String text, AnswerKind kind) {}
