/** Implementation of the Spark runner; not part of the public API. */
@NullMarked
package dev.pvit.spark.internal;

import org.jspecify.annotations.NullMarked;
