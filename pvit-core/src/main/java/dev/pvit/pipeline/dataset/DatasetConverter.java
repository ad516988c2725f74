package dev.pvit.pipeline.dataset;

import static com.google.common.base.Preconditions.checkNotNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pvit.image.ImageInput;
import dev.pvit.prompt.InvalidPromptException;
import dev.pvit.prompt.LlavaDataset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Converts a PVIT/LLaVA dataset (JSON array or JSONL, streamed in constant memory) into the formats
 * trainers read:
 *
 * <ul>
 *   <li>{@link Target#PVIT_JSON}: the release's JSON array; {@link Target#JSONL}: the same records one
 *       per line (both unchanged, every field kept);
 *   <li>{@link Target#LLAMA_FACTORY}: LLaMA-Factory's multimodal ShareGPT shape, a JSON array of
 *       {@code {"messages":[{"role","content"}...],"images":[...]}} as in its {@code
 *       data/mllm_demo.json}; {@link #llamaFactoryDatasetInfo(String, String)} gives the {@code
 *       dataset_info.json} entry;
 *   <li>{@link Target#MS_SWIFT}: ms-swift's standard {@code messages}/{@code images} JSONL;
 *   <li>{@link Target#OPENAI}: OpenAI chat fine-tuning JSONL, the user content split into {@code
 *       text} and {@code image_url} parts in placeholder order; images as data URLs (read from
 *       {@link Builder#imageRoot(Path)}) or as URLs made of a prefix and the path.
 * </ul>
 *
 * Roles: {@code human} becomes {@code user}, {@code gpt} {@code assistant}, {@code system} stays; a
 * P-Bench choice record becomes one user turn ({@code text}) and one assistant turn ({@code value}).
 * The {@code <image>} placeholders stay in the text for LLaMA-Factory and ms-swift (both use that
 * token); their count must equal the number of images, otherwise the record is an error naming its
 * index.
 *
 * <pre>{@code
 * DatasetConverter.Result r = DatasetConverter.builder().target(DatasetConverter.Target.LLAMA_FACTORY)
 *     .build().convert(Path.of("data.json"), Path.of("pvit_llamafactory.json"));
 * }</pre>
 */
public final class DatasetConverter {
  /** The image placeholder of LLaVA, LLaMA-Factory and ms-swift. */
  public static final String PLACEHOLDER = "<image>";

  /** Output formats. */
  public enum Target {
    /** The release's JSON array. */
    PVIT_JSON,
    /** JSON Lines of the same records. */
    JSONL,
    /** LLaMA-Factory multimodal ShareGPT (JSON array). */
    LLAMA_FACTORY,
    /** ms-swift messages/images (JSONL). */
    MS_SWIFT,
    /** OpenAI vision fine-tuning (JSONL). */
    OPENAI;

    /**
     * The container this target writes.
     *
     * @return array or JSONL
     */
    public LlavaDataset.Container container() {
      return this == PVIT_JSON || this == LLAMA_FACTORY ? LlavaDataset.Container.JSON_ARRAY : LlavaDataset.Container.JSONL;
    }
  }

  /**
   * What a conversion did.
   *
   * @param records records written
   * @param images image references written
   */
  public record Result(long records, long images) {}

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final Target target;
  private final @Nullable Path imageRoot;
  private final @Nullable String imageUrlPrefix;

  private DatasetConverter(Builder b) {
    this.target = checkNotNull(b.target, "target");
    this.imageRoot = b.imageRoot;
    this.imageUrlPrefix = b.imageUrlPrefix;
    if (target == Target.OPENAI && imageRoot == null && imageUrlPrefix == null) {
      throw new IllegalArgumentException(
          "OpenAI fine-tuning needs images as data URLs or http(s) URLs: set imageRoot(...) to inline the files "
              + "or imageUrlPrefix(...) to prefix the paths.");
    }
  }

  /**
   * A builder.
   *
   * @return the builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Converts a file, streaming; the output replaces {@code out} atomically when complete.
   *
   * @param in a JSON array or JSONL of PVIT/LLaVA records
   * @param out the output file
   * @return counts
   * @throws InvalidPromptException naming the index of the first record that cannot be converted
   */
  public Result convert(Path in, Path out) {
    long[] images = {0};
    LlavaDataset.Writer w = LlavaDataset.writer(out, target.container());
    long n;
    try {
      n = LlavaDataset.read(
          in,
          (i, record) -> {
            ObjectNode converted;
            try {
              converted = convert(record);
            } catch (InvalidPromptException e) {
              throw new InvalidPromptException("Record " + i + " of '" + in + "': " + e.getMessage(), e);
            }
            images[0] += LlavaDataset.imageRefs(record).size();
            w.write(converted);
          });
    } catch (RuntimeException e) {
      w.abort();
      throw e;
    }
    w.close();
    return new Result(n, images[0]);
  }

  /**
   * Converts one record.
   *
   * @param record a PVIT-3M conversation or P-Bench choice record
   * @return the record in the target format
   * @throws InvalidPromptException if the record is malformed
   */
  public ObjectNode convert(ObjectNode record) {
    if (target == Target.PVIT_JSON || target == Target.JSONL) {
      return record;
    }
    List<String> refs = LlavaDataset.imageRefs(record);
    List<String[]> turns = turns(record);
    long placeholders = 0;
    for (String[] t : turns) {
      placeholders += count(t[1]);
    }
    if (placeholders != refs.size()) {
      throw new InvalidPromptException(
          "The record has " + placeholders + " '" + PLACEHOLDER + "' placeholder(s) but " + refs.size()
              + " image(s); trainers pair them in order, so they must match.");
    }
    ObjectNode out = NODES.objectNode();
    ArrayNode messages = out.putArray("messages");
    if (target == Target.OPENAI) {
      int next = 0;
      for (String[] t : turns) {
        ObjectNode m = messages.addObject().put("role", t[0]);
        if (count(t[1]) == 0) {
          m.put("content", t[1]);
          continue;
        }
        ArrayNode parts = m.putArray("content");
        String[] pieces = t[1].split(PLACEHOLDER, -1);
        for (int k = 0; k < pieces.length; k++) {
          String text = pieces[k].strip();
          if (!text.isEmpty()) {
            parts.addObject().put("type", "text").put("text", text);
          }
          if (k < pieces.length - 1) {
            parts.addObject().put("type", "image_url").putObject("image_url").put("url", imageUrl(refs.get(next++)));
          }
        }
      }
      return out;
    }
    for (String[] t : turns) {
      messages.addObject().put("role", t[0]).put("content", t[1]);
    }
    if (!refs.isEmpty()) {
      ArrayNode images = out.putArray("images");
      refs.forEach(images::add);
    }
    return out;
  }

  /**
   * The entry to add to LLaMA-Factory's {@code data/dataset_info.json} for a converted file (the
   * shape of its {@code mllm_demo} entry, with a system tag for records that carry one).
   *
   * @param name the dataset name to use with {@code dataset: name}
   * @param fileName the converted file, relative to LLaMA-Factory's {@code data/} folder
   * @return {@code {name: {...}}}
   */
  public static ObjectNode llamaFactoryDatasetInfo(String name, String fileName) {
    ObjectNode root = NODES.objectNode();
    ObjectNode e = root.putObject(name);
    e.put("file_name", fileName);
    e.put("formatting", "sharegpt");
    e.putObject("columns").put("messages", "messages").put("images", "images");
    e.putObject("tags")
        .put("role_tag", "role")
        .put("content_tag", "content")
        .put("user_tag", "user")
        .put("assistant_tag", "assistant")
        .put("system_tag", "system");
    return root;
  }

  private String imageUrl(String ref) {
    if (ref.startsWith("data:") || ref.startsWith("http://") || ref.startsWith("https://")) {
      return ref;
    }
    if (imageUrlPrefix != null) {
      return imageUrlPrefix + ref;
    }
    Path file = imageRoot.resolve(ref).normalize();
    if (!file.startsWith(imageRoot.normalize()) || !Files.isRegularFile(file)) {
      throw new InvalidPromptException(
          "The image '" + ref + "' is not a file under " + imageRoot + "; data URLs need the image files.");
    }
    return ImageInput.of(file).dataUrl();
  }

  /** (role, text) per turn: human/gpt/system as user/assistant/system. */
  static List<String[]> turns(ObjectNode record) {
    List<String[]> out = new ArrayList<>();
    JsonNode conv = record.get("conversations");
    if (conv != null) {
      if (!conv.isArray() || conv.isEmpty()) {
        throw new InvalidPromptException("'conversations' must be a non-empty array of {from, value} turns.");
      }
      for (JsonNode t : conv) {
        String from = t.path("from").asText("");
        JsonNode value = t.get("value");
        if (value == null || !value.isTextual()) {
          throw new InvalidPromptException("A turn of 'conversations' has no text 'value'.");
        }
        String role =
            switch (from.toLowerCase(Locale.ROOT)) {
              case "human", "user" -> "user";
              case "gpt", "assistant" -> "assistant";
              case "system" -> "system";
              default -> throw new InvalidPromptException(
                  "A turn is from '" + from + "'; only human, gpt (and system) can be converted.");
            };
        out.add(new String[] {role, value.asText()});
      }
      return out;
    }
    JsonNode text = record.get("text");
    if (text != null && text.isTextual()) {
      out.add(new String[] {"user", text.asText()});
      JsonNode value = record.get("value");
      if (value != null && !value.isNull()) {
        out.add(new String[] {"assistant", value.asText()});
      }
      return out;
    }
    throw new InvalidPromptException(
        "The record has neither 'conversations' (PVIT-3M shape) nor 'text' (P-Bench choice shape).");
  }

  static int count(String text) {
    int n = 0;
    for (int at = text.indexOf(PLACEHOLDER); at >= 0; at = text.indexOf(PLACEHOLDER, at + PLACEHOLDER.length())) {
      n++;
    }
    return n;
  }

  /** Builder for {@link DatasetConverter}. */
  public static final class Builder {
    private @Nullable Target target;
    private @Nullable Path imageRoot;
    private @Nullable String imageUrlPrefix;

    private Builder() {}

    /**
     * The output format (required).
     *
     * @param t the format
     * @return this builder
     */
    public Builder target(Target t) {
      this.target = checkNotNull(t, "target");
      return this;
    }

    /**
     * The folder image paths are relative to; for {@link Target#OPENAI} the files are inlined as
     * data URLs.
     *
     * @param dir the folder
     * @return this builder
     */
    public Builder imageRoot(Path dir) {
      this.imageRoot = checkNotNull(dir, "dir").toAbsolutePath();
      return this;
    }

    /**
     * For {@link Target#OPENAI}: write each image as this prefix plus its path (e.g. {@code
     * https://data.example.com/pvit/}) instead of a data URL.
     *
     * @param prefix the URL prefix
     * @return this builder
     */
    public Builder imageUrlPrefix(String prefix) {
      this.imageUrlPrefix = checkNotNull(prefix, "prefix");
      return this;
    }

    /**
     * Builds the converter.
     *
     * @return the converter
     * @throws IllegalArgumentException if the target is missing, or OpenAI has no way to write images
     */
    public DatasetConverter build() {
      if (target == null) {
        throw new IllegalArgumentException("target(...) is required: PVIT_JSON, JSONL, LLAMA_FACTORY, MS_SWIFT or OPENAI.");
      }
      return new DatasetConverter(this);
    }
  }
}
