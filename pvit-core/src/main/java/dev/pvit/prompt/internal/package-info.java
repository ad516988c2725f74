/** Implementation details of {@code dev.pvit.prompt}: reserved-token guard, JSON and template matching. */
@NullMarked
package dev.pvit.prompt.internal;

import org.jspecify.annotations.NullMarked;
