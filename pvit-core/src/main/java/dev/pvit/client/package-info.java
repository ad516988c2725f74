/**
 * Vision chat clients: the {@link dev.pvit.client.VisionChatModel} SPI, its request and response
 * types, and ready-made clients for OpenAI-compatible servers (vLLM, SGLang, llama.cpp, LM Studio,
 * hosted APIs) and Ollama, built on the JDK HTTP client.
 */
@NullMarked
package dev.pvit.client;

import org.jspecify.annotations.NullMarked;
