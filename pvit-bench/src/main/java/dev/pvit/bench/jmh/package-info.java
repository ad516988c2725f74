/** JMH micro-benchmarks; run them with {@code java -cp ... org.openjdk.jmh.Main <regex>}. */
@NullMarked
package dev.pvit.bench.jmh;

import org.jspecify.annotations.NullMarked;
