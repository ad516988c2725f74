/** Image decoding internals: safe decoding to RGB pixels with EXIF orientation applied. */
@NullMarked
package dev.pvit.image.internal;

import org.jspecify.annotations.NullMarked;
