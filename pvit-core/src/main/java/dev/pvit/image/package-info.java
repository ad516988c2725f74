/**
 * Image inputs: encoded bytes with their media type, read from files, streams, byte arrays or
 * {@link java.awt.image.BufferedImage}s, decoded only when pixels are needed.
 */
@NullMarked
package dev.pvit.image;

import org.jspecify.annotations.NullMarked;
