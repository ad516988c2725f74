/**
 * LangChain4j integration: {@link dev.pvit.langchain4j.LangChain4jVisionModel} runs PVIT's grounded
 * and in-context modes on any LangChain4j {@code ChatModel} (OpenAI, Azure, Gemini, Anthropic,
 * Bedrock, Mistral, Ollama, ...), and {@link dev.pvit.langchain4j.PersonalizedVisionTools} lets a
 * LangChain4j agent ask who is in a photo about the people an application registered.
 */
@NullMarked
package dev.pvit.langchain4j;

import org.jspecify.annotations.NullMarked;
