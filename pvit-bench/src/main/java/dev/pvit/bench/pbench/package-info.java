/**
 * P-Bench-style accuracy evaluation: labelled face sets, deterministic question generation in
 * phrasings written for the benchmark, answer reading (yes/no, stated names, counts, choices),
 * scoring into correct, wrong and abstained against the scene labels, P-Bench records and answers
 * files in the PVIT release's shapes, and reports.
 */
@NullMarked
package dev.pvit.bench.pbench;

import org.jspecify.annotations.NullMarked;
