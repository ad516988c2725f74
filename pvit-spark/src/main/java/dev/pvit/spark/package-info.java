/**
 * The PVIT data-generation pipeline on Apache Spark: {@link dev.pvit.spark.PvitSpark} runs the
 * stages of {@code pvit generate} in Spark tasks with the local runner's output, byte for byte.
 * Spark is a {@code provided} dependency: the cluster supplies it.
 */
@NullMarked
package dev.pvit.spark;

import org.jspecify.annotations.NullMarked;
