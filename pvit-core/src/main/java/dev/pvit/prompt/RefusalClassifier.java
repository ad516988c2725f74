package dev.pvit.prompt;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.cache.CacheBuilder;
import com.google.common.cache.CacheLoader;
import com.google.common.cache.LoadingCache;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Recognises refusals in a model's answer and tells the two PVIT families apart: {@link
 * RefusalKind#ABSENT} (the person was introduced but is not in the scene: "Alice isn't in this
 * photo", "I can't find Alice in the image") and {@link RefusalKind#UNKNOWN} (the model does not know
 * who the name is: "I don't know what Carol looks like", "no one named Carol was introduced", "I
 * cannot identify Carol"). Everything else, including answers with ordinary negations ("Alice is not
 * smiling", "there is no dog in the image"), is {@link RefusalKind#NOT_A_REFUSAL}.
 *
 * <p>It recognises every sentence of {@link Templates#absentRefusals()} and {@link
 * Templates#unknownRefusals()} and common paraphrases from other models. Without a name, a person is
 * a capitalised word (or a CJK name) or a pronoun; with {@link #classify(String, String)} only
 * refusals about that name (or a pronoun) count. Unknown-name cues win over absence cues, since "I
 * have never seen Carol, so I can't find her in the image" is about not knowing Carol. Immutable and
 * thread-safe; used by the bench to score unanswerable questions from any backend.
 *
 * <pre>{@code
 * RefusalClassifier c = RefusalClassifier.create();
 * c.classify("Sorry, Bob doesn't appear in this photo.");   // ABSENT
 * c.classify("I have no idea what Carol looks like.");      // UNKNOWN
 * c.classify("Alice is not smiling.");                      // NOT_A_REFUSAL
 * }</pre>
 */
public final class RefusalClassifier {
  private static final String NAME =
      "(?-i:[\\p{Lu}\\p{Lt}\\p{Lo}][\\p{L}\\p{M}\\-]*(?:'[\\p{Lu}][\\p{L}\\p{M}]*)?"
          + "(?: [\\p{Lu}\\p{Lt}\\p{Lo}][\\p{L}\\p{M}\\-]*){0,2})(?![\\p{L}\\p{M}])";
  private static final String PRONOUN =
      "(?:he|she|they|him|her|them|this person|that person|the person|this individual|that individual)\\b";
  private static final String LOC =
      "(?:(?:in|within|on|from|inside) (?:this|the|that|your|the provided|the given|the attached)"
          + "(?: \\w+)? (?:images?|photos?|pictures?|scenes?|frames?|shots?|photographs?|snapshots?|pics?)\\b)";
  private static final String NEG = "(?:\\bnot|n't|\\bno|\\bnever|\\bwithout|\\bunable|\\bcannot)\\b";
  private static final String CANT =
      "(?:can't|cannot|can not|could not|couldn't|(?:do|does|did) not|(?:do|does|did)n't|unable to|not able to"
          + "|fail(?:ed)? to)";
  private static final String NEG_BE =
      "(?: (?:is|are|was|were) not| (?:is|are|was|were)n't|(?:'s|'re) not)";
  private static final String END = "(?=\\s*(?:[.,;:!?)]|$))";
  private static final String CLAUSE_END =
      "(?=\\s*(?:[.,;:!?)]|$)|\\s+(?:and|so|because|or|but|from|in|on|based|without|here|there|by|since|as)\\b)";

  private static final List<String> UNKNOWN_STRONG =
      List.of(
          NEG + "[^.!?]{0,40}?\\b(?:know|knowing|idea|told|shown|sure|tell|say|seen|aware|informed|recogni[sz]e"
              + "|determine|identify|information|knowledge)\\b"
              + "[^.!?]{0,15}?\\b(?:who|what|which (?:person|one)) {X} (?:is|are)" + CLAUSE_END,
          NEG + "[^.!?]{0,40}?\\b(?:know|knowing|idea|told|shown|sure|tell|say|seen|aware|informed)\\b"
              + "[^.!?]{0,15}?\\bwhat {X} (?:looks|look) like",
          NEG + "[^.!?]{0,40}?\\b(?:know|tell|say|sure)\\b[^.!?]{0,15}?\\bwhich (?:person|one) is {X}",
          "(?:\\b(?:i|we)\\b[^.!?]{0,25}?" + NEG + "|\\bwithout)[^.!?]{0,20}?\\b(?:know|knowing|recogni[sz]e"
              + "|recogni[sz]ing|familiar with|acquainted with|met|meet|introduced to|seen|shown|heard of)"
              + "(?: the name| the face of| a person named| anyone (?:named|called))? {X}"
              + "(?:'s (?:face|appearance|looks))?(?!'s)",
          "{X} (?:has|have|had|was|were|is|'s)(?: not|n't)(?: yet| ever)?(?: been)? (?:introduced|shown|presented"
              + "|described|registered|mentioned|among the (?:people|persons) (?:you|i)\\b|someone (?:i|you)\\b)",
          "\\b(?:unknown|unfamiliar|a stranger|a mystery) to me\\b",
          "(?:\\bno|n't have|not have|\\black|\\blacking|\\bwithout|n't (?:got|been given)|not been given"
              + "|never (?:got|received|been given))(?: (?:a|any|an|the))?(?: (?:reference|prior|previous|earlier))?"
              + " (?:reference|photo|picture|image|visual|information|description|record|data|knowledge)s?"
              + "(?: (?:photo|picture|image)s?)? (?:of|for|about|on|regarding)(?: anyone (?:named|called))?"
              + " {X}(?:'s (?:appearance|face|looks))?(?!'s)",
          "\\b(?:reference (?:photos?|images?|pictures?)|references|database|records|memory|introductions"
              + "|knowledge base)(?: \\w+)? (?:do|does|did)(?: not|n't) (?:include|contain|have|cover|mention)"
              + "(?: (?:a|any) \\w+ (?:of|for))? {X}(?!'s)",
          "\\b(?:no(?:body| one)|not anyone|no person)(?: [^.!?]{0,15}?)? (?:named|called|by the name(?: of)?) {X}",
          "\\bthe name {X} (?:does|did)(?: not|n't) (?:match|ring|correspond|belong)",
          "\\bdoes(?: not|n't) ring a bell");

  private static final List<String> ABSENT =
      List.of(
          "{X},?(?: [^.!?]{0,40}?,)?" + NEG_BE
              + "(?: (?:currently|actually|really|clearly|even|visible|present|shown|pictured|seen|included"
              + "|captured|depicted|featured|to be seen|to be found))? (?:" + LOC + "|here\\b|anywhere\\b"
              + "|among\\b|one of the (?:people|persons|individuals|faces)\\b"
              + "|part of (?:this|the) (?:image|photo|picture|scene)\\b)",
          "{X},?(?: [^.!?]{0,40}?,)?" + NEG_BE + " (?:visible|present|pictured|shown|there|in it)" + END,
          CANT + " (?:see|find|spot|locate|detect|make out|pick out|notice) {X}(?:" + END + "| " + LOC
              + "| (?:anywhere|here|among|at all|present|in (?:it|there))\\b)",
          CANT + " (?:identify|recogni[sz]e) {X} (?:" + LOC + "|anywhere\\b|among\\b)",
          "(?:\\bno(?:body| one)|(?:not|n't|never|cannot) (?:see|find|spot) (?:anyone|anybody|someone|a person))\\b"
              + "(?: [^.!?]{0,40}?)? (?:who (?:looks like|resembles|matches)|matching|resembling|that looks like) {X}",
          "(?:\\bno(?:body| one)|\\bnone of (?:the|these|those) (?:people|persons|individuals|faces))\\b"
              + "[^.!?]{0,40}? (?:is|are|matches|match|resembles) {X}(?!'s)",
          "(?:\\bno (?:sign|trace|indication|evidence) of|\\bthere(?:'s| is| are) no) {X}(?: " + LOC + "| here\\b| anywhere\\b| being (?:present|there|here|visible)\\b|" + END + ")",
          "{X},? (?:does|do|did)(?: not|n't) (?:appear|show up|feature|seem to be|seem to appear)"
              + "(?: to be| (?:to be )?(?:present|visible|pictured|shown|included))?(?: " + LOC
              + "| anywhere\\b| here\\b| among\\b|" + END + ")",
          "{X} (?:is|was|'s) (?:absent|missing|nowhere to be (?:seen|found))(?: from\\b| in\\b|" + END + ")",
          "\\b(?:image|photo|picture|scene|frame|shot|photograph)s? (?:does|do|did)(?: not|n't)"
              + " (?:include|contain|show|feature|depict|have) {X}(?!'s)",
          "{X} (?:cannot|can't|could not|couldn't|can not) be (?:found|seen|located|spotted)",
          "(?:other (?:people|persons|individuals)|someone else|others)[^.!?]{0,30}?,? but not {X}");

  private static final List<String> UNKNOWN_WEAK =
      List.of(
          CANT + " (?:identify|recogni[sz]e|tell who) {X}",
          CANT + " (?:identify|recogni[sz]e) (?:people|persons|individuals|real people|faces|specific people|who)\\b");

  private static final String GENERIC_X = "(?:" + NAME + "|" + PRONOUN + ")";

  /** Compiled per-name classifiers: the bench asks about the same few names many times. */
  private static final LoadingCache<String, RefusalClassifier> NAMED =
      CacheBuilder.newBuilder()
          .maximumSize(1024)
          .build(
              CacheLoader.from(
                  name ->
                      new RefusalClassifier(
                          "(?:" + Pattern.quote(name) + "(?![\\p{L}\\p{M}])|" + PRONOUN + ")")));

  private final List<Pattern> unknownStrong;
  private final List<Pattern> absent;
  private final List<Pattern> unknownWeak;

  private RefusalClassifier(String x) {
    this.unknownStrong = compile(UNKNOWN_STRONG, x);
    this.absent = compile(ABSENT, x);
    this.unknownWeak = compile(UNKNOWN_WEAK, x);
  }

  /**
   * The classifier.
   *
   * @return a classifier that treats any capitalised word or pronoun as a person
   */
  public static RefusalClassifier create() {
    return Holder.GENERIC;
  }

  private static final class Holder {
    static final RefusalClassifier GENERIC = new RefusalClassifier(GENERIC_X);
  }

  /**
   * Classifies an answer.
   *
   * @param answer the model's output
   * @return the refusal family, or {@link RefusalKind#NOT_A_REFUSAL}
   */
  public RefusalKind classify(String answer) {
    checkNotNull(answer, "answer");
    return classify(normalise(answer), unknownStrong, absent, unknownWeak);
  }

  /**
   * Classifies an answer to a question about one person: only refusals about this name (compared
   * ignoring case) or a pronoun count.
   *
   * @param answer the model's output
   * @param name the person the question was about
   * @return the refusal family, or {@link RefusalKind#NOT_A_REFUSAL}
   */
  public RefusalKind classify(String answer, String name) {
    checkNotNull(answer, "answer");
    checkNotNull(name, "name");
    RefusalClassifier named = NAMED.getUnchecked(normalise(name));
    return classify(normalise(answer), named.unknownStrong, named.absent, named.unknownWeak);
  }

  /**
   * Whether the answer is a refusal of either family.
   *
   * @param answer the model's output
   * @return true for {@link RefusalKind#ABSENT} or {@link RefusalKind#UNKNOWN}
   */
  public boolean isRefusal(String answer) {
    return classify(answer) != RefusalKind.NOT_A_REFUSAL;
  }

  private static RefusalKind classify(
      String text, List<Pattern> unknownStrong, List<Pattern> absent, List<Pattern> unknownWeak) {
    if (anyFind(unknownStrong, text)) {
      return RefusalKind.UNKNOWN;
    }
    if (anyFind(absent, text)) {
      return RefusalKind.ABSENT;
    }
    if (anyFind(unknownWeak, text)) {
      return RefusalKind.UNKNOWN;
    }
    return RefusalKind.NOT_A_REFUSAL;
  }

  private static boolean anyFind(List<Pattern> patterns, String text) {
    for (Pattern p : patterns) {
      if (p.matcher(text).find()) {
        return true;
      }
    }
    return false;
  }

  private static List<Pattern> compile(List<String> templates, String x) {
    List<Pattern> out = new ArrayList<>();
    for (String t : templates) {
      out.add(
          Pattern.compile(
              t.replace("{X}", x), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE));
    }
    return List.copyOf(out);
  }

  /** Straight apostrophes, no markdown emphasis, single spaces. */
  private static String normalise(String s) {
    return s.replace('\u2019', '\'')
        .replace('\u2018', '\'')
        .replace("**", "")
        .replace("__", "")
        .replaceAll("\\s+", " ")
        .strip();
  }
}
