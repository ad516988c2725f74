/** The {@code pvit} command-line tool. */
@NullMarked
package dev.pvit.examples.cli;

import org.jspecify.annotations.NullMarked;
