/**
 * PVIT for Java: personalized visual understanding. The root package holds the exception hierarchy
 * shared by every module; features live in one package per concept ({@code person}, {@code image},
 * {@code prompt}, {@code face}, {@code client}, {@code chat}, {@code pipeline}).
 */
@NullMarked
package dev.pvit;

import org.jspecify.annotations.NullMarked;
