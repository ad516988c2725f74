package dev.pvit.prompt.internal;

import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recovers a person's name from an introduction sentence: first by matching introduction templates
 * (the most specific matching template wins, i.e. the one with the longest fixed text), then, if
 * allowed and the template match has a lower-case word, by a heuristic for foreign templates ("... of Kristina", "Here is Kristina in a photo").
 */
public final class NameExtractor {
  private static final String NAME_SLOT = "{name}";

  private static final String CAPITALISED =
      "[\\p{Lu}\\p{Lt}\\p{Lo}][\\p{L}\\p{M}\\p{N}'’\\-]*(?:[ .][\\p{Lu}\\p{Lt}\\p{Lo}][\\p{L}\\p{M}\\p{N}'’\\-]*){0,3}";

  private static final List<Pattern> HEURISTICS =
      List.of(
          Pattern.compile(
              "\\b(?:of|is|meet|named|called|captures|features|shows|showing|introducing|presenting|"
                  + "depicts|displays|introduce|see|call|name is|named as)\\s+(" + CAPITALISED + ")"),
          Pattern.compile("^(" + CAPITALISED + ")(?=['’]s\\b|\\s+(?:is|was|in|appears|as|here)\\b|,)"));

  private record Compiled(Pattern pattern, int fixedLength) {}

  private final List<Compiled> templates;
  private final boolean heuristics;

  /**
   * Creates an extractor.
   *
   * @param templates templates containing {@code {name}} once, tried before the heuristic
   * @param heuristics whether to fall back to the heuristic
   */
  public NameExtractor(List<String> templates, boolean heuristics) {
    List<Compiled> list = new ArrayList<>();
    for (String t : templates) {
      int at = t.indexOf(NAME_SLOT);
      String regex =
          "^" + Pattern.quote(t.substring(0, at)) + "(.+)" + Pattern.quote(t.substring(at + NAME_SLOT.length())) + "$";
      list.add(new Compiled(Pattern.compile(regex, Pattern.DOTALL), t.length() - NAME_SLOT.length()));
    }
    this.templates = ImmutableList.copyOf(list);
    this.heuristics = heuristics;
  }

  /**
   * The name introduced by the sentence.
   *
   * @param introduction the introduction text
   * @return the name, if one is found
   */
  public Optional<String> extract(String introduction) {
    String best = null;
    int bestFixed = -1;
    for (Compiled c : templates) {
      Matcher m = c.pattern().matcher(introduction);
      if (m.matches() && c.fixedLength() > bestFixed && !m.group(1).isBlank()) {
        best = m.group(1).strip();
        bestFixed = c.fixedLength();
      }
    }
    if (!heuristics || (best != null && looksLikeName(best))) {
      return Optional.ofNullable(best);
    }
    // A generic template such as "This is {name}." also matches "This is a photo of Kristina.";
    // a lower-case word in the match means the sentence is probably a foreign wording.
    for (Pattern p : HEURISTICS) {
      Matcher m = p.matcher(introduction);
      if (m.find()) {
        return Optional.of(m.group(1).replaceAll("[.'’\\-]+$", ""));
      }
    }
    return Optional.ofNullable(best);
  }

  private static boolean looksLikeName(String s) {
    for (String word : s.split("\\s+")) {
      if (!word.isEmpty() && Character.isLowerCase(word.codePointAt(0))) {
        return false;
      }
    }
    return true;
  }
}
