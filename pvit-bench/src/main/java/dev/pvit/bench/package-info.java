/** Accuracy (P-Bench style) and performance (JMH) benchmarks. */
@NullMarked
package dev.pvit.bench;

import org.jspecify.annotations.NullMarked;
