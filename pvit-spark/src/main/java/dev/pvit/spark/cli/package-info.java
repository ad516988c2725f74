/** The {@code pvit-spark} command line: {@code pvit generate} on a Spark master. */
@NullMarked
package dev.pvit.spark.cli;

import org.jspecify.annotations.NullMarked;
