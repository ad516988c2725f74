package dev.pvit.chat.internal;

import dev.pvit.chat.Position;
import dev.pvit.chat.internal.LogicalForm.AgeBeyond;
import dev.pvit.chat.internal.LogicalForm.AgeExtreme;
import dev.pvit.chat.internal.LogicalForm.AgeOf;
import dev.pvit.chat.internal.LogicalForm.Adjacent;
import dev.pvit.chat.internal.LogicalForm.AllOf;
import dev.pvit.chat.internal.LogicalForm.Behind;
import dev.pvit.chat.internal.LogicalForm.Between;
import dev.pvit.chat.internal.LogicalForm.Clauses;
import dev.pvit.chat.internal.LogicalForm.Described;
import dev.pvit.chat.internal.LogicalForm.ExpressionOf;
import dev.pvit.chat.internal.LogicalForm.Filter;
import dev.pvit.chat.internal.LogicalForm.Group;
import dev.pvit.chat.internal.LogicalForm.InRow;
import dev.pvit.chat.internal.LogicalForm.InThird;
import dev.pvit.chat.internal.LogicalForm.Junction;
import dev.pvit.chat.internal.LogicalForm.Missing;
import dev.pvit.chat.internal.LogicalForm.MoreExpressive;
import dev.pvit.chat.internal.LogicalForm.MostExpressive;
import dev.pvit.chat.internal.LogicalForm.Names;
import dev.pvit.chat.internal.LogicalForm.NextTo;
import dev.pvit.chat.internal.LogicalForm.OfThe;
import dev.pvit.chat.internal.LogicalForm.OlderThan;
import dev.pvit.chat.internal.LogicalForm.Only;
import dev.pvit.chat.internal.LogicalForm.Present;
import dev.pvit.chat.internal.LogicalForm.Quantifier;
import dev.pvit.chat.internal.LogicalForm.Ranked;
import dev.pvit.chat.internal.LogicalForm.Relation;
import dev.pvit.chat.internal.LogicalForm.Shows;
import dev.pvit.chat.internal.LogicalForm.SideOf;
import dev.pvit.chat.internal.LogicalForm.Want;
import dev.pvit.face.Expression;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The question grammar, over the terminals of {@link Lexicon}. A question is first brought into a
 * canonical clause by meaning-preserving rewrites (idioms, filler prefixes such as "can you tell
 * me", subject–auxiliary inversion of statements, tag questions, do-support, "is there", the scene
 * phrase "in this photo"), then it must match one production as a whole; each production builds a
 * {@link LogicalForm}. Anything that matches no production is not understood.
 *
 * <p>Person slots are terminals {@code p0, p1…} (a registered name or a resolved pronoun), {@code
 * u0…} (a word that can only be an unregistered name) and {@code r0} (an unresolved pronoun).
 */
final class Grammar {
  private static final String P = "[pur]\\d+";
  private static final String PL = "(?:(?:both|either|neither|all) (?:of )?)?" + P + "(?:(?: " + P + ")* (?:and|or|nor) "
      + P + ")?(?: both| all| each)?";
  private static final String LIST = "(?:(?:both|either|neither|all) (?:of )?)?" + P + "(?: (?:and|or|nor) " + P
      + ")*(?: both| all| each)?";
  private static final String EXPR = "e(?:happy|sad|angry|fearful|disgusted|surprised|neutral)";
  /** An expression that can be shown, including "upset" (any unpleasant one); not compared by degree. */
  private static final String SHOWN = "e(?:happy|sad|angry|fearful|disgusted|surprised|neutral|upset)";
  /** A bare "left"/"right" needs a preposition: "Is Penny right?" asks whether she is correct. */
  private static final String PLACE = "(?:(?:person )?(?:on )?(?:far (?:left|right)|(?:o\\d+|olast) (?:person )?"
      + "(?:from |on )?(?:left|right))(?: person)?|(?:person )?on (?:left|right|middle)(?: person)?|middle person"
      + "|(?:person )?(?:on )?(?:frontrow|backrow)(?: person)?)";
  /** A description of one face: "the stranger", "the person on the left", "the person". */
  private static final String DESC = "(?:(?<du>unknown )?(?:person|(?<dp>" + PLACE + ")))";
  private static final String GROUP = "(?:(?:known|unknown) )?(?:anyone|everyone|nobody|person|q(?:gt|ge|lt|le|eq|all|ab)\\d+"
      + "|qmost)(?: (?:known|unknown))?";
  /**
   * A face described instead of named, as the other end of a relation: "the oldest person", "the
   * smiling one", "the stranger", "the child", "the person on the left".
   */
  private static final String DREF = "(?:unknown person|(?:person )?(?:oldest|youngest|most " + EXPR + "|child"
      + "|(?:over|under) n\\d+)(?: person)?|" + SHOWN + " person|person (?:on (?:left|right|middle)|far (?:left|right)"
      + "|(?:o\\d+|olast) (?:from |on )?(?:left|right)))";
  /** Whom a relation is about: a name or a description. */
  private static final String ANCHOR = "(?:" + P + "|" + DREF + ")";
  private static final String REL = "nextto " + ANCHOR + "|(?:left|right)ofv? " + ANCHOR + "|between " + ANCHOR + " and "
      + ANCHOR + "|adjacent|(?:behind|infront|samerow) " + ANCHOR;
  /** A face described by a relation to another: "the person next to the oldest one", "the person left of Raj". */
  private static final String DSUBJ = "(?:" + DREF + "|person (?:nextto|leftof|rightof|behind|infront) " + ANCHOR + ")";
  private static final String PRED = "(?:here|absent|only person|(?:not )?" + SHOWN + "(?: or " + SHOWN + ")*|" + PLACE + "|" + REL
      + "|most " + EXPR + "(?: " + PL + ")?|more " + EXPR + "(?: " + PL + "| than " + ANCHOR + ")?|(?:oldest|youngest)(?: "
      + PL + ")?|(?:older|younger)(?: " + PL + "| than " + ANCHOR + ")?"
      + "|(?:over|under) n\\d+|aged\\d+to\\d+)";
  /** Terminals that make a clause's predicate, so a scene phrase ("in this photo") next to them is redundant. */
  private static final Pattern PREDICATE = Pattern.compile("\\b(?:on|nextto|between|leftofv?|rightofv?|far|o\\d+|olast"
      + "|behind|infront|frontrow|backrow|samerow"
      + "|middle|left|right|" + SHOWN + "|more|most|older|younger|oldest|youngest|absent|over|under"
      + "|only|adjacent|aged\\d+to\\d+)\\b");

  private record Rewrite(Pattern pattern, String replacement) {}

  /**
   * "except X", "besides X", "other than X", "anyone but X" (pronouns allowed). "besides" right after
   * "is" or "standing" ("Who is standing besides Leonard?") is a misspelt "beside" as often as not,
   * so there it is not read as an exception and the question abstains.
   */
  private static final Pattern EXCEPT = Pattern.compile("(?:(?<= )except|(?<= )(?<!\\b(?:be|stand) )besides"
      + "|(?<=(?:anyone|everyone|nobody|person|who) )but|(?<=(?:anyone|nobody|who be) )with) "
      + "((?:(?:both|either|neither|all) (?:of )?)?(?:prons?|" + P + ")(?:(?: " + P + ")* (?:and|or) " + P + ")?)(?= )");
  /** "Between Frank and Gina, who is younger?", "Of Frank and Gina, is Gina older?" */
  private static final Pattern FRONTED = Pattern.compile("^(?:of|between|among) (" + PL + ") (?=(?:who|which|be)\\b)");
  /** "the older of the two", "which of the three", "the oldest one of the two". */
  private static final Pattern PARTITIVE = Pattern.compile(" (who|which(?: person)?|person|older|younger|oldest|youngest"
      + "|(?:more|most) " + EXPR + ")(?: person)? of n(\\d+)(?= )|^ of n(\\d+)(?= )");
  /** A comparison with nobody to compare with: "Who is older?", "Which one looks happier?", "Is Bob the older one?" */
  private static final Pattern COMPARATIVE = Pattern.compile("^(?:(?:who|which)(?: person)?(?! .*\\b" + P + "\\b)|be "
      + P + ")(?: (?:be|do|look|appear|seem))* (?:person )?(?:older|younger|more " + EXPR + ")(?: person)?$");
  /** "both of them", "either of them", "neither of them" when the conversation named nobody. */
  private static final Pattern PAIR = Pattern.compile(" (both|either|neither) of prons(?= )");

  private static final List<Rewrite> BEFORE_PRONOUNS = rewrites(
      // idioms
      "\\bhow many\\b", "howmany",
      "\\bnumber of\\b", "howmany",
      "\\bwhat be howmany\\b", "howmany",
      "\\bcount(?: howmany)?\\b", "howmany",
      // "How many faces do you count?", "Count the faces for me"
      "^(howmany\\b.*?) (?:do|md) (?:you|i) howmany$", "$1",
      "^(howmany\\b.*?) for (?:i|you)$", "$1",
      // "How many people can you name?": the ones recognised
      "^howmany (person|anyone|everyone)(?: here)? (?:md|do) (?:you|i) list$", "howmany known person",
      // "What's the mood of the person on the right?", "What is the age of Bob?"
      "^what be (?:poss )?exprn of (?=(?:unknown )?person\\b)", "what exprn be ",
      "^what be (?:poss )?exprn of (" + P + ")$", "$1 poss exprn",
      "^what be (?:poss )?age of (?=(?:unknown )?person\\b)", "howold be ",
      "^what be (?:poss )?age of (" + P + ")$", "$1 poss age",
      // "Is Anne-Marie's expression happy?", "Does Penny's face look happy?"
      "\\b(" + P + ") poss (?:exprn|person) (?=(?:not )?(?:look |be |appear )?" + SHOWN + "$)", "$1 ",
      "\\bhow old\\b", "howold",
      // "three adults", "two kids": a number of people
      "\\b(n\\d+) (child|minor|adult|elderly)\\b(?! person)", "$1 $2 person",
      // "no" quantifies people ("Are there no strangers?"); before a question it is an interjection, and
      // a follow-up opening with a conjunction ("And is he smiling?", "But where is Raj?") asks the
      // question after it
      "\\bno (?=(?:(?:known|unknown) )?(?:person|child|minor|adult|elderly)\\b)", "nobody ",
      "^(?:no|and|but) (?=be|do|md|who|where|which|howmany|how|what)\\b", "",
      // out of the picture, left the frame
      "\\boutof photo\\b", "absent",
      "^have (" + PL + ") left(?: photo)?$", "be $1 absent",
      // "right in the middle", "right behind Ella": an intensifier
      "(?<!\\bon |\\bof |\\bfar )\\bright (?=on middle\\b|nextto\\b|between\\b|behind\\b|infront\\b)", "",
      "\\binfront$", "on frontrow",
      // "Is Raj to the right of everyone?": the rightmost
      "\\b(?:on )?(left|right) of (?:everyone|anyone)\\b", "far $1",
      // "Does Penny have a smile on her face?"
      "\\b(" + SHOWN + ") on prons?(?: poss)? person\\b", "$1",
      // "in her twenties", "in his teens"
      "\\bon (?:prons?(?: poss)?|i|you) (aged\\d+to\\d+)\\b", "$1",
      // "Is anyone old?": looks elderly
      "\\bold\\b", "elderly",
      "\\b(look|appear) on be\\b", "$1",
      "\\bwhat age\\b", "howold",
      "\\bnext on\\b", "nextto",
      // "closest to the middle" is the middle; "closest to Penny" is next to her
      "\\bnextto (?:on )?(?=middle\\b)", "on ",
      "\\bnextto on (?=" + P + "|pron)", "nextto ",
      // "Is Dana by herself?": a reflexive pronoun is never a name
      "\\bby self\\b", "alone",
      "\\balone\\b", "only person",
      // "someone called Howard" is Howard; "them" in "among them" are the people of the photo
      "\\b(?:anyone|person) named (?=" + P + ")", "",
      "\\bamong prons\\b", "here",
      "\\b(older|younger|oldest|youngest) person\\b", "$1",
      "\\bolder than (?:everyone|anyone)\\b", "oldest",
      "\\byounger than (?:everyone|anyone)\\b", "youngest",
      "\\bmore (" + EXPR + ") than (?:everyone|anyone)\\b", "most $1",
      "\\b(?:on )?(?:far )?end on (left|right)\\b", "far $1",
      "^what be (?:poss )?list of (?=person\\b)", "who be ",
      "\\bnextto of\\b", "nextto",
      // "above Ella" / "below Greg": the row behind / in front (faces higher in the photo stand further back)
      "\\bover (?=" + ANCHOR + "\\b|pron)", "behind ",
      "\\bunder (?=" + ANCHOR + "\\b|pron)", "infront ",
      "^which photo (be " + P + ")(?: on)?$", "where $1",
      "\\bon (?:photo|it|here|there|view)\\b", "inphoto",
      "\\b(?:of|from) (?:photo|it)\\b", "inphoto",
      "^do photo see\\b", "see",
      "^be photo see\\b", "see",
      "\\bfar on (left|right)\\b", "far $1",
      "\\bon far (left|right)\\b", "far $1",
      "\\bfar (?!left\\b|right\\b)", "",
      "\\b(left|right|middle) side\\b", "$1",
      "\\b(left|right) end\\b", "far $1",
      "\\bmy\\b ?", "",
      "\\b(prons?) (exprn|age|neighbour)\\b", "$1 poss $2",
      "\\b(which|what) person\\b", "who",
      "\\b(?:which|what) (known|unknown) person\\b", "who $1 person",
      "^who be prons$", "who be",
      "^which of (?=known|unknown|person|anyone|everyone)", "who ",
      // "Which is older, Ella or Sue?"
      "^which (?=be (?:older|younger|more|oldest|youngest|most)\\b)", "who ",
      "\\bneighbour of (" + P + ")", "nextto $1",
      "\\bfar (left|right) than (" + P + ")", "$1of $2",
      "\\bmore on (left|right) than (" + P + ")", "$1of $2",
      // numbers of people: "at least two people", "more than three strangers", "exactly one person"
      "\\b(atleast|atmost|exactly|more than|less than) person(?= (?:(?:known|unknown|child|minor|adult|elderly|" + SHOWN + ") )?person\\b)",
      "$1 n1",
      "\\bexactly (?=n\\d+)", "qeq ",
      // "Are two people smiling?", "Are two of them strangers?": a number without "at least" or "exactly"
      "^(be(?: there)?) (?=n\\d+ (?:(?:known|unknown|child|minor|adult|elderly|" + SHOWN + ") )?person\\b)", "$1 qab ",
      "^(be(?: there)?) (n\\d+) of prons\\b", "$1 qab $2 PEOPLE_OF_PHOTO",
      "\\bexactly\\b", "",
      "\\batleast (?=n\\d+)", "qge ",
      "\\batmost (?=n\\d+)", "qle ",
      "\\bmore than (?=n\\d+ (?:(?:known|unknown|child|minor|adult|elderly|" + SHOWN + ") )?person\\b)", "qgt ",
      "\\bless than (?=n\\d+ (?:(?:known|unknown|child|minor|adult|elderly|" + SHOWN + ") )?person\\b)", "qlt ",
      "\\bmost of (?=(?:(?:known|unknown) )?person\\b)", "most ",
      "\\bmost (?=(?:(?:known|unknown) )?person\\b)", "qmost ",
      "\\bmost of prons\\b", "PLURAL_OR_MOST",
      "\\ball (n\\d+)(?: of prons| person)?\\b", "qall $1",
      "\\b(?:older|over|more) than (n\\d+)", "over $1",
      "\\b(?:younger|under|less) than (n\\d+)", "under $1",
      "\\bover age of (n\\d+)", "over $1",
      "\\bunder age of (n\\d+)", "under $1",
      "\\b(" + EXPR + ") most\\b", "most $1",
      "\\b(known|unknown) on (?:you|i)\\b", "$1",
      // "on Penny's left" is read as the side seen in the photo; the answer states that reading
      "\\b(?:on|to) (" + P + ") poss (left|right)\\b", "$2ofv $1",
      // "people I registered", "the people you know"
      "\\b(person|everyone|anyone|nobody) (?:i|you) (?:(?:do|md|have) )?known\\b", "known $1",
      // listing order is always left to right
      "^(list|who)\\b(.*?) (?:from )?left on right$", "$1$2",
      "\\b(" + P + "|anyone|everyone|nobody) poss (?=(?:on|here|inphoto|there|absent|not|nextto|between|far|" + SHOWN
          + "|older|younger|o\\d+|look|stand|left|right|middle)\\b)", "$1 be ",
      "\\b(" + P + ") poss person\\b", "$1",
      // tag questions and a trailing "right?", "correct?" or "is that right?"
      "^(.+) be right$", "$1 right",
      "^(.+) tag$", "$1 right",
      "^(.+ (?:be|do|md|poss|look|appear|here|see)\\b.*) (?:be|do|md|have) (?:not )?(?:prons?|it)$", "$1",
      "^((?!be |do |md |who |where )\\S.*?)(?<!\\bon|\\bfar|\\bfrom|\\bof|\\bmost|\\bor|\\band|\\bleft) right$", "$1",
      // left dislocation: "Ferdinand, is he here?"
      "^(" + PL + ") (be|do|md) prons?\\b", "$2 $1",
      // filler prefixes: "can you tell me", "I wonder", "would you mind checking"
      "^(?:(?:md|do|be|i|you|not|on|let)\\s)*(?:ask|tell|know)(?:\\s(?:ask|tell|know|on|i|you))*\\s"
          + "(?=.*\\b(?:be|do|md|see|appear|look)\\b|who|where|which|howmany|howold|how|what)", "",
      "^see i (?=who|where|which|howmany|howold|how|what)", "",
      "^(?:on )?(?:which|what) side\\b", "whichside",
      "^see i ", "see ",
      "^(?:md|do) (?:you|i) (?=howmany|list|guess)", "",
      // "you know / recognise / see" as a filter or a verb; recognising a named person is seeing them
      "^(?:do|md) (?:not )?(?:you|i) (?:not )?recog (?=" + P + ")", "see ",
      // "Don't you know anyone here?" asks the same as "Do you know anyone here?"; "How many people
      // don't you know?" does not (its negation is the question's)
      "^(do|md) not (you|i) (know|recog)\\b", "$1 $2 $3",
      // "Do you know the person on the right?": whether the one face described is known
      "^(?:do|md) (?:you|i) (?:know|recog) (person (?:on|far|o\\d+|olast) \\S.*)$", "be $1 isknown",
      "\\b(?:do|md) (not )?(?:you|i) (not )?(?:know|recog)\\b", "KNOW$1$2",
      "\\b(?:you|i) (?:(?:do|md) )?(not )?(?:know|recog)\\b", "KNOW$1",
      "\\bKNOWnot\\b(?: not\\b)?", "unknown",
      // "anybody here I haven't registered", "people I have not recognised"
      "\\b(?:i|you) (?:(?:do|md|have|be) )?not known\\b", "unknown",
      "\\bKNOW", "known",
      // "Do you know any of these people?": is anyone recognised
      "^known either person(?: here)?$", "be known anyone",
      "\\bnot known\\b", "unknown",
      "\\b(?:do|md) (?:not )?(?:you|i) (?:not )?see\\b", "see",
      "\\b(?:you|i) (?:(?:do|md) )?see\\b", "see",
      // "do you recognise everyone (in this photo)?" asks whether every face is known
      "^known (anyone|everyone|nobody|person)(?: inphoto| here)?\\b", "be known $1",
      "^known (?=.*\\b(?:be|do|md)\\b)", "",
      "\\b(?:all|every) of prons\\b", "PLURAL_OR_EVERYONE",
      "\\bany of prons\\b", "PLURAL_OR_ANYONE",
      "\\bhowmany of prons\\b", "howmany person");

  private static final List<Rewrite> AFTER_PRONOUNS = rewrites(
      "\\bwhich of (" + PL + ") be (.+)$", "who be $2 $1",
      // "Isn't Penny here?" asks the same as "Is Penny here?"
      "^(be|do|md) not (" + PL + "|anyone|everyone|nobody|known|unknown|person)\\b", "$1 $2",
      "^have (" + PL + ") be\\b", "be $1",
      // "Is everyone here a stranger?", "Is everybody in the photo someone I know?"
      "^be (everyone|anyone|nobody) (?:here|inphoto) (?=(?:known|unknown)(?: person)?$)", "be $1 ",
      // statements become questions
      "^(" + PL + ") (be|do|md) ", "$2 $1 ",
      "^(anyone|everyone|nobody) (?:here|inphoto) (?=(?:be|do) )", "$1 ",
      "^(" + PL + ") (?:look|appear|feel) ", "be $1 ",
      // without a verb: "Alice happy?", "Penny on the left?"
      "^(" + PL + ") (?=(?:not )?(?:" + SHOWN + "|on|nextto|between|leftofv?|rightofv?|far|oldest|youngest|older|younger"
          + "|over|under|more|most)\\b)", "be $1 ",
      "^(where|whichside) (" + PL + ") be (?:here|inphoto)$", "$1 be $2",
      "^(who|where|whichside|howold)(?: (.+))? be(?: on)?$", "$1 be $2",
      "^md (" + PL + ") be\\b", "be $1",
      "^md (there|anyone|everyone|nobody) be\\b", "be $1",
      // existential "there"
      "^be there\\b", "be",
      "^there be\\b", "be",
      "\\b(be|see) there\\b", "$1",
      "\\bthere\\b", "here",
      "\\bhere too$", "here",
      // do-support and copular verbs before adjectives
      "\\bhave (" + SHOWN + ")(?: exprn)?\\b", "$1",
      "\\b(?:look|appear|feel|be look)\\b (?=(?:not )?(?:" + SHOWN + "|more|most|older|younger|oldest|youngest|over|under"
          + "|only|child|minor|adult|elderly|aged\\d+to\\d+)\\b)", "",
      "^do (?=.*\\b(?:" + SHOWN + "|more|most|older|younger|oldest|youngest|over|under|aged\\d+to\\d+)\\b)", "be ",
      // "Who doesn't look happy?", "Is there anyone who isn't smiling?": do-support and relative clauses
      "\\b(who|anyone|everyone|nobody|person) do (?=(?:not )?(?:" + SHOWN + "|older|younger|oldest|youngest|over|under"
          + "|more|most)\\b)", "$1 be ",
      "\\b(anyone|everyone|nobody)((?: (?:known|unknown))?(?: person)?) who (?:be |do )?(?=(?:not )?(?:" + SHOWN
          + "|on|nextto|between|far|o\\d+|olast|older|younger|oldest|youngest|over|under|leftofv?|rightofv?|behind"
          + "|infront|child|minor|adult|elderly)\\b)", "$1$2 ",
      "^recog (?=person|everyone|anyone|known|unknown)", "list ",
      "^recog (?=[pur]\\d)", "see ",
      "\\bappear(?: here)?\\b", "here",
      "^have (" + PL + ")(?= (?:not )?(?:here|absent)$)", "be $1",
      "^(?:do|md) (" + PL + ")(?= (?:not )?here\\b)", "be $1",
      "\\bstand (?=(?:on|nextto|between|far|o\\d+|olast|left|right|middle|leftofv?|rightofv?|behind|infront|frontrow"
          + "|backrow)\\b)", "",
      "^(where|whichside)(.*) stand\\b", "$1$2",
      "^(where|whichside|howold) do\\b", "$1 be",
      "^where see (" + PL + ")$", "where be $1",
      "^do (" + PL + ") (?=(?:not )?(?:on|nextto|between|leftofv?|rightofv?|far|o\\d+|olast|adjacent|left|right|middle)\\b)",
      "be $1 ",
      "^(who|list) (?:do |md )?see\\b", "who be",
      "^who (?!be\\b)", "who be ",
      "^(who be (?:known |unknown )?(?:person|anyone|everyone)(?: known| unknown)?) (?:be|do|see) ", "$1 ",
      "^(who be (?:known |unknown )?(?:person|anyone|everyone)(?: known| unknown)?) see$", "$1",
      "\\bbe be\\b", "be",
      // spatial relations
      "\\b(?:on )?(left|right) (?:of|from) (?=" + ANCHOR + "\\b)", "$1of ",
      "\\b(" + P + ") poss neighbour\\b", "nextto $1",
      "\\bnextto eachother\\b", "adjacent",
      "\\bamong person\\b", "here",
      "^who be not (?:here|inphoto)$", "who be absent",
      // "Which of my people aren't in this photo?", "Is there anyone who isn't here?": registered people missing
      "^who be (?:known )?(?:person )?not (?:here|inphoto)$", "who be absent",
      "\\b(anyone|person) who be not (?:here|inphoto)$", "$1 absent",
      "\\binphoto\\b", "here",
      "\\bhere(?: here)+\\b", "here",
      // "Is Penny here along with Leonard?", "Are Penny and Leonard in the picture together?"
      "^be (" + PL + ") (?:here )?together(?: here)?$", "be $1 here",
      // "Are Ana and Ben standing together?": next to each other
      "^be (" + PL + ") stand (?:here )?together(?: here)?$", "be $1 adjacent",
      // "Is the person on the far left someone I registered?", "Is the person in the middle a stranger?",
      // "Do you know the person on the right?": whether the one face described is known
      "^be (person (?:on |far |o\\d+ |olast ).+?) (known|unknown) (?:anyone|person)$", "be $1 is$2",
      "^be (person (?:on |far |o\\d+ |olast ).+?) (?:anyone|person) (known|unknown)$", "be $1 is$2",

      "^be (" + P + ") (?:here )?with (" + P + ")(?: here)?$", "be $1 and $2 here",
      "^be (" + P + ") (?:here )?with ((?:" + P + " )*" + P + " and " + P + ")(?: here)?$", "be $1 $2 here",
      // "the one who is smiling" is the smiling one
      "(?<!^)\\bperson who (?:be )?(" + SHOWN + "|oldest|youngest)\\b", "$1 person",
      // "Who's the only one smiling?" presupposes one: it asks who is
      "^who be only person (?=\\S)", "who be ",
      // groups
      "\\b(q(?:gt|ge|lt|le|eq|ab)) n(\\d+) (" + SHOWN + "|child|minor|adult|elderly) person\\b", "$1$2 $3",
      "\\b(q(?:gt|ge|lt|le|eq|ab)) n(\\d+)(?: (known|unknown))? person\\b", "$3 $1$2",
      "\\b(q(?:gt|ge|lt|le|eq)) n(\\d+)$", "$1$2",
      "\\bqmost(?: (known|unknown))? person\\b", "$1 qmost",
      "\\bqall n(\\d+)\\b", "qall$1",
      "\\b(qmost|q(?:gt|ge|lt|le|eq|all|ab)\\d+) (known|unknown) person\\b", "$1 $2",
      "^((?:known |unknown )?(?:q[a-z]+\\d*|anyone|everyone|nobody)) (?:be|do) ", "be $1 ",
      "\\b(?:any|some) (?=(?:known |unknown )?person\\b)", "anyone ",
      "\\b(?:all|every) (?:of )?(?=(?:known |unknown )?person\\b)", "everyone ",
      "\\b(anyone|everyone|nobody) (?:(known|unknown) )?person\\b", "$1 $2",
      "\\b(anyone|everyone|nobody|person) (known|unknown)\\b", "$2 $1",
      // apparent age groups: a child looks under 16, a minor under 18, an adult over 18, an elderly person over 65
      "^howmany (child|minor|adult|elderly)(?: (?:be|see|do|have))?(?: here)?$", "howmany person $1",
      "^be (?:any |anyone )?(child|minor|adult|elderly)(?: person)?(?: here)?$", "be anyone $1",
      "^be (everyone|anyone|nobody) (child|minor|adult|elderly)(?: here)?$", "be $1 $2",
      "^be (?:all|every) (child|minor|adult|elderly)\\b", "be everyone $1",
      "^who be (child|minor|adult|elderly)(?: here)?$", "who be $1",
      "\\bchild$", "under n16",
      "\\bminor$", "under n18",
      "\\badult$", "over n18",
      "\\belderly$", "over n65",
      "  +", " ",
      "^ | $", "");

  private record Production(Pattern pattern, Function<Matcher, Optional<LogicalForm>> build) {}

  private final Function<String, String> nameOf;

  /**
   * A grammar instance for one question.
   *
   * @param nameOf the name a person terminal ({@code p0}, {@code u1}, {@code r0}) stands for
   */
  Grammar(Function<String, String> nameOf) {
    this.nameOf = nameOf;
  }

  /**
   * Parses a question's terminals.
   *
   * @param terminals space-separated terminals
   * @param singular what a singular pronoun stands for (e.g. {@code p3}, or {@code r0} if
   *     unresolved)
   * @param plural what a plural pronoun stands for (e.g. {@code p3 and p4})
   * @return the logical form, or empty if the question is outside the grammar
   */
  Optional<LogicalForm> parse(String terminals, String singular, String plural) {
    return parse(terminals, singular, plural, List.of());
  }

  /**
   * Parses a question's terminals, with exclusions ("anyone besides Alice", "who else") and
   * partitives ("the older of the two", "Between Frank and Gina, who is younger?").
   *
   * @param terminals space-separated terminals
   * @param singular what a singular pronoun stands for
   * @param plural what plural pronouns and "else" stand for
   * @param recent the people of the earlier questions, latest first, as person terminals: "the two"
   *     are the last two people the conversation named
   * @return the logical form, or empty if the question is outside the grammar
   */
  Optional<LogicalForm> parse(String terminals, String singular, String plural, List<List<String>> recent) {
    String t = " " + terminals.strip().replaceAll("\\s+", " ") + " ";
    if (t.startsWith(" itisfalse ")) {
      // "Is it false that Alice is here?": the opposite of a yes/no about one person (about several,
      // or a group, the negation of the whole is not the negation of each, so it is not read)
      return parse(t.substring(" itisfalse ".length()), singular, plural, recent)
          .filter(f -> f.want() == Want.YES_NO && f.subject() instanceof Names n && n.names().size() == 1
              && !(f.relation() instanceof Clauses) && !(f.relation() instanceof OfThe))
          .map(f -> f.withNegation(!f.negated()));
    }
    // exclusions: "except/besides/other than X", "anyone but X", "who else"
    List<String> except = new ArrayList<>();
    Matcher x = EXCEPT.matcher(t);
    while (x.find()) {
      String who = x.group(1).replaceAll("\\bprons\\b", plural).replaceAll("\\bpron\\b", singular);
      for (String w : who.split(" ")) {
        if (w.matches(P)) {
          except.add(w);
        }
      }
    }
    t = EXCEPT.matcher(t).replaceAll(" ");
    // "older than everyone else" compares with everyone but the subject, not with the conversation
    t = t.replaceAll(" than (everyone|anyone) else ", " than $1 ");
    boolean others = t.contains(" else ");
    t = t.replace(" else ", " ");
    // partitives: "Between Frank and Gina, …", "the older of the two", "both of them" with no antecedent
    List<String> referents = new ArrayList<>();
    Matcher fronted = FRONTED.matcher(t.strip());
    int count = 0;
    if (fronted.find()) {
      for (String w : fronted.group(1).split(" ")) {
        if (w.matches(P) && !referents.contains(w)) {
          referents.add(w);
        }
      }
      count = referents.size();
      t = " " + t.strip().substring(fronted.end()) + " ";
    }
    Matcher number = PARTITIVE.matcher(t);
    if (number.find()) {
      int n = Integer.parseInt(number.group(2) != null ? number.group(2) : number.group(3));
      if (count > 0 && n != count) {
        return Optional.empty();
      }
      count = n;
      String head = number.group(1) == null ? "" : number.group(1).startsWith("which") ? "who" : number.group(1);
      t = t.substring(0, number.start()) + " " + head + " " + t.substring(number.end());
    }
    if (plural.startsWith("r")) {
      Matcher pair = PAIR.matcher(t);
      if (pair.find()) {
        count = 2;
        t = pair.replaceAll(" " + switch (pair.group(1)) {
          case "both" -> "everyone";
          case "either" -> "anyone";
          default -> "nobody";
        } + " ");
      }
    }
    String clause = t.strip().replaceAll(" +", " ");
    if (count == 0 && COMPARATIVE.matcher(clause).matches()) {
      // "Who is older?", "Is Sheldon the older one?": a comparative speaks of two people
      count = 2;
    }
    Optional<LogicalForm> f;
    if (count == 0) {
      f = parseClause(clause, singular, plural).or(() -> compound(clause, singular, plural))
          .or(() -> juxtaposed(clause, singular, plural));
    } else {
      f = partitive(clause, singular, plural, count, referents, recent);
    }
    if (except.isEmpty() && !others) {
      return f;
    }
    return f.flatMap(form -> {
      if (!(form.subject() instanceof Group g)) {
        // "else" after a named person ("older than everyone else") adds nothing; an exception does
        return except.isEmpty() ? Optional.of(form) : Optional.empty();
      }
      List<String> left = new ArrayList<>(except);
      if (left.isEmpty()) {
        left.addAll(List.of(plural.split(" and ")));
      }
      return Optional.of(new LogicalForm(form.want(), g.without(left.stream().map(this::name).toList()),
          form.relation(), form.negated()));
    });
  }

  /**
   * A question over "the two" (or three…): the people named by a fronted "Between A and B", by the
   * question itself, or else the last ones the conversation named; if nobody is named, the faces of
   * the photo, which must then be exactly that many (checked when the answer is evaluated).
   */
  private Optional<LogicalForm> partitive(String clause, String singular, String plural, int count,
      List<String> fronted, List<List<String>> recent) {
    String resolved = clause.replaceAll("\\bprons\\b", plural).replaceAll("\\bpron\\b", singular);
    List<String> named = new ArrayList<>();
    for (String w : resolved.split(" ")) {
      if (w.matches(P) && !named.stream().map(this::name).toList().contains(name(w))) {
        named.add(w);
      }
    }
    if (named.size() > count) {
      return Optional.empty();
    }
    List<String> group = new ArrayList<>(fronted);
    if (group.isEmpty() && named.size() < count) {
      group.addAll(named);
      for (List<String> earlier : recent) {
        for (String w : earlier) {
          if (!group.stream().map(this::name).toList().contains(name(w))) {
            group.add(w);
          }
        }
        if (group.size() >= count) {
          break;
        }
      }
      if (group.size() != count) {
        // nobody named them (or the conversation named too many at once): the people of the photo
        return group.size() > count ? Optional.empty() : overFaces(clause, singular, plural, count);
      }
    }
    if (group.isEmpty()) {
      return parseClause(clause, singular, plural);
    }
    // among named people a superlative is a comparison: the oldest of A, B and C looks older than the others
    String among = clause.replaceAll("\\boldest\\b", "older").replaceAll("\\byoungest\\b", "younger")
        .replaceAll("\\bmost (?=e)", "more ");
    List<String> groupNames = group.stream().map(this::name).toList();
    if (among.matches("^who be .*") && named.stream().allMatch(w -> groupNames.contains(name(w)))) {
      String rest = among.replaceAll("\\s*\\b" + P + "\\b(?: (?:and|or) )?", " ").replaceAll("\\b(?:and|or)\\s*$", "")
          .replaceAll(" +", " ").strip();
      return parseClause(rest + " " + String.join(" and ", group), singular, plural)
          .filter(f -> f.subject() instanceof Names || f.relation() instanceof OlderThan
              || f.relation() instanceof MoreExpressive);
    }
    Matcher yesNo = Pattern.compile("^be (" + P + ") (?:person )?(older|younger|more " + EXPR + ")(?: person)?$")
        .matcher(among);
    if (yesNo.matches() && count == 2 && groupNames.contains(name(yesNo.group(1)))) {
      String other = group.stream().filter(w -> !name(w).equals(name(yesNo.group(1)))).findFirst().orElseThrow();
      return parseClause("be " + yesNo.group(1) + " " + yesNo.group(2) + " than " + other, singular, plural);
    }
    return Optional.empty();
  }

  /** A partitive nobody named: the relation among the photo's faces, which must be {@code count}. */
  private Optional<LogicalForm> overFaces(String clause, String singular, String plural, int count) {
    // "Is Bob the older of the two?" over the photo asks whether he looks the oldest in it
    String s = clause.replaceAll("^(be " + P + ") (?:person )?older(?: person)?$", "$1 oldest")
        .replaceAll("^(be " + P + ") (?:person )?younger(?: person)?$", "$1 youngest")
        .replaceAll("^(be " + P + ") (?:person )?more (" + EXPR + ")(?: person)?$", "$1 most $2");
    return parseClause(s, singular, plural).map(f -> f.withRelation(new OfThe(count, f.relation())));
  }

  private Optional<LogicalForm> parseClause(String terminals, String singular, String plural) {
    String s = canonical(terminals, singular, plural);
    for (Production p : productions()) {
      Matcher m = p.pattern().matcher(s);
      if (m.matches()) {
        Optional<LogicalForm> f = p.build().apply(m);
        if (f.isPresent()) {
          return f;
        }
      }
    }
    return Optional.empty();
  }

  /** Words of a clause's head: the verb and its subject ("be p0 and p1", "who be", "howmany known person"). */
  private static final Pattern HEAD_WORD = Pattern.compile(P + "|be|do|md|not|who|how|many|howmany|list|and|or|nor|both|either"
      + "|neither|all|of|anyone|everyone|nobody|known|unknown|person");
  /** A predicate that relates its subject to someone else. */
  private static final Pattern RELATIONAL = Pattern.compile("\\b(?:nextto|next|leftofv?|rightofv?|of|between|behind|samerow"
      + "|infront|than|with|neighbour|over|under)\\b");
  /** A clause that leaves out its predicate: "Raj isn't", "is Raj", "Sheldon doesn't", "is Raj not". */
  private static final Pattern ELIDED = Pattern.compile("^(?:(?<s1>" + PL + ") (?:be|do|md)(?<n1> not)?|(?:be|do|md)"
      + "(?<n2> not)? (?<s2>" + PL + ")(?<n3> not)?)$");
  /** Words of a subject ("p1", "p1 and p2", "anyone"). */
  private static final Pattern SUBJECT_WORD = Pattern.compile(P + "|and|or|nor|both|either|neither|all|of|anyone"
      + "|everyone|nobody|known|unknown|person");

  /**
   * A conjunction of clauses that does not parse whole: "Is Alice smiling and is Bob here?", "Is
   * Leonard on the left and Raj on the right?", "Is Alice here but not Carol?" (several yes/no
   * questions, all of which must hold), or one subject with several predicates ("Is Penny here and
   * smiling?", "Is anyone both old and happy?", "Who is smiling and on the left?"), which must hold
   * of the same face. The left clause must parse on its own; the right one may leave out what it
   * shares with it.
   */
  private Optional<LogicalForm> compound(String clause, String singular, String plural) {
    String[] w = clause.split(" ");
    for (int i = 1; i < w.length - 1; i++) {
      if (!w[i].equals("and") && !w[i].equals("but")) {
        continue;
      }
      List<String> left = Arrays.asList(w).subList(0, i);
      int head = 0;
      while (head < left.size() && HEAD_WORD.matcher(left.get(head)).matches()) {
        head++;
      }
      if (head > 1 && left.get(head - 1).equals("both")) {
        // "Is anyone both old and happy?"
        head--;
      }
      if (head == left.size()) {
        // "Penny and Leonard are both happy": the conjunction joins the subject
        continue;
      }
      String h = String.join(" ", left.subList(0, head));
      List<String> pred = left.subList(head, left.size());
      if (pred.get(0).equals("both") && pred.size() > 1) {
        // "Is anyone both old and happy?"
        pred = pred.subList(1, pred.size());
      }
      String predicate = String.join(" ", pred).replaceAll("\\bboth (?=" + P + "$)", "");
      String right = String.join(" ", Arrays.asList(w).subList(i + 1, w.length));
      Optional<LogicalForm> l = parseClause(h + " " + predicate, singular, plural)
          .filter(f -> !(f.relation() instanceof LogicalForm.OfThe));
      if (l.isEmpty()) {
        continue;
      }
      Optional<LogicalForm> f = conjoin(l.get(), h, predicate, right, singular, plural);
      if (f.isPresent()) {
        return f;
      }
    }
    return Optional.empty();
  }

  private Optional<LogicalForm> conjoin(LogicalForm l, String head, String predicate, String right, String singular,
      String plural) {
    String[] r = right.split(" ");
    int subject = 0;
    while (subject < r.length && SUBJECT_WORD.matcher(r[subject]).matches()) {
      subject++;
    }
    if (l.want() == Want.YES_NO) {
      // "… and is Bob here?", "… and Bob is sad", "… and Bob sad", "… and Bob?", "… but not Carol"
      List<String> tries = new ArrayList<>();
      boolean subjectOnly = subject == r.length;
      Matcher elided = ELIDED.matcher(right);
      if (!elided.matches()) {
        // "Alice is happy but Bob isn't, right?": without its tag
        elided = ELIDED.matcher(right.replaceFirst(" (?:right|tag)$", ""));
      }
      if (elided.matches() && !predicate.matches("(?:here|absent)")) {
        // "… while Raj isn't", "… and is Raj?", "… but Sheldon doesn't": the left predicate again
        String who = elided.group("s1") != null ? elided.group("s1") : elided.group("s2");
        boolean not = elided.group("n1") != null || elided.group("n2") != null || elided.group("n3") != null;
        tries.add("be " + who + (not ? " not " : " ") + predicate);
      } else if (subject > 0 && subject == r.length - 1 && r[subject].equals("not")) {
        // "… but Frank not": the left predicate, negated
        tries.add("be " + right.substring(0, right.length() - " not".length()) + " not " + predicate);
      } else if (subjectOnly && RELATIONAL.matcher(predicate).find()) {
        // "Is Leonard older than both Penny and Raj?", "Is Penny next to Leonard and Raj?": the same
        // question about each of them (a description there is left to the full grammar)
        String[] words = (head + " " + predicate).split(" ");
        for (int k = words.length - 1; k > 0 && r.length == 1 && r[0].matches(P); k--) {
          if (words[k].matches(P)) {
            words[k] = r[0];
            tries.add(String.join(" ", words));
            break;
          }
        }
      } else if (subjectOnly) {
        tries.add("be " + right + " " + predicate);
      } else {
        tries.add(right);
        if (subject > 0) {
          tries.add("be " + right);
        }
        if (r[0].equals("not") && r.length > 1 && Arrays.stream(r).skip(1).allMatch(x -> SUBJECT_WORD.matcher(x).matches())) {
          tries.add("be " + right.substring("not ".length()) + " not " + predicate);
        }
      }
      for (String t : tries) {
        Optional<LogicalForm> other = parseClause(t, singular, plural).or(() -> compound(t, singular, plural))
            .filter(f -> f.want() == Want.YES_NO && !(f.relation() instanceof LogicalForm.OfThe));
        if (other.isPresent()) {
          return Optional.of(Clauses.of(List.of(l, other.get())));
        }
      }
    }
    if (subject > 0 || r[0].matches("be|do|md|who|howmany|list|where|whichside|howold|how|what")) {
      return Optional.empty();
    }
    // "… and smiling": more predicates of the same subject
    String shared = head + " " + right;
    Optional<LogicalForm> other = parseClause(shared, singular, plural).or(() -> compound(shared, singular, plural))
        .filter(f -> f.want() == l.want() && f.subject().equals(l.subject()));
    if (other.isEmpty()) {
      return Optional.empty();
    }
    if (!l.negated() && !other.get().negated() && faceByFace(l.relation()) && faceByFace(other.get().relation())
        && (l.subject() instanceof Names || !superlative(l.relation()) && !superlative(other.get().relation()))) {
      List<Relation> parts = new ArrayList<>();
      for (Relation x : List.of(l.relation(), other.get().relation())) {
        parts.addAll(x instanceof AllOf a ? a.parts() : List.of(x));
      }
      return Optional.of(new LogicalForm(l.want(), l.subject(), new AllOf(parts), false));
    }
    // "Is Penny here and not smiling?": as two questions about her
    return l.want() == Want.YES_NO && l.subject() instanceof Names
        ? Optional.of(Clauses.of(List.of(l, other.get()))) : Optional.empty();
  }

  /**
   * Two predicates side by side, both of the same face: "Is anyone in the front row surprised?",
   * "Who is smiling in the back row?", "How many people on the left are smiling?". Not for
   * "everyone" ("Is everyone in the back row smiling?" restricts who everyone is, which this does not
   * read).
   */
  private Optional<LogicalForm> juxtaposed(String clause, String singular, String plural) {
    String[] w = clause.split(" ");
    int head = 0;
    while (head < w.length && HEAD_WORD.matcher(w[head]).matches()) {
      head++;
    }
    List<String> heads = Arrays.asList(w).subList(0, head);
    // "Is the person left of Raj smiling?" is about one face, not about anyone
    if (heads.stream().anyMatch(x -> x.equals("and") || x.equals("or") || x.equals("nor"))
        || heads.contains("person") && heads.get(0).equals("be")) {
      return Optional.empty();
    }
    boolean every = heads.contains("everyone") || heads.contains("all") && heads.stream().noneMatch(x -> x.matches(P));
    // "Are all the kids smiling?": all of them, whoever they are
    String h = String.join(" ", heads.stream().map(x -> every && x.equals("all") ? "everyone" : x).toList());
    for (int j = head + 1; j < w.length; j++) {
      String first = h + " " + String.join(" ", Arrays.asList(w).subList(head, j));
      String second = h + " " + String.join(" ", Arrays.asList(w).subList(j, w.length));
      Optional<LogicalForm> l = parseClause(first, singular, plural);
      Optional<LogicalForm> r = parseClause(second, singular, plural);
      Optional<LogicalForm> within = l.flatMap(a -> r.flatMap(b -> superlativeWithin(a, b)));
      if (within.isPresent()) {
        return within;
      }
      if (l.isPresent() && r.isPresent() && l.get().want() == r.get().want() && l.get().want() != Want.WHERE
          && l.get().subject().equals(r.get().subject()) && !l.get().negated() && !r.get().negated()
          && faceByFace(l.get().relation()) && faceByFace(r.get().relation())
          && (l.get().subject() instanceof Names || !superlative(l.get().relation()) && !superlative(r.get().relation()))
          && !(l.get().relation() instanceof Present) && !(r.get().relation() instanceof Present)) {
        if (every) {
          // "Is everyone in the back row smiling?": everyone of the back row
          return l.get().want() == Want.YES_NO && l.get().subject() instanceof Group g
              && g.quantifier() == Quantifier.EVERY && g.count() == 0
              ? Optional.of(new LogicalForm(Want.YES_NO, g, new LogicalForm.Among(l.get().relation(),
                  r.get().relation()), false)) : Optional.empty();
        }
        return Optional.of(new LogicalForm(l.get().want(), l.get().subject(),
            new AllOf(List.of(l.get().relation(), r.get().relation())), false));
      }
    }
    return Optional.empty();
  }

  /**
   * "Who is the youngest in the back row?", "Who is the happiest on the left?": the superlative among
   * the faces of a row or a third of the photo.
   */
  private static Optional<LogicalForm> superlativeWithin(LogicalForm a, LogicalForm b) {
    if (a.want() != Want.WHO || b.want() != Want.WHO || !a.subject().equals(b.subject()) || a.negated() || b.negated()
        || !(a.subject() instanceof Group g) || g.quantifier() != Quantifier.THOSE) {
      return Optional.empty();
    }
    for (LogicalForm[] p : List.of(new LogicalForm[] {a, b}, new LogicalForm[] {b, a})) {
      Relation area = p[0].relation();
      Relation most = p[1].relation();
      if ((area instanceof InRow || area instanceof InThird) && (most instanceof AgeExtreme || most instanceof MostExpressive)) {
        return Optional.of(new LogicalForm(Want.WHO, g, new LogicalForm.Among(area, most), false));
      }
    }
    return Optional.empty();
  }

  /**
   * "Who is the oldest smiling?" may ask for the oldest of those who smile: a superlative is said of
   * the same face as another predicate only about named people.
   */
  private static boolean superlative(Relation r) {
    return r instanceof AgeExtreme || r instanceof MostExpressive
        || r instanceof AllOf a && a.parts().stream().anyMatch(Grammar::superlative);
  }

  /** Relations that hold (or not) of each face by itself, so that several can hold of the same one. */
  private static boolean faceByFace(Relation r) {
    return r instanceof AllOf || r instanceof Present || r instanceof InThird || r instanceof Ranked || r instanceof InRow
        || r instanceof Behind || r instanceof LogicalForm.SameRow
        || r instanceof NextTo || r instanceof Between || r instanceof SideOf || r instanceof Shows
        || r instanceof AgeBeyond || r instanceof AgeExtreme || r instanceof MostExpressive
        || r instanceof OlderThan o && o.than().isPresent() || r instanceof MoreExpressive m && m.than().isPresent();
  }

  /**
   * The subject of an elliptical follow-up ("And Leonard?", "What about Amy?").
   *
   * @param terminals space-separated terminals
   * @return the new subject, if the question is such a follow-up
   */
  Optional<Names> ellipsis(String terminals) {
    Matcher m = Pattern.compile("^(?:and|(?:what|how) about) (" + PL + ")(?: then)?$").matcher(terminals.strip());
    return m.matches() ? Optional.of(names(m.group(1))) : Optional.empty();
  }

  /**
   * The place of an elliptical follow-up to a positional question ("And on the right?", "What
   * about second from the left?").
   *
   * @param terminals space-separated terminals
   * @param who whether the earlier question was a who-question (its places are ranks)
   * @return the new place, if the question is such a follow-up
   */
  static Optional<Relation> placeEllipsis(String terminals, boolean who) {
    Matcher m = Pattern.compile("^(?:and|(?:what|how) about) (" + PLACE + ")(?: then)?$").matcher(terminals.strip());
    if (!m.matches()) {
      return Optional.empty();
    }
    Relation r = place(m.group(1), false);
    return Optional.of(who ? whoRelation(r) : r);
  }

  /** "forty five" (tens and units, as the tokenizer splits "forty-five"). */
  private static final Pattern TENS_UNITS = Pattern.compile("\\bn([2-9])0 n([1-9])\\b");

  static String canonical(String terminals, String singular, String plural) {
    String numbers = TENS_UNITS.matcher(terminals.strip().replaceAll("\\s+", " "))
        .replaceAll(m -> "n" + (Integer.parseInt(m.group(1)) * 10 + Integer.parseInt(m.group(2))));
    String s = apply(BEFORE_PRONOUNS, numbers);
    s = s.replace("PLURAL_OR_EVERYONE", plural.startsWith("r") ? "everyone" : "all of " + plural)
        .replace("PLURAL_OR_ANYONE", plural.startsWith("r") ? "anyone" : "either " + plural.replace(" and ", " or "))
        .replace("PLURAL_OR_MOST", plural.startsWith("r") ? "qmost person" : "most of " + plural)
        // "two of them" after naming people is not about the photo's faces: left unresolved
        .replace("PEOPLE_OF_PHOTO", plural.startsWith("r") ? "person" : "r0 person")
        .replaceAll("\\bprons poss\\b", plural.contains(" ") ? "r0 poss" : plural + " poss")
        .replaceAll("\\bpron poss\\b", singular + " poss")
        .replaceAll("\\bprons\\b", plural)
        .replaceAll("\\bpron\\b", singular);
    s = apply(AFTER_PRONOUNS, s);
    // A scene phrase ("in this photo") adds nothing to a clause that has another predicate, nor
    // to a wh-question.
    if (PREDICATE.matcher(s).find() || s.matches("^(?:where|whichside|howmany|howold|how|what|who|list)\\b.*")) {
      // ("Is Ana here and Ben smiling?" keeps it: it is a predicate of its own there)
      s = s.replaceAll("\\bhere\\b(?! (?:and|or|but|nor)\\b)(?<!\\b(?:and|or|but|nor) " + P + " here)", "")
          .replaceAll("  +", " ").strip();
    }
    return s;
  }

  private static String apply(List<Rewrite> rules, String s) {
    String out = s;
    for (Rewrite r : rules) {
      out = r.pattern().matcher(out).replaceAll(r.replacement()).replaceAll("  +", " ").strip();
    }
    return out.strip();
  }

  private static List<Rewrite> rewrites(String... pairs) {
    List<Rewrite> out = new ArrayList<>();
    for (int i = 0; i < pairs.length; i += 2) {
      out.add(new Rewrite(Pattern.compile(pairs[i]), pairs[i + 1]));
    }
    return List.copyOf(out);
  }

  private List<Production> productions() {
    return List.of(
        // presence: "Is Penny here?", "Penny?", "Are A and B both missing?", "Isn't Amy here?"
        prod("^be (?:not )?(?<s>" + PL + ")(?: (?<neg>not))?(?: (?<p>here|absent))?$", m ->
            yesNo(names(m.group("s")), new Present(), m.group("neg") != null ^ "absent".equals(m.group("p")))),
        // without a verb ("Penny?", "Alice and Bob here?") a list needs its conjunctions, so that
        // "Compare Alice and Bob" is not read as three names
        prod("^(?<s>" + LIST + ")(?: (?<neg>not))?(?: (?<p>here|absent))?$", m ->
            yesNo(names(m.group("s")), new Present(), m.group("neg") != null ^ "absent".equals(m.group("p")))),
        prod("^see (?<s>" + PL + ")(?: here)?$", m -> yesNo(names(m.group("s")), new Present(), false)),
        // "Can you see Penny smiling?" asks whether she is
        prod("^see (?<s>" + PL + ") (?<e>" + SHOWN + ")$", m ->
            yesNo(names(m.group("s")), shows(m.group("e")), false)),
        // side and rank: "Is Sheldon on the right?", "Is Leonard second from the left?"
        prod("^be (?<s>" + PL + ") (?<neg>not )?(?<place>" + PLACE + ")$", m ->
            yesNo(names(m.group("s")), place(m.group("place"), false), m.group("neg") != null)),
        prod("^be (?<place>" + PLACE + ") (?<s>" + P + ")$", m ->
            yesNo(names(m.group("s")), place(m.group("place"), true), false)),
        prod("^be (?<s>" + PL + ") only person$", m -> yesNo(names(m.group("s")), new Only(), false)),
        // "Is Penny the only one smiling?", "Is only Leonard smiling?", "Is Max the only sad one?"
        prod("^be (?<s>" + PL + ") only person (?<pred>" + PRED + ")$", m -> only(m.group("s"), m.group("pred"))),
        prod("^be (?<s>" + PL + ") only (?<pred>" + SHOWN + ") person$", m -> only(m.group("s"), m.group("pred"))),
        // "Is Hank the only kid?"
        prod("^be (?<s>" + PL + ") only (?<pred>(?:over|under) n\\d+)$", m -> only(m.group("s"), m.group("pred"))),
        prod("^(?:be )?only (?<s>" + PL + ")(?: be)?(?: (?<pred>" + PRED + "))?$", m -> only(m.group("s"), m.group("pred"))),
        // relations: "Is Leonard next to Penny?", "Is A between B and C?", "Are A and B next to each other?"
        prod("^be (?<s>" + PL + ") (?<neg>not )?(?<rel>" + REL + ")$", m ->
            relation(m.group("rel")).flatMap(r -> yesNo(names(m.group("s")), r, m.group("neg") != null))),
        // expression and age of named people
        prod("^be (?<s>" + PL + ") (?<neg>not )?(?<e>" + SHOWN + ")$", m ->
            yesNo(names(m.group("s")), shows(m.group("e")), m.group("neg") != null)),
        // "Is Penny older than the stranger?": the other may be described
        prod("^be (?<s>" + P + ") (?<neg>not )?more (?<e>" + EXPR + ") than (?<o>" + ANCHOR + ")$", m ->
            yesNo(names(m.group("s")), new MoreExpressive(expression(m.group("e")), anchor(m.group("o"))),
                m.group("neg") != null)),
        prod("^be (?<s>" + P + ") (?<neg>not )?(?<c>older|younger) than (?<o>" + ANCHOR + ")$", m ->
            yesNo(names(m.group("s")), new OlderThan(m.group("c").equals("older"), anchor(m.group("o"))),
                m.group("neg") != null)),
        prod("^be (?<s>" + PL + ") (?<neg>not )?(?:person )?(?<x>oldest|youngest|most " + EXPR + ")(?: person)?$", m ->
            yesNo(names(m.group("s")), extreme(m.group("x")), m.group("neg") != null)),
        // "Is Penny in her twenties?", "Is Hank a teenager?"
        prod("^be (?<s>" + PL + ") (?<neg>not )?aged(?<lo>\\d+)to(?<hi>\\d+)$", m ->
            yesNo(names(m.group("s")), ageRange(m.group("lo"), m.group("hi")), m.group("neg") != null)),
        prod("^be (?<s>" + PL + ") (?<neg>not )?(?<c>over|under) n(?<n>\\d+)$", m ->
            yesNo(names(m.group("s")), new AgeBeyond(m.group("c").equals("over"), Integer.parseInt(m.group("n"))),
                m.group("neg") != null)),
        // groups: "Is anyone I know here?", "Is everyone smiling?", "Is there a stranger?"
        // "Is everyone (I know) here?" asks whether any registered person is missing
        prod("^(?:be )?(?:known )?everyone(?: known)? here$", m -> Optional.of(new LogicalForm(Want.YES_NO,
            new Group(Quantifier.NONE, Filter.ALL), new Missing(), false))),
        prod("^(?:(?:be|see)(?: not)? )?(?<g>" + GROUP + ")(?: (?<pred>" + PRED + "))?(?: (?<g2>known|unknown))?$", m ->
            predicate(m.group("pred")).map(pr -> new LogicalForm(Want.YES_NO, group(m.group("g"), m.group("g2"), false),
                pr.relation(), pr.negated()))
                // "Are most people here?" is no question about the faces (all of them are here)
                .filter(f -> !(((Group) f.subject()).quantifier() == Quantifier.MOST && f.relation() instanceof Present
                    && ((Group) f.subject()).filter() == Filter.ALL))),
        // one face by description: "Is the person on the left smiling?", "Is the stranger a child?"
        prod("^be " + DESC + " (?<neg>not )?(?<e>" + SHOWN + ")$", m ->
            Optional.of(new LogicalForm(Want.YES_NO, described(m), shows(m.group("e")), m.group("neg") != null))),
        // "Is the child on the left smiling?": the one child in that third or row
        prod("^be (?<g>child|minor|adult|elderly) (?<place>on (?:left|right|middle|frontrow|backrow))"
            + " (?<neg>not )?(?<e>" + SHOWN + ")$", m ->
            Optional.of(new LogicalForm(Want.YES_NO, new Described(Filter.ALL, Optional.of(new AllOf(List.of(
                ageGroup(m.group("g")), place(m.group("place"), false))))), shows(m.group("e")), m.group("neg") != null))),
        prod("^be " + DESC + " (?<neg>not )?is(?<k>known|unknown)$", m ->
            Optional.of(new LogicalForm(Want.YES_NO, described(m), new LogicalForm.Registered(m.group("k").equals("known")),
                m.group("neg") != null))),
        prod("^be " + DESC + " (?<neg>not )?(?<c>over|under) n(?<n>\\d+)$", m ->
            Optional.of(new LogicalForm(Want.YES_NO, described(m), new AgeBeyond(m.group("c").equals("over"),
                Integer.parseInt(m.group("n"))), m.group("neg") != null))),
        // "Is the oldest person next to Leonard?", "Is the person next to the oldest one smiling?"
        prod("^be (?<d>" + DSUBJ + ") (?<neg>not )?(?<pred>" + PRED + ")$", m ->
            predicate(m.group("pred")).filter(pr -> pr.among().isEmpty() && !(pr.relation() instanceof Missing))
                .flatMap(pr -> describedAs(m.group("d")).map(d -> new LogicalForm(Want.YES_NO, d, pr.relation(),
                    pr.negated() ^ m.group("neg") != null)))),
        prod("^what exprn (?:do|be) " + DESC + "(?: have| see| look)?$", m ->
            Optional.of(new LogicalForm(Want.VALUE, described(m), new ExpressionOf(), false))),
        prod("^howold (?:be|do) " + DESC + "(?: look)?$", m ->
            Optional.of(new LogicalForm(Want.VALUE, described(m), new AgeOf(), false))),
        prod("^how (?:be|do) " + DESC + " (?:look|feel)$", m ->
            Optional.of(new LogicalForm(Want.VALUE, described(m), new ExpressionOf(), false))),
        // who: "Who is here?", "Who is second from the left?", "Who looks happiest?", "List everyone you know"
        prod("^(?:who be|list)(?: (?<g>" + GROUP + "|known|unknown))?(?: (?<pred>" + PRED + "))?(?: (?<g2>" + GROUP
            + "|known|unknown))?$", m ->
            predicate(m.group("pred")).map(pr -> new LogicalForm(Want.WHO,
                pr.among().isPresent() ? pr.among().get() : group(m.group("g"), m.group("g2"), true),
                whoRelation(pr.relation()), pr.negated()))),
        prod("^who be (?<s>" + P + ")$", m -> Optional.of(new LogicalForm(Want.WHERE, names(m.group("s")),
            new Present(), false))),
        // "Which of Frank and Ivy is here?"
        prod("^who be (?<s>" + P + "(?: " + P + ")* (?:and|or) " + P + ")$", m -> Optional.of(new LogicalForm(Want.WHO,
            names(m.group("s")), new Present(), false))),
        // "Where is the stranger?"
        prod("^(?:where|whichside) be " + DESC + "(?: on)?$", m -> Optional.of(new LogicalForm(Want.WHERE, described(m),
            new Present(), false))),
        // where: "Where is Penny?", "Which side is Sheldon on?"
        prod("^be (?<s>" + P + ") (?:on )?(?:left|right|middle)(?: or (?:on )?(?:left|right|middle))+$", m ->
            Optional.of(new LogicalForm(Want.WHERE, names(m.group("s")), new Present(), false))),
        // alternative questions: "Is Penny happy or sad?" asks for her expression
        prod("^be (?<s>" + P + ") (?:" + SHOWN + ")(?: or (?:" + SHOWN + "))+$", m -> value(m.group("s"), new ExpressionOf())),
        prod("^(?:where|whichside) be (?<s>" + PL + ")(?: on)?$", m -> Optional.of(new LogicalForm(Want.WHERE,
            names(m.group("s")), new Present(), false))),
        // how many: "How many people are not registered?", "How many people are smiling?"
        prod("^howmany(?: of)?(?: (?<g>" + GROUP + "|known|unknown))?(?: (?:be|see|do|have))?(?: (?<g2>known|unknown))?"
            + "(?: (?<pred>" + PRED + "))?(?: (?<g3>known|unknown))?$", m ->
            predicate(m.group("pred")).filter(pr -> pr.among().isEmpty()).map(pr -> new LogicalForm(Want.HOW_MANY,
                group(m.group("g"), (m.group("g2") == null ? "" : m.group("g2")) + " "
                    + (m.group("g3") == null ? "" : m.group("g3")), true), pr.relation(), pr.negated()))),
        // values: "How old is Otto?", "What is Nora's expression?", "How does Bob look?"
        prod("^howold (?:be|do) (?<s>" + P + ")(?: look)?$", m -> value(m.group("s"), new AgeOf())),
        prod("^(?:what be |guess )?(?<s>" + P + ") poss age$", m -> value(m.group("s"), new AgeOf())),
        prod("^(?<s>" + P + ") poss exprn$", m -> value(m.group("s"), new ExpressionOf())),
        prod("^how (?:be|do) (?<s>" + P + ")(?: look| feel)$", m -> value(m.group("s"), new ExpressionOf())),
        prod("^how " + EXPR + " (?:be|do) (?<s>" + P + ")(?: look| feel)?$", m ->
            value(m.group("s"), new ExpressionOf())),
        prod("^what be (?<s>" + P + ") (?:poss exprn|feel)$", m -> value(m.group("s"), new ExpressionOf())),
        prod("^what exprn (?:do|be) (?<s>" + P + ")(?: have| see| look)?$", m ->
            value(m.group("s"), new ExpressionOf())));
  }

  private static Described described(Matcher m) {
    return new Described(m.group("du") == null ? Filter.ALL : Filter.UNKNOWN,
        Optional.ofNullable(m.group("dp")).map(p -> place(p, true)));
  }

  private static Production prod(String regex, Function<Matcher, Optional<LogicalForm>> build) {
    return new Production(Pattern.compile(regex), build);
  }

  private record Predicate(Relation relation, boolean negated, Optional<Names> among) {}

  /** A group's or a who-question's predicate; no predicate means presence. */
  private Optional<Predicate> predicate(String text) {
    if (text == null || text.equals("here")) {
      return Optional.of(new Predicate(new Present(), false, Optional.empty()));
    }
    if (text.equals("absent")) {
      return Optional.of(new Predicate(new Missing(), false, Optional.empty()));
    }
    if (text.equals("only person")) {
      return Optional.of(new Predicate(new Only(), false, Optional.empty()));
    }
    boolean neg = text.startsWith("not ");
    String t = neg ? text.substring(4) : text;
    if (t.matches(SHOWN)) {
      return Optional.of(new Predicate(shows(t), neg, Optional.empty()));
    }
    if (t.matches(SHOWN + "(?: or " + SHOWN + ")+")) {
      // "Does anyone look angry or sad?": any of them
      Set<Expression> any = EnumSet.noneOf(Expression.class);
      for (String e : t.split(" or ")) {
        any.addAll(shows(e).expressions());
      }
      return Optional.of(new Predicate(new Shows(any), neg, Optional.empty()));
    }
    if (t.matches("oldest|youngest|most " + EXPR)) {
      return Optional.of(new Predicate(extreme(t), false, Optional.empty()));
    }
    Matcher among = Pattern.compile("(oldest|youngest|most " + EXPR + ") (" + PL + ")").matcher(t);
    if (among.matches() && !neg) {
      // "Who is the oldest, Rose, Will or May?": the superlative among them
      return Optional.of(new Predicate(extreme(among.group(1)), false, Optional.of(names(among.group(2)))));
    }
    Matcher moreThan = Pattern.compile("more (" + EXPR + ") than (" + ANCHOR + ")").matcher(t);
    if (moreThan.matches()) {
      return anchor(moreThan.group(2)).map(o -> new Predicate(new MoreExpressive(expression(moreThan.group(1)),
          Optional.of(o)), neg, Optional.empty()));
    }
    Matcher olderThan = Pattern.compile("(older|younger) than (" + ANCHOR + ")").matcher(t);
    if (olderThan.matches()) {
      return anchor(olderThan.group(2)).map(o -> new Predicate(new OlderThan(olderThan.group(1).equals("older"),
          Optional.of(o)), neg, Optional.empty()));
    }
    Matcher more = Pattern.compile("more (" + EXPR + ")(?: (" + PL + "))?").matcher(t);
    if (more.matches()) {
      return Optional.of(new Predicate(new MoreExpressive(expression(more.group(1)), Optional.empty()), false,
          Optional.ofNullable(more.group(2)).map(this::names)));
    }
    Matcher older = Pattern.compile("(older|younger)(?: (" + PL + "))?").matcher(t);
    if (older.matches()) {
      return Optional.of(new Predicate(new OlderThan(older.group(1).equals("older"), Optional.empty()), false,
          Optional.ofNullable(older.group(2)).map(this::names)));
    }
    Matcher range = Pattern.compile("aged(\\d+)to(\\d+)").matcher(t);
    if (range.matches()) {
      return Optional.of(new Predicate(ageRange(range.group(1), range.group(2)), neg, Optional.empty()));
    }
    Matcher beyond = Pattern.compile("(over|under) n(\\d+)").matcher(t);
    if (beyond.matches()) {
      return Optional.of(new Predicate(new AgeBeyond(beyond.group(1).equals("over"),
          Integer.parseInt(beyond.group(2))), false, Optional.empty()));
    }
    if (t.matches(PLACE)) {
      return Optional.of(new Predicate(place(t, false), false, Optional.empty()));
    }
    return relation(t).map(r -> new Predicate(r, neg, Optional.empty()));
  }

  /** For who-questions, "on the left" asks for the people in the left third; "in the middle" for the central one. */
  private static Relation whoRelation(Relation r) {
    if (r instanceof InThird t && t.third() == Position.CENTER) {
      return new Ranked(Position.CENTER, 1);
    }
    return r;
  }

  private Optional<Relation> relation(String text) {
    Matcher between = Pattern.compile("^between (" + ANCHOR + ") and (" + ANCHOR + ")$").matcher(text);
    if (between.matches()) {
      return anchor(between.group(1)).flatMap(a -> anchor(between.group(2)).map(b -> new Between(a, b)));
    }
    Matcher m = Pattern.compile("^(nextto|leftofv?|rightofv?|behind|infront|samerow) (" + ANCHOR + ")$").matcher(text);
    if (!m.matches()) {
      return text.equals("adjacent") ? Optional.of(new Adjacent()) : Optional.empty();
    }
    Optional<LogicalForm.Anchor> other = anchor(m.group(2));
    return other.map(o -> switch (m.group(1)) {
      case "nextto" -> new NextTo(o);
      case "leftof" -> new SideOf(Position.LEFT, o, false);
      case "rightof" -> new SideOf(Position.RIGHT, o, false);
      case "leftofv" -> new SideOf(Position.LEFT, o, true);
      case "rightofv" -> new SideOf(Position.RIGHT, o, true);
      case "behind" -> new Behind(o, true);
      case "samerow" -> new LogicalForm.SameRow(o);
      default -> new Behind(o, false);
    });
  }

  private Optional<LogicalForm.Anchor> anchor(String text) {
    return text.matches(P) ? Optional.of(new LogicalForm.Named(name(text))) : describedAs(text).map(d -> d);
  }

  /** The face a description picks out: "oldest", "ehappy person", "unknown person", "person nextto p0". */
  private Optional<Described> describedAs(String text) {
    if (text.equals("unknown person")) {
      return Optional.of(new Described(Filter.UNKNOWN, Optional.empty()));
    }
    String t = text.replaceAll("^person ", "");
    Optional<Relation> r = relation(t);
    if (r.isEmpty()) {
      t = t.replaceAll(" person$", "");
      if (t.matches("oldest|youngest|most " + EXPR)) {
        r = Optional.of(extreme(t));
      } else if (t.equals("child")) {
        r = Optional.of(new AgeBeyond(false, 16));
      } else if (t.matches("(?:over|under) n\\d+")) {
        r = Optional.of(new AgeBeyond(t.startsWith("over"), Integer.parseInt(t.replaceAll("\\D", ""))));
      } else if (t.matches(SHOWN)) {
        r = Optional.of(shows(t));
      } else if (t.matches(PLACE)) {
        r = Optional.of(place(t, true));
      }
    }
    return r.map(x -> new Described(Filter.ALL, Optional.of(x)));
  }

  /**
   * A place: thirds of the image for "is X on the left?", ranks for "far left", ordinals and for
   * "the person on the left".
   */
  private static Relation place(String text, boolean personSemantics) {
    if (text.contains("row")) {
      return new InRow(text.contains("frontrow"));
    }
    boolean person = personSemantics || text.contains("person");
    Matcher far = Pattern.compile(".*far (left|right).*").matcher(text);
    if (far.matches()) {
      return new Ranked(side(far.group(1)), 1);
    }
    Matcher ord = Pattern.compile(".*(o\\d+|olast) (?:person )?(from |on )?(left|right).*").matcher(text);
    if (ord.matches()) {
      Position from = side(ord.group(3));
      if (ord.group(1).equals("olast")) {
        return new Ranked("from ".equals(ord.group(2)) ? opposite(from) : from, 1);
      }
      return new Ranked(from, Integer.parseInt(ord.group(1).substring(1)));
    }
    Position side = text.contains("middle") ? Position.CENTER : side(text.contains("left") ? "left" : "right");
    return person ? new Ranked(side, 1) : new InThird(side);
  }

  /** What an age group looks: a child under 16, a minor under 18, an adult over 18, an elderly person over 65. */
  private static Relation ageGroup(String group) {
    return switch (group) {
      case "child" -> new AgeBeyond(false, 16);
      case "minor" -> new AgeBeyond(false, 18);
      case "adult" -> new AgeBeyond(true, 18);
      default -> new AgeBeyond(true, 65);
    };
  }

  /** An age range ("in her twenties": over 20 and under 30; "a teenager": over 12 and under 20). */
  private static Relation ageRange(String over, String under) {
    return new AllOf(List.of(new AgeBeyond(true, Integer.parseInt(over)), new AgeBeyond(false, Integer.parseInt(under))));
  }

  private static Position side(String s) {
    return s.equals("left") ? Position.LEFT : Position.RIGHT;
  }

  private static Position opposite(Position p) {
    return p == Position.LEFT ? Position.RIGHT : Position.LEFT;
  }

  private static Relation extreme(String text) {
    return switch (text) {
      case "oldest" -> new AgeExtreme(true);
      case "youngest" -> new AgeExtreme(false);
      default -> new MostExpressive(expression(text.substring("most ".length())));
    };
  }

  private static Expression expression(String terminal) {
    return Expression.valueOf(terminal.substring(1).toUpperCase(Locale.ROOT));
  }

  private static Shows shows(String terminal) {
    return terminal.equals("eupset") ? new Shows(Shows.UPSET) : new Shows(expression(terminal));
  }

  /**
   * "Only A and B" satisfy a predicate that holds face by face (presence, an expression, a side, a
   * neighbour, an age); superlatives and comparisons among people have no "only".
   */
  private Optional<LogicalForm> only(String subject, String predicate) {
    return predicate(predicate)
        // "the only one not smiling": an expression not shown is any of the others
        .map(p -> p.negated() && p.relation() instanceof Shows e && p.among().isEmpty()
            ? new Predicate(new Shows(EnumSet.complementOf(EnumSet.copyOf(e.expressions()))), false, p.among()) : p)
        .filter(p -> p.among().isEmpty() && !p.negated() && !(p.relation() instanceof Missing)
            && !(p.relation() instanceof Only) && !(p.relation() instanceof AgeExtreme)
            && !(p.relation() instanceof MostExpressive) && !(p.relation() instanceof LogicalForm.Adjacent)
            && !(p.relation() instanceof OlderThan o && o.than().isEmpty())
            && !(p.relation() instanceof MoreExpressive x && x.than().isEmpty()))
        .flatMap(p -> yesNo(names(subject), new Only(p.relation()), false));
  }

  private static Group group(String text, String second, boolean those) {
    String t = (text == null ? "" : text) + " " + (second == null ? "" : second);
    Filter f = t.contains("unknown") ? Filter.UNKNOWN : t.contains("known") ? Filter.KNOWN : Filter.ALL;
    Matcher number = Pattern.compile("\\bq(gt|ge|lt|le|eq|all|ab)(\\d+)\\b").matcher(t);
    if (number.find() && !those) {
      int n = Integer.parseInt(number.group(2));
      return switch (number.group(1)) {
        case "gt" -> new Group(Quantifier.AT_LEAST, f, List.of(), n + 1);
        case "ge" -> new Group(Quantifier.AT_LEAST, f, List.of(), Math.max(n, 1));
        case "lt" -> new Group(n <= 1 ? Quantifier.NONE : Quantifier.AT_MOST, f, List.of(), Math.max(n - 1, 0));
        case "le" -> new Group(n == 0 ? Quantifier.NONE : Quantifier.AT_MOST, f, List.of(), n);
        case "eq" -> new Group(n == 0 ? Quantifier.NONE : Quantifier.EXACTLY, f, List.of(), n);
        case "ab" -> new Group(Quantifier.BARE, f, List.of(), n);
        default -> new Group(Quantifier.EVERY, f, List.of(), n);
      };
    }
    Quantifier q = those ? Quantifier.THOSE : t.contains("qmost") ? Quantifier.MOST : t.contains("everyone")
        ? Quantifier.EVERY : t.contains("nobody") ? Quantifier.NONE : Quantifier.SOME;
    return new Group(q, f);
  }

  private Names names(String text) {
    List<String> names = new ArrayList<>();
    for (String t : text.split(" ")) {
      if (t.matches(P)) {
        names.add(name(t));
      }
    }
    Junction j = text.matches(".*\\b(?:neither|nor)\\b.*") ? Junction.NONE
        : text.matches(".*\\b(?:or|either)\\b.*") ? Junction.ANY : Junction.ALL;
    return new Names(names, j);
  }

  private String name(String terminal) {
    return nameOf.apply(terminal);
  }

  private static Optional<LogicalForm> yesNo(Names who, Relation r, boolean negated) {
    return Optional.of(new LogicalForm(Want.YES_NO, who, r, negated));
  }

  private Optional<LogicalForm> value(String person, Relation r) {
    return Optional.of(new LogicalForm(Want.VALUE, names(person), r, false));
  }
}
