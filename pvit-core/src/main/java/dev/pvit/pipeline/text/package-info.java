/**
 * PVIT phase 2, dual-level text: a description of each curated scene, either from a vision-language
 * model (whole scene, each person with a {@code <name>} placeholder, and an LLM fusion step; prompts
 * stored as resources and overridable) or, without a model, a shorter structured description from
 * what the embedded face engine knows.
 */
@NullMarked
package dev.pvit.pipeline.text;

import org.jspecify.annotations.NullMarked;
