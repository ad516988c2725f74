/** The README's quick-start example. */
@NullMarked
package dev.pvit.examples.quickstart;

import org.jspecify.annotations.NullMarked;
