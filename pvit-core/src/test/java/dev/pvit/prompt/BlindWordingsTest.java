package dev.pvit.prompt;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Introductions and answers written blind (before the name extractor and the refusal analyser were
 * read), in {@code dev/pvit/prompt/blind/}: fresh wordings with hard names (particles, hyphens,
 * apostrophes, diacritics, CJK, initials, names that are also English words), sentences that name no
 * one (which must be errors, never guesses) and refusal look-alikes. {@code holdout-*} files were
 * written after the first fix and measured once before the next; {@code later-*} files are probes
 * written afterwards, kept as regressions; {@code round2-*} files are a second blind round (new
 * wordings, titles, second person, passive and list-like introductions, hedged refusals and look-alikes). Everything goes through the public entry points the SDK
 * uses: {@link LlavaConversationParser#parse(String)} and both {@link RefusalClassifier} overloads.
 */
class BlindWordingsTest {
  private static final Logger LOG = LoggerFactory.getLogger(BlindWordingsTest.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private final LlavaConversationParser parser = LlavaConversationParser.create();
  private final RefusalClassifier classifier = RefusalClassifier.create();

  @ParameterizedTest
  @ValueSource(strings = {"", "holdout-", "later-", "round2-"})
  void blind_introductions_give_their_names_in_order(String set) {
    List<JsonNode> lines = lines(set + "introductions.jsonl");
    List<String> wrong = new ArrayList<>();
    List<String> errors = new ArrayList<>();
    for (JsonNode line : lines) {
      String text = line.get("text").asText();
      List<String> expected = new ArrayList<>();
      line.get("names").forEach(n -> expected.add(n.asText()));
      try {
        List<String> got = names(text);
        if (!got.equals(expected)) {
          wrong.add(text.replace("\n", "⏎") + " -> " + got + " (expected " + expected + ")");
        }
      } catch (InvalidPromptException e) {
        errors.add(text.replace("\n", "⏎") + " -> " + e.getMessage());
      }
    }
    report(set + "introductions", lines.size(), wrong, errors);
    assertThat(lines).hasSizeGreaterThanOrEqualTo(set.isEmpty() ? 60 : 30);
    assertThat(wrong).as("wrong names").isEmpty();
    assertThat(errors).as("errors").isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "holdout-", "later-", "round2-"})
  void blind_undecidable_introductions_are_errors_naming_the_sentence(String set) {
    List<JsonNode> lines = lines(set + "introductions-undecidable.jsonl");
    List<String> wrong = new ArrayList<>();
    for (JsonNode line : lines) {
      String text = line.get("text").asText();
      List<String> intros = introductions(text);
      String intro = String.join(" | ", intros);
      try {
        wrong.add(intro + " -> " + names(text));
      } catch (InvalidPromptException e) {
        if (intros.stream().noneMatch(i -> e.getMessage().contains(i.replaceAll("[.!?]$", "")))) {
          wrong.add(intro + " -> error not naming the sentence: " + e.getMessage());
        }
      }
    }
    report(set + "undecidable introductions", lines.size(), wrong, List.of());
    assertThat(lines).hasSizeGreaterThanOrEqualTo(set.isEmpty() ? 10 : 5);
    assertThat(wrong).as("guessed names").isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "holdout-", "later-", "round2-"})
  void blind_answers_are_classified_into_their_family_with_and_without_the_name(String set) {
    List<JsonNode> lines = lines(set + "refusals.jsonl");
    List<String> named = new ArrayList<>();
    List<String> generic = new ArrayList<>();
    for (JsonNode line : lines) {
      String answer = line.get("answer").asText();
      String name = line.get("name").asText();
      RefusalKind expected = RefusalKind.valueOf(line.get("kind").asText());
      RefusalKind withName = classifier.classify(answer, name);
      if (withName != expected) {
        named.add(answer + " [" + name + "] -> " + withName + " (expected " + expected + ")");
      }
      RefusalKind without = classifier.classify(answer);
      // without the name, a person written in lower case reads as a thing ("snow isn't in this pic"):
      // the classifier stays on the safe side and calls it no refusal
      boolean caseHidesName = !answer.contains(name) && without == RefusalKind.NOT_A_REFUSAL
          && expected == RefusalKind.ABSENT;
      if (caseHidesName) {
        LOG.info("  safe side (no name, lower case): {} -> {} (means {})", answer, without, expected);
      }
      if (without != expected && !caseHidesName) {
        generic.add(answer + " -> " + without + " (expected " + expected + ")");
      }
    }
    report(set + "answers, name given", lines.size(), named, List.of());
    report(set + "answers, no name", lines.size(), generic, List.of());
    assertThat(lines.stream().filter(l -> !l.get("kind").asText().equals("NOT_A_REFUSAL")).count())
        .isGreaterThanOrEqualTo(set.isEmpty() ? 50 : 20);
    assertThat(named).as("with the name").isEmpty();
    assertThat(generic).as("without the name").isEmpty();
  }

  /** The introduction lines of a human turn: the text after each {@code <image>} but the last. */
  private static List<String> introductions(String humanTurn) {
    String[] parts = humanTurn.split("<image>\n", -1);
    List<String> out = new ArrayList<>();
    for (int i = 1; i < parts.length - 1; i++) {
      out.add(parts[i].strip());
    }
    return out;
  }

  private List<String> names(String humanTurn) {
    return parser.parse(Fixtures.llavaRecord(humanTurn)).prompt().people().stream().map(p -> p.person().name())
        .toList();
  }

  private static void report(String what, int total, List<String> wrong, List<String> errors) {
    LOG.info("blind {}: {} right, {} wrong, {} errors of {}", what, total - wrong.size() - errors.size(),
        wrong.size(), errors.size(), total);
    wrong.forEach(w -> LOG.info("  wrong: {}", w));
    errors.forEach(e -> LOG.info("  error: {}", e));
  }

  private static List<JsonNode> lines(String file) {
    try (InputStream in = BlindWordingsTest.class.getResourceAsStream("blind/" + file)) {
      assertThat(in).as(file).isNotNull();
      List<JsonNode> out = new ArrayList<>();
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (!line.isBlank()) {
          out.add(JSON.readTree(line));
        }
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
