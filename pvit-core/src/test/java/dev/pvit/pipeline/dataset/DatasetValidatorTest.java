package dev.pvit.pipeline.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pvit.prompt.RefusalKind;
import dev.pvit.prompt.ReleaseFixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** 1-, 2- and 3-person records built from the release's own templates and names. */
class DatasetValidatorTest {
  @TempDir Path tmp;

  @Test
  void release_shaped_records_give_names_counts_and_refusal_families() throws Exception {
    List<String> intros = ReleaseFixtures.strings("intro-face.json");
    List<String> names = ReleaseFixtures.strings("name.json");
    List<String> absent = ReleaseFixtures.strings("neg-image-reply.json");
    List<String> unknown = ReleaseFixtures.strings("neg-name-reply.json");
    List<String> records = new ArrayList<>();
    List<List<String>> expectedNames = new ArrayList<>();
    List<RefusalKind> expectedKinds = new ArrayList<>();
    for (int i = 0; i < 90; i++) {
      int people = 1 + i % 3;
      StringBuilder human = new StringBuilder();
      StringBuilder images = new StringBuilder();
      List<String> who = new ArrayList<>();
      for (int p = 0; p < people; p++) {
        String name = names.get((i * 7 + p * 13) % names.size());
        who.add(name);
        human.append(intros.get((i + p * 5) % intros.size()).replace("{name}", name)).append('\n');
        images.append("\"face/").append(i).append('_').append(p).append(".jpg\",");
      }
      String stranger = names.get((i * 7 + 300) % names.size());
      String answer;
      RefusalKind kind;
      if (i % 3 == 0) {
        answer = absent.get(i % absent.size()).replace("{name}", who.get(0));
        kind = RefusalKind.ABSENT;
      } else if (i % 3 == 1) {
        answer = unknown.get(i % unknown.size()).replace("{name}", stranger);
        kind = RefusalKind.UNKNOWN;
      } else {
        answer = who.get(0) + " is on the left, holding a cup.";
        kind = null;
      }
      human.append("<image>\nWhat is ").append(i % 3 == 1 ? stranger : who.get(0)).append(" doing?");
      records.add("{\"image\":[" + images + "\"scene/" + i + ".jpg\"],\"cnt\":" + people + ",\"conversations\":[{\"from\":\"human\",\"value\":"
          + new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(human.toString())
          + "},{\"from\":\"gpt\",\"value\":" + new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(answer) + "}]}");
      expectedNames.add(who);
      expectedKinds.add(kind);
    }
    records.add("{\"image\":[\"a.jpg\"],\"conversations\":[{\"from\":\"human\",\"value\":\"<image>\\n<image>\\nQ?\"}]}");
    Path file = tmp.resolve("data.json");
    Files.writeString(file, "[" + String.join(",\n", records) + "]");
    Files.createDirectories(tmp.resolve("scene"));
    Files.writeString(tmp.resolve("scene/0.jpg"), "x");

    List<DatasetValidator.RecordReport> reports = new ArrayList<>();
    DatasetValidator.Summary s = DatasetValidator.builder().build().validate(file, reports::add);
    assertThat(s.records()).isEqualTo(91);
    for (int i = 0; i < 90; i++) {
      DatasetValidator.RecordReport r = reports.get(i);
      assertThat(r.errors()).as(records.get(i)).isEmpty();
      assertThat(r.names()).as(records.get(i)).isEqualTo(expectedNames.get(i));
      assertThat(r.images()).isEqualTo(r.placeholders()).isEqualTo(expectedNames.get(i).size() + 1);
      assertThat(r.refusals()).as(records.get(i)).containsExactly(expectedKinds.get(i));
    }
    assertThat(reports.get(90).errors()).singleElement().asString().contains("2 '<image>' placeholder(s) but 1 image(s)");
    assertThat(s.people()).containsEntry(1, 30L).containsEntry(2, 30L).containsEntry(3, 30L).containsEntry(0, 1L);
    assertThat(s.absent()).isEqualTo(30);
    assertThat(s.unknown()).isEqualTo(30);
    assertThat(s.recordsWithProblems()).isEqualTo(1);
    assertThat(s.firstProblems()).singleElement().asString().startsWith("record 90: ");

    DatasetValidator.Summary withImages = DatasetValidator.builder().images(tmp).build().validate(file, r -> { });
    assertThat(withImages.recordsWithProblems()).isEqualTo(91);
  }
}
