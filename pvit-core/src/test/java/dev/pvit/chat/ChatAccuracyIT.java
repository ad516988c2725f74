package dev.pvit.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pvit.image.ImageInput;
import dev.pvit.person.Person;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks presence, identification, count, absent-person and unknown-name questions about every
 * labelled scene of the shared face set, with every identity registered under a made-up name.
 */
class ChatAccuracyIT {
  private static final Logger LOG = LoggerFactory.getLogger(ChatAccuracyIT.class);
  private static final List<String> NAMES = List.of(
      "Amara", "Bruno", "Chiara", "Dmitri", "Esther", "Farid", "Greta", "Hamid", "Ingrid", "Jonas",
      "Keiko", "Lorenzo", "Malik", "Nadia", "Oskar", "Priya", "Quinn", "Rosa", "Sven", "Tamsin",
      "Umar", "Valeria", "Wen", "Ximena", "Yusuf", "Zofia");

  @Test
  void answers_and_refusals_are_accurate_on_the_shared_face_set() throws IOException {
    Path faces = Path.of(System.getProperty("shared.dir", "../../shared"), "data", "faces");
    assumeTrue(Files.isRegularFile(faces.resolve("scenes.json")), "shared face set not present");
    JsonNode root = new ObjectMapper().readTree(faces.resolve("scenes.json").toFile());

    Map<String, String> nameOf = new LinkedHashMap<>();
    List<String> ids = new ArrayList<>();
    root.get("identities").fieldNames().forEachRemaining(ids::add);
    PersonalizedChat.Builder builder = PersonalizedChat.builder();
    for (int i = 0; i < ids.size(); i++) {
      String id = ids.get(i);
      nameOf.put(id, NAMES.get(i));
      List<ImageInput> refs = new ArrayList<>();
      root.get("identities").get(id).get("references").forEach(r -> refs.add(ImageInput.of(faces.resolve(r.asText()))));
      builder.person(new Person(NAMES.get(i), List.of(), List.of(), refs));
    }
    String stranger = NAMES.get(ids.size());

    Map<String, int[]> score = new TreeMap<>();
    List<String> failures = new ArrayList<>();
    try (PersonalizedChat chat = builder.build()) {
      for (JsonNode scene : root.get("scenes")) {
        String file = scene.get("file").asText();
        Set<String> expected = new HashSet<>();
        scene.get("identities").forEach(n -> expected.add(nameOf.get(n.asText())));
        String absent = ids.stream().map(nameOf::get).filter(n -> !expected.contains(n))
            .skip(Math.abs(file.hashCode()) % 5).findFirst().orElseThrow();
        Conversation c = chat.conversation();
        ImageInput image = ImageInput.of(faces.resolve(file));

        for (String name : expected) {
          Answer a = c.ask(image, "Is " + name + " in this photo?");
          check(score, failures, "presence-yes", file, a, a.kind() == AnswerKind.ANSWERED && a.text().startsWith("Yes"));
        }
        Answer no = c.ask(image, "Can you see " + absent + " here?");
        check(score, failures, "presence-no", file, no, no.kind() == AnswerKind.ANSWERED && no.text().startsWith("No"));

        Answer who = c.ask(image, "Who is in this photo?");
        Set<String> got = new HashSet<>();
        who.people().forEach(p -> got.add(p.name()));
        check(score, failures, "identify", file, who, got.equals(expected));

        Answer count = c.ask(image, "How many of my people are here?");
        check(score, failures, "count", file, count, count.people().size() == expected.size()
            && (expected.isEmpty() ? count.text().startsWith("None") : count.text().startsWith(expected.size() + " ")));

        Answer absentAnswer = c.ask(image, "What is " + absent + " holding?");
        check(score, failures, "refusal-absent", file, absentAnswer, absentAnswer.kind() == AnswerKind.PERSON_ABSENT
            && absentAnswer.text().contains(absent));

        Answer unknown = c.ask(image, "What is " + stranger + " wearing?");
        check(score, failures, "refusal-unknown", file, unknown, unknown.kind() == AnswerKind.PERSON_UNKNOWN
            && unknown.text().contains(stranger));
      }
    }
    int[] answerable = sum(score, "presence-yes", "presence-no", "identify", "count");
    int[] refusals = sum(score, "refusal-absent", "refusal-unknown");
    StringBuilder table = new StringBuilder("\ncategory          correct/total  accuracy\n");
    score.forEach((k, v) -> table.append(String.format("%-17s %5d/%-5d    %.3f%n", k, v[0], v[1], v[0] / (double) v[1])));
    table.append(String.format("answerable        %5d/%-5d    %.3f%n", answerable[0], answerable[1], answerable[0] / (double) answerable[1]));
    table.append(String.format("refusals          %5d/%-5d    %.3f%n", refusals[0], refusals[1], refusals[0] / (double) refusals[1]));
    LOG.info("Chat accuracy on the shared face set:{}failures:\n{}", table, String.join("\n", failures));
    assertThat(answerable[0] / (double) answerable[1]).as("answerable accuracy").isGreaterThanOrEqualTo(0.9);
    assertThat(refusals[0] / (double) refusals[1]).as("refusal accuracy").isGreaterThanOrEqualTo(0.97);
  }

  private static void check(Map<String, int[]> score, List<String> failures, String category, String file,
      Answer answer, boolean ok) {
    int[] s = score.computeIfAbsent(category, k -> new int[2]);
    s[1]++;
    if (ok) {
      s[0]++;
    } else {
      failures.add(category + " " + file + ": " + answer.kind() + " " + answer.text());
    }
  }

  private static int[] sum(Map<String, int[]> score, String... categories) {
    int[] t = new int[2];
    for (String c : categories) {
      int[] s = score.getOrDefault(c, new int[2]);
      t[0] += s[0];
      t[1] += s[1];
    }
    return t;
  }
}
