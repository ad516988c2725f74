package dev.pvit.chat.internal;

import dev.pvit.chat.internal.LogicalForm.AgeBeyond;
import dev.pvit.chat.internal.LogicalForm.AgeExtreme;
import dev.pvit.chat.internal.LogicalForm.AllOf;
import dev.pvit.chat.internal.LogicalForm.Clauses;
import dev.pvit.chat.internal.LogicalForm.MoreExpressive;
import dev.pvit.chat.internal.LogicalForm.MostExpressive;
import dev.pvit.chat.internal.LogicalForm.OlderThan;
import dev.pvit.chat.internal.LogicalForm.Relation;
import dev.pvit.chat.internal.LogicalForm.Shows;
import dev.pvit.face.Expression;
import dev.pvit.face.FaceAttributes;
import dev.pvit.face.RecognizedFace;
import java.util.Comparator;
import java.util.List;

/**
 * The face model's age and expression estimates, and the margins within which two of them are too
 * close to call. Estimates are noisy, so "looks older" or "the happiest" is decided only when the
 * estimates differ by at least a margin; closer than that, the engine abstains rather than guess.
 * Every answer built on an estimate says so ({@link #ESTIMATE}).
 */
final class Estimates {
  /** Years two age estimates must differ by before one person "looks older". */
  static final double AGE_MARGIN = 3;
  /** Probability two expression estimates must differ by before one person "looks happier". */
  static final double EXPRESSION_MARGIN = 0.1;
  /** The note every answer built on an estimate ends with. */
  static final String ESTIMATE = " (This is an estimate from the face.)";

  private Estimates() {}

  /** Whether a relation is decided by estimates, so that its answer carries {@link #ESTIMATE}. */
  static boolean estimate(Relation r) {
    if (r instanceof AllOf a) {
      return a.parts().stream().anyMatch(Estimates::estimate);
    }
    if (r instanceof Clauses c) {
      return c.parts().stream().anyMatch(p -> estimate(p.relation()));
    }
    return r instanceof Shows || r instanceof MostExpressive || r instanceof MoreExpressive || r instanceof AgeExtreme
        || r instanceof OlderThan || r instanceof AgeBeyond;
  }

  /** The oldest/youngest or most expressive face(s): one, or several when too close to call. */
  static List<RecognizedFace> extreme(Relation r, List<RecognizedFace> faces) {
    if (faces.isEmpty()) {
      return List.of();
    }
    Comparator<RecognizedFace> by;
    double margin;
    if (r instanceof AgeExtreme a) {
      by = Comparator.comparingDouble(f -> a.oldest() ? age(f) : -age(f));
      margin = AGE_MARGIN;
    } else if (r instanceof OlderThan o) {
      by = Comparator.comparingDouble(f -> o.older() ? age(f) : -age(f));
      margin = AGE_MARGIN;
    } else {
      Expression e = r instanceof MostExpressive m ? m.expression() : ((MoreExpressive) r).expression();
      by = Comparator.comparingDouble(f -> probability(f, e));
      margin = EXPRESSION_MARGIN;
    }
    List<RecognizedFace> sorted = faces.stream().sorted(by.reversed()).toList();
    double best = score(r, sorted.get(0));
    return sorted.stream().filter(f -> best - score(r, f) < margin).toList();
  }

  /** A face's value on the scale {@link #extreme} sorts by: higher is older, younger or more expressive. */
  private static double score(Relation r, RecognizedFace f) {
    if (r instanceof AgeExtreme a) {
      return a.oldest() ? age(f) : -age(f);
    }
    if (r instanceof OlderThan o) {
      return o.older() ? age(f) : -age(f);
    }
    Expression e = r instanceof MostExpressive m ? m.expression() : ((MoreExpressive) r).expression();
    return probability(f, e);
  }

  /** How answers say the comparison: "the oldest", "younger", "the most happy", "more sad". */
  static String superlative(Relation r) {
    if (r instanceof AgeExtreme a) {
      return a.oldest() ? "the oldest" : "the youngest";
    }
    if (r instanceof OlderThan o) {
      return o.older() ? "older" : "younger";
    }
    Expression e = r instanceof MostExpressive m ? m.expression() : ((MoreExpressive) r).expression();
    return (r instanceof MostExpressive ? "the most " : "more ") + Wording.adjective(e);
  }

  /** The estimate behind a comparison, in words: "about 40", "happy 94%". */
  static String measure(Relation r, RecognizedFace f) {
    if (r instanceof AgeExtreme || r instanceof OlderThan) {
      return "about " + Wording.years(age(f));
    }
    Expression e = r instanceof MostExpressive m ? m.expression() : ((MoreExpressive) r).expression();
    return Wording.adjective(e) + " " + Wording.percent(probability(f, e));
  }

  /** A face's estimates; {@link NoEstimates} when the engine computed none. */
  static FaceAttributes attributes(RecognizedFace f) {
    return f.face().attributes().orElseThrow(() -> new NoEstimates(f));
  }

  /** The apparent age estimate in years. */
  static double age(RecognizedFace f) {
    return attributes(f).apparentAge();
  }

  /** The estimated probability of an expression. */
  static double probability(RecognizedFace f, Expression e) {
    return attributes(f).probability(e);
  }
}
