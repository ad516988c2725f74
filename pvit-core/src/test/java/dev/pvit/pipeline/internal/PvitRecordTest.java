package dev.pvit.pipeline.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

class PvitRecordTest {

  @Test
  void writes_the_pvit_3m_shape_with_images_in_tag_order() {
    PvitRecord r = PvitRecord.of(List.of("faces/kristina.jpg"), List.of("Here is Kristina in a photo."),
        "scenes/party.jpg", 3, "Can you describe the appearance of Travis in this image?",
        "My database doesn't include a visual of Travis.");
    assertThat(r.toJsonLine()).isEqualTo("{\"image\":[\"faces/kristina.jpg\",\"scenes/party.jpg\"],\"cnt\":3,"
        + "\"conversations\":[{\"from\":\"human\",\"value\":\"<image>\\nHere is Kristina in a photo.\\n<image>\\n"
        + "Can you describe the appearance of Travis in this image?\"},{\"from\":\"gpt\",\"value\":"
        + "\"My database doesn't include a visual of Travis.\"}]}");
  }

  @Test
  void rejects_records_whose_tags_and_images_disagree() {
    assertThatThrownBy(() -> new PvitRecord(List.of("a.jpg"), 1,
        List.of(new PvitRecord.Turn("human", "<image>\n<image>\nWho?"), new PvitRecord.Turn("gpt", "No one."))))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2 <image> tags but 1 images");
    assertThatThrownBy(() -> new PvitRecord(List.of(), 1, List.of(new PvitRecord.Turn("gpt", "Hi"))))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("alternate");
    assertThatThrownBy(() -> PvitRecord.parse("{\"image\":1}")).isInstanceOf(IllegalArgumentException.class);
  }

  @Property(tries = 300)
  void json_round_trips_any_text(
      @ForAll @Size(max = 3) List<@StringLength(max = 30) String> intros,
      @ForAll @StringLength(max = 60) String question,
      @ForAll @StringLength(max = 60) String answer) {
    List<String> clean = new ArrayList<>();
    intros.forEach(i -> clean.add(untagged(i)));
    String q = untagged(question);
    String a = untagged(answer);
    List<String> refs = new ArrayList<>();
    for (int i = 0; i < clean.size(); i++) {
      refs.add("refs/" + i + ".jpg");
    }
    PvitRecord r = PvitRecord.of(refs, clean, "scene.jpg", clean.size(), q, a);
    String line = r.toJsonLine();
    assertThat(line).doesNotContain("\n");
    PvitRecord back = PvitRecord.parse(line);
    assertThat(back).isEqualTo(r);
    assertThat(back.images()).hasSize(clean.size() + 1).endsWith("scene.jpg");
  }

  private static String untagged(String s) {
    String t = s;
    while (t.contains(PvitRecord.IMAGE_TOKEN)) {
      t = t.replace(PvitRecord.IMAGE_TOKEN, "");
    }
    return t;
  }
}
