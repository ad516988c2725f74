/** JMH performance benchmarks, their runner and the JavaScript reference baseline. */
@NullMarked
package dev.pvit.bench.perf;

import org.jspecify.annotations.NullMarked;
