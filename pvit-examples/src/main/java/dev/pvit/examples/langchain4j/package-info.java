/** LangChain4j: a LangChain4j model as PVIT's backend, and PVIT as tools of a LangChain4j agent. */
@NullMarked
package dev.pvit.examples.langchain4j;

import org.jspecify.annotations.NullMarked;
