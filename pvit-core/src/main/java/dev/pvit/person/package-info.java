/** Registered people: names, aliases, facts and reference photos. */
@NullMarked
package dev.pvit.person;

import org.jspecify.annotations.NullMarked;
