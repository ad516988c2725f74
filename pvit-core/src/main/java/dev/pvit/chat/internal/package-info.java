/** Implementation of the chat layer: question parsing and embedded answers. Not API. */
@NullMarked
package dev.pvit.chat.internal;

import org.jspecify.annotations.NullMarked;
