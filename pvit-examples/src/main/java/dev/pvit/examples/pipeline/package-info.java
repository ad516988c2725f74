/** Example: composing a custom data pipeline from the SDK's pipeline building blocks. */
@NullMarked
package dev.pvit.examples.pipeline;

import org.jspecify.annotations.NullMarked;
