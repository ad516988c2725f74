/**
 * P-Bench-style accuracy evaluation: labelled face sets, deterministic question generation,
 * answer reading, scoring and reports.
 */
@NullMarked
package dev.pvit.bench.pbench;

import org.jspecify.annotations.NullMarked;
