package dev.pvit.pipeline.internal;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One sample in the PVIT-3M shape (LLaVA conversation JSON):
 * {@code {"image": [...], "cnt": N, "conversations": [{"from": "human", "value": "<image>\n..."},
 * {"from": "gpt", "value": "..."}]}}, with the image list in the order of the {@code <image>} tags
 * (references first, scene last).
 *
 * <p>A small internal writer/reader for pipeline output; the prompt package owns the canonical
 * renderer and parser.
 *
 * @param images image paths in {@code <image>} order
 * @param cnt number of people in the scene
 * @param conversations turns, alternating human and gpt, starting with human
 */
public record PvitRecord(List<String> images, int cnt, List<Turn> conversations) {
  /** The image placeholder. */
  public static final String IMAGE_TOKEN = "<image>";

  /**
   * One conversation turn.
   *
   * @param from {@code human} or {@code gpt}
   * @param value the text
   */
  public record Turn(String from, String value) {
    /** Checks the parts. */
    public Turn {
      checkNotNull(from, "from");
      checkNotNull(value, "value");
      checkArgument(from.equals("human") || from.equals("gpt"), "A turn is from 'human' or 'gpt', not '%s'", from);
    }
  }

  /** Checks the shape: alternating turns and one image per {@code <image>} tag. */
  public PvitRecord {
    images = ImmutableList.copyOf(images);
    conversations = ImmutableList.copyOf(conversations);
    checkArgument(cnt >= 0, "cnt must not be negative, got %s", cnt);
    checkArgument(!conversations.isEmpty(), "A record needs at least one turn");
    int tags = 0;
    for (int i = 0; i < conversations.size(); i++) {
      Turn t = conversations.get(i);
      checkArgument(t.from().equals(i % 2 == 0 ? "human" : "gpt"),
          "Turn %s is from '%s'; turns alternate human, gpt, starting with human", i, t.from());
      int n = count(t.value());
      checkArgument(t.from().equals("human") || n == 0, "A gpt turn must not contain %s", IMAGE_TOKEN);
      tags += n;
    }
    checkArgument(tags == images.size(),
        "The conversation has %s %s tags but %s images; give one image per tag", tags, IMAGE_TOKEN, images.size());
  }

  /**
   * The usual single-exchange record: each reference image with its introduction, then the scene
   * with the question.
   *
   * @param references reference image paths
   * @param introductions one introduction per reference, e.g. "This is a photo of Kristina."
   * @param scene the scene image path
   * @param cnt people in the scene
   * @param question the question about the scene
   * @param answer the expected answer
   * @return the record
   */
  public static PvitRecord of(List<String> references, List<String> introductions, String scene, int cnt,
      String question, String answer) {
    checkArgument(references.size() == introductions.size(),
        "%s references but %s introductions", references.size(), introductions.size());
    StringBuilder human = new StringBuilder();
    for (String intro : introductions) {
      human.append(IMAGE_TOKEN).append('\n').append(intro).append('\n');
    }
    human.append(IMAGE_TOKEN).append('\n').append(question);
    List<String> images = new ArrayList<>(references);
    images.add(scene);
    return new PvitRecord(images, cnt, List.of(new Turn("human", human.toString()), new Turn("gpt", answer)));
  }

  /**
   * The record as one JSON line (no trailing newline), keys in PVIT-3M order.
   *
   * @return the JSON text
   */
  public String toJsonLine() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("image", images);
    m.put("cnt", cnt);
    List<Map<String, String>> turns = new ArrayList<>();
    for (Turn t : conversations) {
      Map<String, String> tm = new LinkedHashMap<>();
      tm.put("from", t.from());
      tm.put("value", t.value());
      turns.add(tm);
    }
    m.put("conversations", turns);
    try {
      return Journal.JSON.writeValueAsString(m);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Parses one JSON line.
   *
   * @param json the line
   * @return the record
   * @throws IllegalArgumentException if the JSON is malformed or breaks the record's rules
   */
  public static PvitRecord parse(String json) {
    JsonNode n;
    try {
      n = Journal.JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("Not a JSON record: " + e.getOriginalMessage(), e);
    }
    checkArgument(n != null && n.path("image").isArray() && n.path("conversations").isArray(),
        "A PVIT record needs 'image' and 'conversations' arrays");
    List<String> images = new ArrayList<>();
    n.get("image").forEach(i -> images.add(i.asText()));
    List<Turn> turns = new ArrayList<>();
    n.get("conversations").forEach(t -> turns.add(new Turn(t.path("from").asText(), t.path("value").asText())));
    return new PvitRecord(images, n.path("cnt").asInt(), turns);
  }

  private static int count(String text) {
    int n = 0;
    for (int i = text.indexOf(IMAGE_TOKEN); i >= 0; i = text.indexOf(IMAGE_TOKEN, i + IMAGE_TOKEN.length())) {
      n++;
    }
    return n;
  }
}
