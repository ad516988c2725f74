/** Implementation of the LangChain4j integration; not API. */
@NullMarked
package dev.pvit.langchain4j.internal;

import org.jspecify.annotations.NullMarked;
