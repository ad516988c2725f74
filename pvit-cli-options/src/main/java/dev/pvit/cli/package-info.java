/**
 * Picocli options shared by the {@code pvit} and {@code pvit-spark} command lines, so that a flag
 * both take is declared, documented and checked once. Not an SDK API: applications use the
 * builders of {@code pvit-core} and {@code pvit-spark} directly.
 */
@NullMarked
package dev.pvit.cli;

import org.jspecify.annotations.NullMarked;
