package dev.pvit.pipeline.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pvit.person.Person;
import dev.pvit.prompt.ImageResolver;
import dev.pvit.prompt.LlavaConversationParser;
import dev.pvit.prompt.LlavaRecord;
import dev.pvit.prompt.PromptPerson;
import dev.pvit.prompt.RefusalClassifier;
import dev.pvit.prompt.RefusalKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The dataset rules of issue 7, checked on a written output folder: every record parses back with
 * the prompt parser, has one image per {@code <image>} tag, every image file exists, and names in
 * answers were introduced, or the answer is a refusal of the right family.
 */
final class DatasetChecks {
  private static final ObjectMapper JSON = new ObjectMapper();
  /** Capitalised words, not the "Can" of "Can you" (Can is also a Turkish name in the pool). */
  private static final Pattern WORD = Pattern.compile("\\b\\p{Lu}[\\p{L}\\p{M}]*(?:-\\p{Lu}[\\p{L}\\p{M}]*)?\\b(?! you\\b)");

  private DatasetChecks() {}

  /**
   * Checks every record and returns how many answers fell in each refusal kind.
   *
   * @param out the output folder
   * @param names the pool the run drew from
   * @return counts per kind over all records
   */
  static Map<RefusalKind, Integer> verify(Path out, NamePool names) throws IOException {
    LlavaConversationParser parser =
        LlavaConversationParser.builder().imageResolver(ImageResolver.directory(out)).build();
    RefusalClassifier classifier = RefusalClassifier.create();
    Map<RefusalKind, Integer> kinds = new EnumMap<>(RefusalKind.class);
    List<String> lines = Files.readAllLines(out.resolve(DatasetSink.DATA));
    for (String line : lines) {
      JsonNode raw = JSON.readTree(line);
      String human = raw.at("/conversations/0/value").asText();
      int tags = human.split("<image>", -1).length - 1;
      assertThat(tags).as(line).isEqualTo(raw.get("image").size());
      raw.get("image").forEach(p -> assertThat(out.resolve(p.asText())).as(line).isRegularFile());
      LlavaRecord record = parser.parse(line);
      assertThat(record.peopleInScene()).as(line).isPresent();
      Set<String> introduced = new LinkedHashSet<>();
      for (PromptPerson p : record.prompt().people()) {
        introduced.add(Person.matchKey(p.name()));
      }
      String question = record.prompt().question();
      String answer = record.answer().orElseThrow();
      List<String> unknownInQuestion = new ArrayList<>();
      for (String n : poolWords(question, names)) {
        if (!introduced.contains(Person.matchKey(n))) {
          unknownInQuestion.add(n);
        }
      }
      RefusalKind kind = classifier.classify(answer);
      kinds.merge(kind, 1, Integer::sum);
      if (!unknownInQuestion.isEmpty()) {
        assertThat(unknownInQuestion).as(line).hasSize(1);
        assertThat(classifier.classify(answer, unknownInQuestion.get(0))).as(line).isEqualTo(RefusalKind.UNKNOWN);
      } else if (kind != RefusalKind.NOT_A_REFUSAL) {
        assertThat(kind).as(line).isEqualTo(RefusalKind.ABSENT);
      } else {
        for (String n : poolWords(answer, names)) {
          assertThat(introduced).as(line).contains(Person.matchKey(n));
        }
      }
    }
    return kinds;
  }

  private static List<String> poolWords(String text, NamePool names) {
    List<String> out = new ArrayList<>();
    Matcher m = WORD.matcher(text);
    while (m.find()) {
      if (names.contains(m.group())) {
        out.add(m.group());
      }
    }
    return out;
  }
}
