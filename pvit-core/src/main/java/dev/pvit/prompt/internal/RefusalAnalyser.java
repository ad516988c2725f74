package dev.pvit.prompt.internal;

import static dev.pvit.prompt.internal.AbsencePatterns.absent;
import static dev.pvit.prompt.internal.PersonMarker.mark;
import static dev.pvit.prompt.internal.RefusalClauses.CLAUSE_SPLIT;
import static dev.pvit.prompt.internal.RefusalClauses.P;
import static dev.pvit.prompt.internal.RefusalClauses.expand;
import static dev.pvit.prompt.internal.RefusalClauses.segments;
import static dev.pvit.prompt.internal.RefusalClauses.tokens;
import static dev.pvit.prompt.internal.RefusalPolarity.negative;
import static dev.pvit.prompt.internal.RefusalPolarity.withoutNegatedRemnant;
import static dev.pvit.prompt.internal.UnknownPatterns.unknown;

import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A small clause analyser for refusals. The answer is split into sentences, clauses (at ";", ":"
 * and coordinating/subordinating conjunctions, "that"/"whether" complements) and comma segments;
 * the person (the given name, or any capitalised non-function word, and personal pronouns) becomes
 * one token {@code @p}, its possessive {@code @p 's}. A segment refuses when its polarity is
 * negative (an odd number of negators, counting lexical negatives such as "absent", "lacks",
 * "unknown") and the person fills a slot of a predicate class:
 *
 * <ul>
 *   <li>unknown: an identity complement ("who @p is" ending there, not "who @p is talking to";
 *       "what @p looks like", "how @p looks", "the identity of @p", "@p's appearance", "their
 *       face", "the name @p", "that name", "anyone named @p"), or an acquaintance predicate
 *       (know, recognise, familiar, introduced, information/reference/details about, describe…)
 *       whose object or subject is the person;
 *   <li>absent: the person as subject of a presence predicate (in the image, present, visible,
 *       appear, absent…) with a complement that locates it in the image or nowhere in particular;
 *       as object of a seeing verb (see, find, locate…) or of a showing verb whose subject is the
 *       image (show, include, lack, exclude…), the negation reaching the verb or its object ("I
 *       can see @p, but not her face" sees the person; "the photo has no @p in it" does not);
 *       after a negated existential or evidence noun ("there is no @p", "there doesn't seem to
 *       be anyone named @p here", "No @p in this picture", "no sign of @p"); or matched by a
 *       negative universal ("none of the people is @p").
 * </ul>
 *
 * Unknown wins over absent. A possessive ("@p's face", "@p's hands") is not the person, so "I
 * can't see Alice's face" is no refusal; a complement elsewhere ("not present at the table", "not
 * on the left", "not in the photo's foreground") is not the image, so those are no refusals either.
 *
 * <p>This class only runs the clauses and segments and combines their verdicts; the parts live in
 * {@link PersonMarker} (finding the person), {@link RefusalClauses} (clauses, tokens, segments),
 * {@link RefusalPolarity} (negation and its look-alikes), {@link UnknownPatterns} and
 * {@link IdentityComplements} (the unknown family), {@link AbsencePatterns} (the absent family),
 * {@link ImageReferences} (what a locative or subject refers to) and {@link RefusalLexicon} (the
 * word classes).
 */
public final class RefusalAnalyser {
  /** The three outcomes, mapped to the public enum by the caller. */
  public enum Family {
    /** Not in the scene. */
    ABSENT,
    /** Never introduced. */
    UNKNOWN,
    /** Not a refusal. */
    NONE
  }

  private RefusalAnalyser() {}

  /**
   * Classifies one answer.
   *
   * @param text the answer, already normalised (straight quotes, single spaces)
   * @param name the person asked about, or null for any capitalised name
   * @return the family
   */
  public static Family classify(String text, @Nullable String name) {
    String marked = mark(text, name);
    boolean absent = false;
    boolean mentioned = false;
    for (String clause : CLAUSE_SPLIT.split(expand(marked))) {
      List<String> toks = tokens(clause);
      if (mentioned && !toks.isEmpty() && Set.of("not", "nowhere", "never").contains(toks.get(0)) && !toks.contains(P)) {
        // "Ana? Not in this picture.": the bare mention before is the subject of the elliptical clause
        toks.addAll(0, List.of(P, "is"));
      }
      mentioned = toks.equals(List.of(P));
      for (List<String> seg : segments(toks)) {
        Family f = segment(seg);
        if (f == Family.UNKNOWN) {
          return Family.UNKNOWN;
        }
        absent |= f == Family.ABSENT;
      }
    }
    return absent ? Family.ABSENT : Family.NONE;
  }

  /** One comma segment: no refusal unless negative; then unknown before absent. */
  private static Family segment(List<String> t) {
    t = withoutNegatedRemnant(t);
    if (!negative(t)) {
      return Family.NONE;
    }
    if (unknown(t)) {
      return Family.UNKNOWN;
    }
    return absent(t) ? Family.ABSENT : Family.NONE;
  }
}
