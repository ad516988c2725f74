package dev.pvit.prompt;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Round 3 of the blind wordings: introductions and answers written before the name extractor and the
 * refusal analyser were read ({@code round3-*}), and a held-out set written after the first fix
 * without looking at its results ({@code round3-holdout-*}) (credentials, word-names beyond any list, particles and non-ASCII names,
 * undecidable introductions, look-alike non-refusals). Uses the public API only; every miss is listed
 * in the failure message. Rows with a {@code known} field are gaps left after the fix: they may be
 * an error (an introduction) or no refusal (an answer), the safe sides, but never a wrong result.
 */
class BlindRound3Test {
  private static final String DIR = "/dev/pvit/prompt/blind/";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final LlavaConversationParser parser = LlavaConversationParser.create();
  private final RefusalClassifier classifier = RefusalClassifier.create();

  @ParameterizedTest
  @ValueSource(strings = {"round3", "round3-holdout"})
  void decidable_introductions_give_the_expected_name(String round) throws IOException {
    List<String> misses = new ArrayList<>();
    List<JsonNode> rows = rows(round + "-introductions.jsonl");
    for (JsonNode row : rows) {
      String expected = row.get("name").asText();
      Reading r = read(row);
      if (r.name() != null && !r.name().equals(expected)) {
        misses.add("WRONG " + r.introduction() + " -> " + r.name() + " (expected " + expected + ")");
      } else if (r.name() == null && !row.has("known")) {
        // a known gap may stay an error (the safe side), never a wrong name
        misses.add("REJECTED " + r.introduction() + " -> " + r.error());
      }
    }
    assertThat(misses).as("%d of %d introductions", misses.size(), rows.size()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"round3", "round3-holdout"})
  void undecidable_introductions_are_errors(String round) throws IOException {
    List<String> misses = new ArrayList<>();
    List<JsonNode> rows = rows(round + "-introductions-undecidable.jsonl");
    for (JsonNode row : rows) {
      Reading r = read(row);
      if (r.name() != null) {
        misses.add("ACCEPTED " + r.introduction() + " -> " + r.name() + " (" + row.get("why").asText() + ")");
      }
    }
    assertThat(misses).as("%d of %d undecidable", misses.size(), rows.size()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"round3", "round3-holdout"})
  void answers_are_classified_by_family(String round) throws IOException {
    List<String> misses = new ArrayList<>();
    List<JsonNode> rows = rows(round + "-refusals.jsonl");
    for (JsonNode row : rows) {
      String answer = row.get("answer").asText();
      RefusalKind expected = RefusalKind.valueOf(row.get("kind").asText());
      RefusalKind got =
          row.has("name")
              ? classifier.classify(answer, row.get("name").asText())
              : classifier.classify(answer);
      // a known gap may miss a refusal (no refusal is the safe side), never give the wrong family
      boolean knownMiss = row.has("known") && got == RefusalKind.NOT_A_REFUSAL;
      if (got != expected && !knownMiss) {
        misses.add(got + " (expected " + expected + ") " + answer);
      }
    }
    assertThat(misses).as("%d of %d answers", misses.size(), rows.size()).isEmpty();
  }

  /** The name read from a row's introduction, or the parser's error. */
  private record Reading(String introduction, @Nullable String name, @Nullable String error) {}

  private Reading read(JsonNode row) {
    String intro = row.get("introduction").asText();
    try {
      return new Reading(intro, parser.parse(record(intro, row)).prompt().people().get(0).name(), null);
    } catch (InvalidPromptException e) {
      return new Reading(intro, null, e.getMessage());
    }
  }

  /** A conversation record: one reference image with the introduction, the scene, a question. */
  private static String record(String introduction, JsonNode row) {
    ObjectNode rec = JSON.createObjectNode();
    rec.putArray("image").add("ref.jpg").add("scene.jpg");
    String question =
        row.has("question") ? row.get("question").asText() : "What is happening in this picture?";
    var conv = rec.putArray("conversations");
    conv.addObject().put("from", "human").put("value", "<image>\n" + introduction + "\n<image>\n" + question);
    conv.addObject().put("from", "gpt").put("value", row.has("answer") ? row.get("answer").asText() : "A party.");
    return rec.toString();
  }

  private static List<JsonNode> rows(String file) throws IOException {
    List<JsonNode> out = new ArrayList<>();
    try (InputStream in = BlindRound3Test.class.getResourceAsStream(DIR + file);
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        if (!line.isBlank()) {
          out.add(JSON.readTree(line));
        }
      }
    }
    return out;
  }
}
