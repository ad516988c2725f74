/**
 * Personalized prompts: the PVIT prefix (one reference image and introduction per person), the
 * scene and the question, rendered for LLaVA/PVIT conversation JSON, OpenAI-compatible and Ollama
 * chat messages, or plain text; plus the introduction and refusal template families and a refusal
 * classifier.
 *
 * <pre>{@code
 * PersonalizedPrompt prompt = PersonalizedPrompt.builder()
 *     .person(Person.of("Alice", Path.of("alice.jpg")))
 *     .scene(ImageInput.of(Path.of("party.jpg")))
 *     .question("What is Alice holding?")
 *     .build();
 * String record = LlavaConversationRenderer.create().renderJson(prompt);
 * }</pre>
 */
@NullMarked
package dev.pvit.prompt;

import org.jspecify.annotations.NullMarked;
