/**
 * The SDK's front door: {@link dev.pvit.chat.PersonalizedChat} answers questions about registered
 * people in a scene photo, embedded (local face recognition only), in context (the PVIT prefix sent
 * to a vision-language model) or grounded (local recognition tells a vision-language model who is
 * where).
 */
@NullMarked
package dev.pvit.chat;

import org.jspecify.annotations.NullMarked;
