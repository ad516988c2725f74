/**
 * Implementation details of {@code dev.pvit.prompt}: reserved-token guard, JSON, template matching,
 * name extraction from introductions ({@link dev.pvit.prompt.internal.NameExtractor} and the classes
 * it delegates to) and the refusal analyser.
 */
@NullMarked
package dev.pvit.prompt.internal;

import org.jspecify.annotations.NullMarked;
