package dev.pvit.chat;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pvit.face.Expression;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Checks that the question corpus ({@code corpus/scenes.json} and {@code corpus/*.jsonl}) follows
 * the contract in QUESTION-CORPUS.md, so that a failing corpus run means a wrong answer and never a
 * malformed line. Every problem is collected and reported at once.
 */
class CorpusFormatTest {
  private static final int MIN_QUESTIONS = 450;
  private static final Set<String> QUESTION_FIELDS = Set.of("id", "scene", "history", "q", "expect", "lf");
  private static final Set<String> EXPECT_FIELDS =
      Set.of("kind", "yes", "names", "ordered", "count", "abstain");
  private static final Set<String> SCENE_FIELDS =
      Set.of("id", "note", "width", "height", "registered", "faces");
  private static final Set<String> FACE_FIELDS = Set.of("name", "box", "age", "expression");
  private static final Set<String> KINDS =
      Arrays.stream(AnswerKind.values()).map(Enum::name).collect(Collectors.toSet());
  private static final Set<String> EXPRESSIONS =
      Arrays.stream(Expression.values())
          .map(e -> e.name().toLowerCase(Locale.ROOT))
          .collect(Collectors.toSet());

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

  private static Path corpusDir;
  private static JsonNode scenes;
  private static Map<String, List<JsonNode>> questionsByFile;

  @BeforeAll
  static void load() throws IOException, URISyntaxException {
    URL url = CorpusFormatTest.class.getResource("corpus/scenes.json");
    assertThat(url).as("corpus/scenes.json on the test classpath").isNotNull();
    Path scenesFile = Path.of(url.toURI());
    corpusDir = scenesFile.getParent();
    scenes = JSON.readTree(Files.readString(scenesFile, StandardCharsets.UTF_8));
    questionsByFile = new LinkedHashMap<>();
    List<Path> files;
    try (Stream<Path> listing = Files.list(corpusDir)) {
      files = listing.filter(p -> p.getFileName().toString().endsWith(".jsonl")).sorted().toList();
    }
    for (Path file : files) {
      List<JsonNode> lines = new ArrayList<>();
      int lineNo = 0;
      for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        lineNo++;
        if (line.isBlank()) {
          continue;
        }
        try {
          lines.add(JSON.readTree(line));
        } catch (IOException e) {
          throw new AssertionError(file.getFileName() + ":" + lineNo + " is not JSON: " + e, e);
        }
      }
      questionsByFile.put(file.getFileName().toString(), lines);
    }
  }

  @Test
  void scenes_follow_the_contract() {
    List<String> problems = new ArrayList<>();
    assertThat(scenes.isArray()).as("scenes.json is an array").isTrue();
    assertThat(scenes.size()).as("number of scenes").isBetween(8, 40);
    Set<String> ids = new HashSet<>();
    for (JsonNode scene : scenes) {
      String id = scene.path("id").asText("");
      String where = "scene " + id;
      unknownFields(scene, SCENE_FIELDS, where, problems);
      if (id.isBlank() || !ids.add(id)) {
        problems.add(where + ": missing or duplicate id");
      }
      if (scene.path("note").asText("").isBlank()) {
        problems.add(where + ": no note describing the layout");
      }
      int width = scene.path("width").asInt(-1);
      int height = scene.path("height").asInt(-1);
      if (!scene.path("width").isInt() || !scene.path("height").isInt() || width <= 0 || height <= 0) {
        problems.add(where + ": width and height must be positive integers");
      }
      Set<String> registered = new HashSet<>();
      for (JsonNode name : scene.path("registered")) {
        if (!name.isTextual() || name.asText().isBlank() || !name.asText().equals(name.asText().strip())) {
          problems.add(where + ": bad registered name " + name);
        } else if (!registered.add(name.asText())) {
          problems.add(where + ": " + name.asText() + " registered twice");
        }
      }
      if (!scene.path("registered").isArray() || registered.isEmpty()) {
        problems.add(where + ": registered must be a non-empty array");
      }
      if (!scene.path("faces").isArray()) {
        problems.add(where + ": faces must be an array");
        continue;
      }
      Set<String> seen = new HashSet<>();
      int index = 0;
      for (JsonNode face : scene.path("faces")) {
        checkFace(face, where + " face " + index++, width, height, registered, seen, problems);
      }
    }
    assertThat(problems).as("problems in scenes.json").isEmpty();
  }

  private static void checkFace(
      JsonNode face,
      String where,
      int width,
      int height,
      Set<String> registered,
      Set<String> seen,
      List<String> problems) {
    unknownFields(face, FACE_FIELDS, where, problems);
    JsonNode name = face.path("name");
    if (name.isTextual()) {
      if (!registered.contains(name.asText())) {
        problems.add(where + ": " + name.asText() + " is not registered in the scene");
      } else if (!seen.add(name.asText())) {
        problems.add(where + ": " + name.asText() + " recognised twice");
      }
    } else if (!name.isNull()) {
      problems.add(where + ": name must be a string or null");
    }
    JsonNode box = face.path("box");
    if (!box.isArray() || box.size() != 4 || !allInts(box)) {
      problems.add(where + ": box must be [x, y, width, height] in integer pixels");
    } else {
      int x = box.get(0).asInt();
      int y = box.get(1).asInt();
      int w = box.get(2).asInt();
      int h = box.get(3).asInt();
      if (x < 0 || y < 0 || w <= 0 || h <= 0 || x + w > width || y + h > height) {
        problems.add(where + ": box " + box + " is not inside the " + width + "x" + height + " image");
      }
    }
    double age = face.path("age").asDouble(-1);
    if (!face.path("age").isNumber() || age < 0 || age > 120) {
      problems.add(where + ": age must be a number in [0, 120]");
    }
    JsonNode expression = face.path("expression");
    if (!expression.isObject() || expression.isEmpty()) {
      problems.add(where + ": expression must be a non-empty object");
      return;
    }
    double sum = 0;
    for (Map.Entry<String, JsonNode> e : expression.properties()) {
      if (!EXPRESSIONS.contains(e.getKey())) {
        problems.add(where + ": unknown expression " + e.getKey());
      }
      double p = e.getValue().asDouble(-1);
      if (!e.getValue().isNumber() || p < 0 || p > 1) {
        problems.add(where + ": probability of " + e.getKey() + " must be in [0, 1]");
      }
      sum += p;
    }
    if (Math.abs(sum - 1.0) > 0.02) {
      problems.add(where + ": expression probabilities sum to " + sum + ", not 1");
    }
  }

  @Test
  void questions_follow_the_contract() {
    Map<String, Set<String>> registeredByScene = new HashMap<>();
    for (JsonNode scene : scenes) {
      Set<String> names = new HashSet<>();
      scene.path("registered").forEach(n -> names.add(n.asText()));
      registeredByScene.put(scene.path("id").asText(), names);
    }
    List<String> problems = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    questionsByFile.forEach(
        (file, lines) -> {
          for (int i = 0; i < lines.size(); i++) {
            JsonNode line = lines.get(i);
            String where = file + " #" + (i + 1) + " (" + line.path("id").asText("?") + ")";
            checkQuestion(line, where, registeredByScene, ids, problems);
          }
        });
    assertThat(problems).as("problems in the question files").isEmpty();
  }

  private static void checkQuestion(
      JsonNode line,
      String where,
      Map<String, Set<String>> registeredByScene,
      Set<String> ids,
      List<String> problems) {
    if (!line.isObject()) {
      problems.add(where + ": not a JSON object");
      return;
    }
    unknownFields(line, QUESTION_FIELDS, where, problems);
    String id = line.path("id").asText("");
    if (!id.matches("[a-z0-9][a-z0-9_-]*")) {
      problems.add(where + ": id must be lower-case letters, digits, '-' or '_'");
    }
    if (!ids.add(id)) {
      problems.add(where + ": duplicate id");
    }
    Set<String> registered = registeredByScene.get(line.path("scene").asText(""));
    if (registered == null) {
      problems.add(where + ": unknown scene " + line.path("scene"));
      registered = Set.of();
    }
    if (!line.path("q").isTextual() || line.path("q").asText().isBlank()) {
      problems.add(where + ": q must be a non-blank string");
    }
    JsonNode history = line.path("history");
    if (!history.isMissingNode()) {
      if (!history.isArray()) {
        problems.add(where + ": history must be an array");
      } else {
        history.forEach(
            h -> {
              if (!h.isTextual() || h.asText().isBlank()) {
                problems.add(where + ": history entries must be non-blank strings");
              }
            });
      }
    }
    JsonNode expect = line.path("expect");
    if (!expect.isObject()) {
      problems.add(where + ": expect must be an object");
      return;
    }
    unknownFields(expect, EXPECT_FIELDS, where + " expect", problems);
    checkExpect(expect, where, registered, problems);
  }

  private static void checkExpect(
      JsonNode expect, String where, Set<String> registered, List<String> problems) {
    Set<String> kinds = new HashSet<>();
    JsonNode kind = expect.path("kind");
    if (kind.isTextual()) {
      kinds.add(kind.asText());
    } else if (kind.isArray() && kind.size() >= 2) {
      kind.forEach(k -> kinds.add(k.asText()));
      if (kinds.size() != kind.size()) {
        problems.add(where + ": repeated kind in " + kind);
      }
    } else {
      problems.add(where + ": kind must be a string or an array of at least two kinds");
    }
    for (String k : kinds) {
      if (!KINDS.contains(k)) {
        problems.add(where + ": " + k + " is not an AnswerKind");
      }
    }
    if (expect.has("yes") && !expect.path("yes").isBoolean()) {
      problems.add(where + ": yes must be true or false");
    }
    if (expect.has("count") && (!expect.path("count").isInt() || expect.path("count").asInt() < 0)) {
      problems.add(where + ": count must be a non-negative integer");
    }
    if (expect.has("names")) {
      JsonNode names = expect.path("names");
      Set<String> distinct = new HashSet<>();
      if (!names.isArray()) {
        problems.add(where + ": names must be an array");
      }
      for (JsonNode name : names) {
        if (!registered.contains(name.asText()) || !distinct.add(name.asText())) {
          problems.add(where + ": " + name + " is not a (distinct) registered name of the scene");
        }
      }
    }
    if (expect.has("ordered") && (!expect.path("ordered").isBoolean() || !expect.has("names"))) {
      problems.add(where + ": ordered must be a boolean and only goes with names");
    }
    int answerParts = (expect.has("yes") ? 1 : 0) + (expect.has("names") ? 1 : 0) + (expect.has("count") ? 1 : 0);
    if (answerParts > 1) {
      problems.add(where + ": at most one of yes, names and count");
    }
    if (expect.has("abstain")) {
      if (!expect.path("abstain").isBoolean() || !expect.path("abstain").asBoolean()) {
        problems.add(where + ": abstain is only written as true");
      } else if (!kinds.equals(Set.of(AnswerKind.NEEDS_VISION_MODEL.name())) || answerParts > 0) {
        problems.add(where + ": an abstention expects kind NEEDS_VISION_MODEL and no yes/names/count");
      }
    }
    if (answerParts > 0 && !kinds.contains(AnswerKind.ANSWERED.name())) {
      problems.add(where + ": yes/names/count only make sense when ANSWERED is an acceptable kind");
    }
  }

  @Test
  void corpus_is_large_enough_and_uses_every_scene() {
    List<JsonNode> all = questionsByFile.values().stream().flatMap(List::stream).toList();
    assertThat(all).as("questions in %s", corpusDir).hasSizeGreaterThanOrEqualTo(MIN_QUESTIONS);
    Set<String> used = all.stream().map(q -> q.path("scene").asText()).collect(Collectors.toSet());
    List<String> sceneIds = new ArrayList<>();
    scenes.forEach(s -> sceneIds.add(s.path("id").asText()));
    assertThat(used).as("scenes with at least one question").containsAll(sceneIds);
  }

  private static boolean allInts(JsonNode array) {
    for (JsonNode n : array) {
      if (!n.isInt()) {
        return false;
      }
    }
    return true;
  }

  private static void unknownFields(
      JsonNode node, Set<String> allowed, String where, List<String> problems) {
    node.fieldNames()
        .forEachRemaining(
            f -> {
              if (!allowed.contains(f)) {
                problems.add(where + ": unexpected field " + f);
              }
            });
  }
}
