package dev.pvit.pipeline.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pvit.prompt.InvalidPromptException;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each target pinned to the real shape its trainer documents (the expected structures are written out here). */
class DatasetConverterTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String RECORD =
      "{\"id\":\"r1\",\"image\":[\"face/abby.jpg\",\"coco/1.jpg\"],\"cnt\":2,\"conversations\":["
          + "{\"from\":\"human\",\"value\":\"<image>\\nThis is a photo of Abby.\\n<image>\\nWhat is Abby holding?\"},"
          + "{\"from\":\"gpt\",\"value\":\"Abby is holding a cup.\"},"
          + "{\"from\":\"human\",\"value\":\"Is she smiling?\"},{\"from\":\"gpt\",\"value\":\"Yes.\"}]}";

  @TempDir Path tmp;

  private ObjectNode convert(DatasetConverter.Target t, String record) throws Exception {
    return DatasetConverter.builder().target(t).imageUrlPrefix("https://data.example/").build()
        .convert((ObjectNode) JSON.readTree(record));
  }

  /**
   * LLaMA-Factory, data/mllm_demo.json (hiyouga/LLaMA-Factory): a JSON array of {"messages": [{"content",
   * "role": "user"|"assistant"}...], "images": ["mllm_demo_data/1.jpg"]}; its dataset_info.json entry
   * "mllm_demo": {"file_name", "formatting": "sharegpt", "columns": {"messages", "images"}, "tags":
   * {"role_tag": "role", "content_tag": "content", "user_tag": "user", "assistant_tag": "assistant"}}.
   */
  @Test
  void llama_factory_matches_the_mllm_demo_shape() throws Exception {
    ObjectNode r = convert(DatasetConverter.Target.LLAMA_FACTORY, RECORD);
    assertThat(r.properties().stream().map(e -> e.getKey()).toList()).containsExactly("messages", "images");
    assertThat(r.at("/messages/0/role").asText()).isEqualTo("user");
    assertThat(r.at("/messages/0/content").asText())
        .isEqualTo("<image>\nThis is a photo of Abby.\n<image>\nWhat is Abby holding?");
    assertThat(r.at("/messages/1/role").asText()).isEqualTo("assistant");
    assertThat(r.at("/messages/3/content").asText()).isEqualTo("Yes.");
    assertThat(r.get("images")).containsExactly(JSON.readTree("\"face/abby.jpg\""), JSON.readTree("\"coco/1.jpg\""));
    JsonNode info = DatasetConverter.llamaFactoryDatasetInfo("pvit", "pvit.json").get("pvit");
    assertThat(info.get("file_name").asText()).isEqualTo("pvit.json");
    assertThat(info.get("formatting").asText()).isEqualTo("sharegpt");
    assertThat(info.get("columns")).isEqualTo(JSON.readTree("{\"messages\":\"messages\",\"images\":\"images\"}"));
    assertThat(info.at("/tags/role_tag").asText()).isEqualTo("role");
    assertThat(info.at("/tags/content_tag").asText()).isEqualTo("content");
    assertThat(info.at("/tags/user_tag").asText()).isEqualTo("user");
    assertThat(info.at("/tags/assistant_tag").asText()).isEqualTo("assistant");
  }

  /**
   * ms-swift, docs "Custom Dataset" (modelscope/ms-swift): standard keys 'messages' (required,
   * role/content with system/user/assistant) and 'images' (paths or URLs); one JSON object per line,
   * "<image>" marks where each image goes.
   */
  @Test
  void ms_swift_matches_the_messages_images_shape() throws Exception {
    ObjectNode r = convert(DatasetConverter.Target.MS_SWIFT, RECORD);
    assertThat(r.properties().stream().map(e -> e.getKey()).toList()).containsExactly("messages", "images");
    assertThat(r.at("/messages/0")).isEqualTo(JSON.readTree(
        "{\"role\":\"user\",\"content\":\"<image>\\nThis is a photo of Abby.\\n<image>\\nWhat is Abby holding?\"}"));
    assertThat(DatasetConverter.Target.MS_SWIFT.container()).isEqualTo(dev.pvit.prompt.LlavaDataset.Container.JSONL);
  }

  /**
   * OpenAI vision fine-tuning guide: JSONL lines {"messages": [{"role": "system"|"user"|"assistant",
   * "content": "..." or [{"type": "text", "text"}, {"type": "image_url", "image_url": {"url": https or
   * data URL}}]}]}.
   */
  @Test
  void openai_splits_user_text_into_text_and_image_url_parts() throws Exception {
    ObjectNode r = convert(DatasetConverter.Target.OPENAI, RECORD);
    assertThat(r.properties().stream().map(e -> e.getKey()).toList()).containsExactly("messages");
    assertThat(r.at("/messages/0")).isEqualTo(JSON.readTree(
        "{\"role\":\"user\",\"content\":["
            + "{\"type\":\"image_url\",\"image_url\":{\"url\":\"https://data.example/face/abby.jpg\"}},"
            + "{\"type\":\"text\",\"text\":\"This is a photo of Abby.\"},"
            + "{\"type\":\"image_url\",\"image_url\":{\"url\":\"https://data.example/coco/1.jpg\"}},"
            + "{\"type\":\"text\",\"text\":\"What is Abby holding?\"}]}"));
    assertThat(r.at("/messages/1")).isEqualTo(JSON.readTree("{\"role\":\"assistant\",\"content\":\"Abby is holding a cup.\"}"));
    assertThat(r.at("/messages/2/content").asText()).isEqualTo("Is she smiling?");
  }

  @Test
  void openai_inlines_images_as_data_urls_from_the_image_root() throws Exception {
    Files.createDirectories(tmp.resolve("face"));
    Files.createDirectories(tmp.resolve("coco"));
    ImageIO.write(new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB), "jpg", tmp.resolve("face/abby.jpg").toFile());
    ImageIO.write(new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB), "jpg", tmp.resolve("coco/1.jpg").toFile());
    Path in = tmp.resolve("in.json");
    Files.writeString(in, "[" + RECORD + "]");
    Path out = tmp.resolve("out.jsonl");
    DatasetConverter.Result res = DatasetConverter.builder().target(DatasetConverter.Target.OPENAI).imageRoot(tmp)
        .build().convert(in, out);
    assertThat(res).isEqualTo(new DatasetConverter.Result(1, 2));
    List<String> lines = Files.readAllLines(out);
    assertThat(lines).hasSize(1);
    assertThat(JSON.readTree(lines.get(0)).at("/messages/0/content/0/image_url/url").asText()).startsWith("data:image/jpeg;base64,");
  }

  @Test
  void choice_records_system_turns_and_bad_records() throws Exception {
    ObjectNode c = convert(DatasetConverter.Target.MS_SWIFT,
        "{\"image\":[\"a.jpg\",\"s.jpg\"],\"text\":\"<image>\\nThis is Abby.\\n<image>\\nWhat?\\nA. x\\nB. y\",\"value\":\"B\",\"mode\":\"choice\"}");
    assertThat(c.at("/messages/1")).isEqualTo(JSON.readTree("{\"role\":\"assistant\",\"content\":\"B\"}"));
    ObjectNode s = convert(DatasetConverter.Target.LLAMA_FACTORY,
        "{\"image\":\"s.jpg\",\"conversations\":[{\"from\":\"system\",\"value\":\"Be brief.\"},{\"from\":\"human\",\"value\":\"<image>\\nWho?\"},{\"from\":\"gpt\",\"value\":\"Abby.\"}]}");
    assertThat(s.at("/messages/0/role").asText()).isEqualTo("system");
    assertThat(s.get("images")).hasSize(1);
    assertThatThrownBy(() -> convert(DatasetConverter.Target.MS_SWIFT, RECORD.replace("[\"face/abby.jpg\",", "[")))
        .isInstanceOf(InvalidPromptException.class).hasMessageContaining("2 '<image>' placeholder(s) but 1 image(s)");
    Path in = tmp.resolve("bad.jsonl");
    Files.writeString(in, RECORD + "\n" + RECORD.replace("\"gpt\"", "\"bot\"") + "\n");
    Path out = tmp.resolve("bad-out.jsonl");
    assertThatThrownBy(() -> DatasetConverter.builder().target(DatasetConverter.Target.MS_SWIFT).build().convert(in, out))
        .hasMessageContaining("Record 1").hasMessageContaining("'bot'");
    assertThat(out).doesNotExist();
    assertThatThrownBy(() -> DatasetConverter.builder().target(DatasetConverter.Target.OPENAI).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("imageRoot");
  }
}
