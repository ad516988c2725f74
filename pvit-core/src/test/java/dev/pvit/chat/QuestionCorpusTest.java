package dev.pvit.chat;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pvit.chat.internal.EmbeddedAnswerer;
import dev.pvit.chat.internal.ParsedQuestion;
import dev.pvit.chat.internal.QuestionParser;
import dev.pvit.chat.internal.Refusals;
import dev.pvit.chat.internal.Reply;
import dev.pvit.face.Box;
import dev.pvit.face.DetectedFace;
import dev.pvit.face.Expression;
import dev.pvit.face.FaceAttributes;
import dev.pvit.face.FaceDescriptor;
import dev.pvit.face.Point;
import dev.pvit.face.RecognizedFace;
import dev.pvit.face.SceneRecognition;
import dev.pvit.person.Person;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the question corpus ({@code corpus/*.jsonl}, written independently of the parser, see
 * QUESTION-CORPUS.md) through the embedded answerer over the recorded scenes of {@code
 * corpus/scenes.json}, judging the answer text the user reads, and reports every failure at once.
 * Lines with an {@code lf} field must also parse to exactly that logical form.
 *
 * <p>A blind line the engine does not answer yet may be listed in {@code corpus/gaps.txt} (its id
 * and why): it then passes only as an honest abstention (NEEDS_VISION_MODEL, no yes or no), never as
 * a wrong answer, and the blind expectation itself stays as written. A listed line that passes must
 * be taken off the list.
 */
class QuestionCorpusTest {
  private static final Logger LOG = LoggerFactory.getLogger(QuestionCorpusTest.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern NUMBER = Pattern.compile(
      "\\b(\\d+|no|none|zero|one|two|three|four|five|six|seven|eight|nine|ten)\\b", Pattern.CASE_INSENSITIVE);
  private static final List<String> NUMBER_WORDS = List.of(
      "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten");
  private record Scene(List<String> registered, SceneRecognition recognition) {}

  @Test
  void every_corpus_question_gets_the_expected_answer() throws IOException, URISyntaxException {
    Path dir = Path.of(QuestionCorpusTest.class.getResource("corpus/scenes.json").toURI()).getParent();
    Map<String, Scene> scenes = scenes(JSON.readTree(dir.resolve("scenes.json").toFile()));
    Map<String, String> gaps = gaps(dir.resolve("gaps.txt"));
    List<String> failures = new ArrayList<>();
    List<String> seen = new ArrayList<>();
    Map<String, int[]> byFile = new TreeMap<>();
    int total = 0;
    try (Stream<Path> files = Files.list(dir)) {
      for (Path file : files.filter(p -> p.toString().endsWith(".jsonl")).sorted().toList()) {
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
          if (line.isBlank()) {
            continue;
          }
          JsonNode q = JSON.readTree(line);
          total++;
          int[] score = byFile.computeIfAbsent(file.getFileName().toString(), k -> new int[2]);
          score[1]++;
          String id = q.get("id").asText();
          seen.add(id);
          Optional<String> problem = check(q, scenes.get(q.get("scene").asText()));
          if (gaps.containsKey(id)) {
            if (problem.isEmpty()) {
              failures.add(id + " passes: take it off gaps.txt");
            } else {
              abstention(q, scenes.get(q.get("scene").asText())).ifPresent(p -> failures.add(id + " (a known gap: "
                  + gaps.get(id) + ") " + p));
            }
            continue;
          }
          if (problem.isEmpty()) {
            score[0]++;
          } else {
            failures.add(id + " [" + q.get("q").asText() + "] " + problem.get());
          }
        }
      }
    }
    gaps.keySet().stream().filter(id -> !seen.contains(id)).forEach(id -> failures.add(id + " in gaps.txt is no line"));
    StringBuilder summary = new StringBuilder();
    byFile.forEach((f, s) -> summary.append(String.format(Locale.ROOT, "%n  %-18s %4d/%-4d", f, s[0], s[1])));
    LOG.info("Question corpus: {}/{} pass, {} known gaps abstain{}", total - failures.size() - gaps.size(), total,
        gaps.size(), summary);
    assertThat(failures).as("corpus failures (%d of %d)", failures.size(), total).isEmpty();
  }

  private static Optional<String> check(JsonNode line, Scene scene) {
    Map<String, List<String>> people = new LinkedHashMap<>();
    scene.registered().forEach(n -> people.put(n, List.of(n)));
    QuestionParser parser = new QuestionParser(people);
    EmbeddedAnswerer answerer = new EmbeddedAnswerer(Refusals.TEMPLATES, scene::registered);
    List<ParsedQuestion> earlier = new ArrayList<>();
    StringBuilder conversation = new StringBuilder();
    for (JsonNode h : line.get("history")) {
      earlier.add(parser.parse(h.asText(), List.copyOf(earlier)));
      conversation.append(h.asText()).append(' ');
    }
    String question = line.get("q").asText();
    conversation.append(question);
    ParsedQuestion parsed = parser.parse(question, List.copyOf(earlier));
    Reply reply = answerer.answer(parsed, scene.recognition(), new Random(7));
    String got = " -> " + reply.kind() + " \"" + reply.text() + "\" lf=" + parsed.form().map(Object::toString)
        .orElse("none " + parsed.abstention().map(Object::toString).orElse(""));
    JsonNode expect = line.get("expect");
    List<String> kinds = new ArrayList<>();
    if (expect.get("kind").isArray()) {
      expect.get("kind").forEach(k -> kinds.add(k.asText()));
    } else {
      kinds.add(expect.get("kind").asText());
    }
    if (!kinds.contains(reply.kind().name())) {
      return Optional.of("expected kind " + kinds + got);
    }
    String text = reply.text();
    boolean saysYesOrNo = text.matches("(?s)^(Yes|No)\\b.*");
    if (expect.has("yes")) {
      String want = expect.get("yes").asBoolean() ? "Yes" : "No";
      if (!text.matches("(?s)^" + want + "\\b.*")) {
        return Optional.of("expected " + want + got);
      }
    }
    if (expect.has("abstain") && expect.get("abstain").asBoolean()
        && (reply.kind() != AnswerKind.NEEDS_VISION_MODEL || saysYesOrNo)) {
      return Optional.of("expected an abstention" + got);
    }
    if (expect.has("names")) {
      List<String> want = new ArrayList<>();
      expect.get("names").forEach(n -> want.add(n.asText()));
      List<String> stated = statedNames(text, scene.registered());
      List<String> mentioned = mentionedNames(scene.registered(), conversation.toString());
      boolean ordered = expect.has("ordered") && expect.get("ordered").asBoolean();
      List<String> missing = want.stream().filter(n -> !stated.contains(n)).toList();
      List<String> extra = stated.stream().filter(n -> !want.contains(n) && !mentioned.contains(n)).toList();
      List<String> inOrder = stated.stream().filter(want::contains).toList();
      if (!missing.isEmpty() || !extra.isEmpty() || (ordered && !inOrder.equals(want))) {
        return Optional.of("expected names " + want + " but the answer states " + stated + got);
      }
    }
    if (expect.has("count")) {
      Matcher m = NUMBER.matcher(text);
      int stated = -1;
      if (m.find()) {
        String n = m.group(1).toLowerCase(Locale.ROOT);
        stated = n.equals("no") || n.equals("none") ? 0 : n.matches("\\d+") ? Integer.parseInt(n) : NUMBER_WORDS.indexOf(n);
      }
      if (stated != expect.get("count").asInt()) {
        return Optional.of("expected count " + expect.get("count").asInt() + got);
      }
    }
    if (line.has("lf")) {
      String lf = parsed.form().map(Object::toString).orElse("none");
      if (!lf.equals(line.get("lf").asText())) {
        return Optional.of("expected lf " + line.get("lf").asText() + got);
      }
    }
    return Optional.empty();
  }

  /** The known gaps: id → why the engine does not answer it yet. */
  private static Map<String, String> gaps(Path file) throws IOException {
    Map<String, String> out = new LinkedHashMap<>();
    if (!Files.exists(file)) {
      return out;
    }
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      String l = line.strip();
      if (!l.isEmpty() && !l.startsWith("#")) {
        String[] parts = l.split("\\s+", 2);
        out.put(parts[0], parts.length > 1 ? parts[1] : "");
      }
    }
    return out;
  }

  /** A problem unless the line is answered with an honest abstention (no yes or no). */
  private static Optional<String> abstention(JsonNode line, Scene scene) {
    Map<String, List<String>> people = new LinkedHashMap<>();
    scene.registered().forEach(n -> people.put(n, List.of(n)));
    QuestionParser parser = new QuestionParser(people);
    List<ParsedQuestion> earlier = new ArrayList<>();
    for (JsonNode h : line.get("history")) {
      earlier.add(parser.parse(h.asText(), List.copyOf(earlier)));
    }
    Reply reply = new EmbeddedAnswerer(Refusals.TEMPLATES, scene::registered)
        .answer(parser.parse(line.get("q").asText(), List.copyOf(earlier)), scene.recognition(), new Random(7));
    return reply.kind() == AnswerKind.NEEDS_VISION_MODEL && !reply.text().matches("(?s)^(Yes|No)\\b.*")
        ? Optional.empty() : Optional.of("is not an abstention: " + reply.kind() + " \"" + reply.text() + "\"");
  }

  /** Registered names the answer states, in the order it states them. */
  private static List<String> statedNames(String text, List<String> registered) {
    Map<Integer, String> at = new TreeMap<>();
    for (String name : registered) {
      Matcher m = Pattern.compile("(?<![\\p{L}])" + Pattern.quote(name) + "(?![\\p{L}])").matcher(text);
      if (m.find()) {
        at.put(m.start(), name);
      }
    }
    return List.copyOf(at.values());
  }

  /** Registered names the conversation itself mentions (an answer may repeat them). */
  private static List<String> mentionedNames(List<String> registered, String conversation) {
    String asked = Person.matchKey(conversation);
    return registered.stream().filter(n -> Pattern.compile("(?<![\\p{L}])" + Pattern.quote(Person.matchKey(n))
        + "(?![\\p{L}])").matcher(asked).find()).toList();
  }

  private static Map<String, Scene> scenes(JsonNode root) {
    Map<String, Scene> out = new LinkedHashMap<>();
    for (JsonNode s : root) {
      List<String> registered = new ArrayList<>();
      s.get("registered").forEach(n -> registered.add(n.asText()));
      List<RecognizedFace> faces = new ArrayList<>();
      for (JsonNode f : s.get("faces")) {
        JsonNode b = f.get("box");
        Box box = new Box(b.get(0).asDouble(), b.get(1).asDouble(), b.get(2).asDouble(), b.get(3).asDouble());
        Map<Expression, Double> probabilities = new EnumMap<>(Expression.class);
        for (Expression e : Expression.values()) {
          JsonNode p = f.path("expression").get(e.name().toLowerCase(Locale.ROOT));
          probabilities.put(e, p == null ? 0.0 : p.asDouble());
        }
        List<Point> landmarks = Collections.nCopies(68, new Point(box.centerX(), box.centerY()));
        DetectedFace face = new DetectedFace(box, 0.99, landmarks, FaceDescriptor.of(new float[128]),
            Optional.of(new FaceAttributes(f.path("age").asDouble(30), 0.5, probabilities)));
        String name = f.get("name").isNull() ? null : f.get("name").asText();
        faces.add(new RecognizedFace(face, Optional.ofNullable(name), name == null ? 0.8 : 0.35, List.of()));
      }
      out.put(s.get("id").asText(), new Scene(List.copyOf(registered),
          new SceneRecognition(s.get("width").asInt(), s.get("height").asInt(), faces)));
    }
    return out;
  }
}
