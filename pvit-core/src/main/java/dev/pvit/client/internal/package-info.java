/**
 * Implementation of the vision chat clients: HTTP transport, retry loop, SSE/NDJSON parsing, wire
 * codecs and redaction. Not part of the public API.
 */
@NullMarked
package dev.pvit.client.internal;

import org.jspecify.annotations.NullMarked;
