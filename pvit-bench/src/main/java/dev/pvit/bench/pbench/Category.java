package dev.pvit.bench.pbench;

/** Question categories of the benchmark, each scored separately. */
public enum Category {
  /** "Is X in this photo?" where X is there. */
  PRESENCE_YES("presence-yes", Kind.ANSWERABLE),
  /** "Is X in this photo?" where X is registered but not there. */
  PRESENCE_NO("presence-no", Kind.ANSWERABLE),
  /** "Is X missing from this picture?": a negated presence question, yes when X is not there. */
  NEGATED_PRESENCE("negated-presence", Kind.ANSWERABLE),
  /** "Are X and Y both here?": yes only when both are there. */
  CONJUNCTION("conjunction", Kind.ANSWERABLE),
  /** "Is either X or Y in it?": yes when at least one is there. */
  DISJUNCTION("disjunction", Kind.ANSWERABLE),
  /** "Who is in this photo?": the answer must name exactly the registered people who are there. */
  WHO("who-is-here", Kind.ANSWERABLE),
  /** "Which of these people is in this photo? A) … D) none of them". */
  IDENTIFICATION("identification", Kind.ANSWERABLE),
  /** "Is X to the left of Y?" for scenes with at least two registered people. */
  RELATIVE_POSITION("relative-position", Kind.ANSWERABLE),
  /** "How many of my registered people are in this photo?". */
  COUNT("count", Kind.ANSWERABLE),
  /** A question about a registered person who is not in the scene: the answer must refuse. */
  ABSENT_REFUSAL("absent-refusal", Kind.UNANSWERABLE),
  /** A question about a name nobody registered: the answer must refuse. */
  UNKNOWN_REFUSAL("unknown-refusal", Kind.UNANSWERABLE),
  /** "What is X holding?", scored by keyword; only for backends with a vision model, reported apart. */
  DESCRIPTION("description", Kind.SEPARATE),
  /** A multiple-choice record of a P-Bench-shaped file whose correct option is an answer. */
  CHOICE("choice", Kind.ANSWERABLE),
  /** A multiple-choice record of a P-Bench-shaped file whose correct option is a refusal. */
  CHOICE_REFUSAL("choice-refusal", Kind.UNANSWERABLE);

  /** How a category counts in the summary. */
  public enum Kind {
    /** Counts towards answerable accuracy. */
    ANSWERABLE,
    /** Counts towards unanswerable (refusal) accuracy. */
    UNANSWERABLE,
    /** Reported on its own. */
    SEPARATE
  }

  private final String label;
  private final Kind kind;

  Category(String label, Kind kind) {
    this.label = label;
    this.kind = kind;
  }

  /**
   * The label used in reports, e.g. {@code presence-yes}.
   *
   * @return the label
   */
  public String label() {
    return label;
  }

  /**
   * How the category counts in the summary.
   *
   * @return the kind
   */
  public Kind kind() {
    return kind;
  }
}
