package dev.pvit.prompt;

import static com.google.common.base.Preconditions.checkNotNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.common.collect.ImmutableList;
import dev.pvit.PvitException;
import dev.pvit.image.ImageInput;
import dev.pvit.person.Person;
import dev.pvit.prompt.internal.Json;
import dev.pvit.prompt.internal.NameExtractor;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Reads PVIT/LLaVA records (PVIT-3M conversation records and P-Bench choice records) back into a
 * {@link LlavaRecord}: the {@link PersonalizedPrompt}, the expected answer, {@code cnt} and other
 * fields. The inverse of {@link LlavaConversationRenderer}: parsing a rendered record gives back an
 * equal record.
 *
 * <p>The first {@code human} turn must be: per person, one or more placeholders followed by the
 * introduction (inside the wrapper tokens, if configured), then the scene placeholder(s) and the
 * question. Each person's name is recovered from their introduction: by the configured templates if
 * any, otherwise by parsing the text (a frame of determiners, image nouns, relations and
 * presentational verbs or markers such as "of", "featuring", "named", a possessive "'s", around the
 * name: "This is a photo of Kristina.", "Here is Kristina in a photo.", "This is Kristina's
 * portrait.", "Meet my colleague Kristina.", "Okay, so this is Kristina. We met in Lisbon."). When a
 * sentence can be read more than one way, the rest
 * of the record (questions and answers) decides; otherwise parsing fails with an error naming the
 * sentence, never with a guessed name. These are always errors, whatever the record says, and the
 * message says why: one introduction naming several people ("Meet Ana and Bob", "Ana and her sister
 * Maria"), since a reference image shows one person; a negated, hedged or asked one ("This is not
 * Carl", "This might be Kurt", "Pretty sure this is Jo", "This looks like Ana", "Is this Ana?"); an
 * unfilled slot ("This is [NAME].", "%s", "$name"); and two introductions giving the same name. A lower-case word that is also a common noun ("this is a photo
 * of summer") is a name only when the rest of the record uses it.
 *
 * <p><b>Titles.</b> An honorific before the name ("Dr.", "Mrs", "Prof.", "Professor", "Mx.",
 * "Madame"…) is not part of it: "This is Dr. Ana Lima." gives "Ana Lima", "Meet Mrs. Patel." gives
 * "Patel", also with configured templates. The release fills its {@code {name}} slot with bare given
 * names (its pool of 621 has no titles), and its refusals and questions repeat that slot, so the
 * name proper is the key; "Dr. Lima" and "Lima" are one person. (The question parser drops titles
 * the same way.) Credentials after the name ("Ana Lima, MD", "Raj Patel PhD", "Esq.") are dropped
 * too, generational suffixes ("Jr.", "III") are kept; titles and credentials stay when the record's
 * own questions or answers use them. A custom {@link Builder#nameExtractor(Function)} handles anything else, and its
 * names are taken as they are. Records are validated like any prompt: reserved tokens in names or texts are
 * errors.
 *
 * <pre>{@code
 * LlavaConversationParser parser = LlavaConversationParser.builder()
 *     .imageResolver(ImageResolver.directory(Path.of("/data/pvit")))
 *     .build();
 * for (LlavaRecord r : parser.readJsonl(Path.of("pvit-3m-sample.jsonl"))) {
 *   System.out.println(r.prompt().question() + " -> " + r.answer().orElse("?"));
 * }
 * }</pre>
 */
public final class LlavaConversationParser {
  private static final Set<String> STANDARD_FIELDS =
      Set.of("image", "cnt", "conversations", "text", "value");

  private final ImageResolver resolver;
  private final ImagePlaceholder placeholder;
  private final WrapperTokens wrapper;
  private final NameExtractor extractor;
  private final Function<String, Optional<String>> customExtractor;

  private LlavaConversationParser(Builder b) {
    this.resolver = b.resolver;
    this.placeholder = b.placeholder;
    this.wrapper = b.wrapper;
    this.customExtractor = b.customExtractor;
    this.extractor = new NameExtractor(b.introTemplates);
  }

  /**
   * A parser with default settings: {@code <image>} placeholder, no wrapper tokens, placeholder
   * images ({@link ImageResolver#placeholders()}).
   *
   * @return the parser
   */
  public static LlavaConversationParser create() {
    return builder().build();
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
   * Parses one record from JSON text.
   *
   * @param json one JSON object
   * @return the record
   * @throws InvalidPromptException if the JSON or the record is malformed
   */
  public LlavaRecord parse(String json) {
    checkNotNull(json, "json");
    JsonNode node;
    try {
      node = Json.MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new InvalidPromptException("The record is not valid JSON: " + e.getOriginalMessage(), e);
    }
    return parse(node);
  }

  /**
   * Parses one record.
   *
   * @param node one JSON object
   * @return the record
   * @throws InvalidPromptException if the record is malformed
   */
  public LlavaRecord parse(JsonNode node) {
    checkNotNull(node, "node");
    if (!node.isObject()) {
      throw new InvalidPromptException("A record must be a JSON object, not " + node.getNodeType() + ".");
    }
    List<String> refs = LlavaDataset.imageRefs(node);
    Map<String, JsonNode> extras = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> f : node.properties()) {
      if (!STANDARD_FIELDS.contains(f.getKey())) {
        extras.put(f.getKey(), f.getValue());
      }
    }
    if (node.has("conversations")) {
      return parseConversation((ObjectNode) node, refs, extras);
    }
    if (node.has("text")) {
      String text = string(node, "text");
      FirstTurn first = firstTurn(text, refs, node.path("value").asText(""));
      PersonalizedPrompt.Builder b = first.builder().question(first.text());
      Optional<String> answer =
          node.hasNonNull("value") ? Optional.of(node.get("value").asText()) : Optional.empty();
      return new LlavaRecord(b.build(), answer, OptionalInt.empty(), LlavaRecord.Shape.CHOICE, extras);
    }
    throw new InvalidPromptException(
        "The record has neither 'conversations' (PVIT-3M shape) nor 'text' (P-Bench choice shape).");
  }

  /**
   * Reads a JSONL stream, one record per non-blank line.
   *
   * @param reader the text (not closed)
   * @return the records in order
   * @throws InvalidPromptException naming the line of the first bad record
   */
  public List<LlavaRecord> parseJsonl(Reader reader) {
    ImmutableList.Builder<LlavaRecord> out = ImmutableList.builder();
    parseJsonl(reader, out::add);
    return out.build();
  }

  /**
   * Streams a JSONL input record by record, for files too large to hold in memory (PVIT-3M).
   *
   * <pre>{@code
   * long n = parser.parseJsonl(reader, record -> writer.write(renderer.renderJson(record)));
   * }</pre>
   *
   * @param reader the text (not closed)
   * @param consumer receives each record in order
   * @return the number of records read
   * @throws InvalidPromptException naming the line of the first bad record
   */
  public long parseJsonl(Reader reader, Consumer<LlavaRecord> consumer) {
    checkNotNull(reader, "reader");
    checkNotNull(consumer, "consumer");
    BufferedReader in = reader instanceof BufferedReader br ? br : new BufferedReader(reader);
    long lineNo = 0;
    long records = 0;
    try {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        lineNo++;
        if (line.isBlank()) {
          continue;
        }
        LlavaRecord record;
        try {
          record = parse(line);
        } catch (PvitException e) {
          throw new InvalidPromptException("Line " + lineNo + ": " + e.getMessage(), e);
        }
        consumer.accept(record);
        records++;
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return records;
  }

  /**
   * Reads a JSONL file (UTF-8).
   *
   * @param file the file
   * @return the records in order
   * @throws InvalidPromptException naming the line of the first bad record
   */
  public List<LlavaRecord> readJsonl(Path file) {
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return parseJsonl(r);
    } catch (IOException e) {
      throw new InvalidPromptException("Cannot read '" + file + "': " + e.getMessage(), e);
    }
  }

  /**
   * Streams a dataset file, a JSON array (as the release writes it) or JSONL, detected from the first
   * byte, in constant memory.
   *
   * <pre>{@code
   * long n = parser.read(Path.of("PVIT-3M.json"), record -> System.out.println(record.prompt().question()));
   * }</pre>
   *
   * @param file the file
   * @param consumer receives each record in order
   * @return the number of records
   * @throws InvalidPromptException naming the index (from 0) of the first bad record
   */
  public long read(Path file, Consumer<LlavaRecord> consumer) {
    checkNotNull(consumer, "consumer");
    return LlavaDataset.read(
        file,
        (index, node) -> {
          LlavaRecord record;
          try {
            record = parse(node);
          } catch (PvitException e) {
            throw new InvalidPromptException("Record " + index + " of '" + file + "': " + e.getMessage(), e);
          }
          consumer.accept(record);
        });
  }

  private LlavaRecord parseConversation(ObjectNode node, List<String> refs, Map<String, JsonNode> extras) {
    JsonNode conv = node.get("conversations");
    if (!conv.isArray() || conv.isEmpty()) {
      throw new InvalidPromptException("'conversations' must be a non-empty array of {from, value} turns.");
    }
    List<String> from = new ArrayList<>();
    List<String> values = new ArrayList<>();
    for (int i = 0; i < conv.size(); i++) {
      JsonNode t = conv.get(i);
      if (!t.isObject()) {
        throw new InvalidPromptException("Turn " + (i + 1) + " of 'conversations' is not an object.");
      }
      from.add(string(t, "from"));
      values.add(string(t, "value"));
    }
    String system = null;
    if (from.get(0).equals("system")) {
      system = values.get(0);
      from.remove(0);
      values.remove(0);
    }
    for (int i = 0; i < from.size(); i++) {
      String expected = i % 2 == 0 ? "human" : "gpt";
      if (!from.get(i).equals(expected)) {
        throw new InvalidPromptException(
            "Turn " + (i + 1) + " is from '" + from.get(i) + "' but '" + expected
                + "' was expected; turns must alternate human, gpt, starting with human.");
      }
      if (i > 0 && values.get(i).contains(placeholder.token())) {
        throw new InvalidPromptException(
            "Turn " + (i + 1) + " contains the image placeholder '" + placeholder.token()
                + "'; only the first human turn may carry images.");
      }
    }
    if (from.isEmpty()) {
      throw new InvalidPromptException("'conversations' has no human turn.");
    }
    Optional<String> answer = Optional.empty();
    if (from.size() % 2 == 0) {
      answer = Optional.of(values.remove(values.size() - 1));
    }
    // values now: h0, g0, h1, g1, ..., hk; h0 is the prefix plus the first user text.
    FirstTurn first = firstTurn(values.get(0), refs, String.join("\n", values.subList(1, values.size()))
        + answer.map(a -> "\n" + a).orElse(""));
    PersonalizedPrompt.Builder b = first.builder();
    int k = values.size() / 2;
    for (int i = 0; i < k; i++) {
      b.exchange(i == 0 ? first.text() : values.get(2 * i), values.get(2 * i + 1));
    }
    b.question(k == 0 ? first.text() : values.get(values.size() - 1));
    if (system != null) {
      b.systemPrompt(system);
    }
    OptionalInt cnt = OptionalInt.empty();
    if (node.has("cnt")) {
      JsonNode c = node.get("cnt");
      if (!c.canConvertToInt() || !c.isIntegralNumber() || c.asInt() < 0) {
        throw new InvalidPromptException("'cnt' must be a non-negative integer, not " + c + ".");
      }
      cnt = OptionalInt.of(c.asInt());
    }
    return new LlavaRecord(b.build(), answer, cnt, LlavaRecord.Shape.CONVERSATION, extras);
  }

  private record FirstTurn(PersonalizedPrompt.Builder builder, String text) {}

  /** Parses the first human turn into people and scenes (in the builder) and the first user text. */
  private FirstTurn firstTurn(String value, List<String> refs, String context) {
    List<Object> tokens = tokenize(value);
    long imageTags = tokens.stream().filter(t -> t == Tag.IMAGE).count();
    if (imageTags != refs.size()) {
      throw new InvalidPromptException(
          "The first human turn has " + imageTags + " image placeholder(s) '" + placeholder.token()
              + "' but the 'image' list has " + refs.size() + " entries; they must match.");
    }
    if (imageTags == 0) {
      throw new InvalidPromptException(
          "The record has no image: a text-only record is valid LLaVA data but not a personalized prompt "
              + "(it needs a scene image); read it with LlavaDataset to keep it as it is.");
    }
    PersonalizedPrompt.Builder b =
        PersonalizedPrompt.builder().imagePlaceholder(placeholder).wrapperTokens(wrapper);
    moveTrailingScenes(tokens);
    // text before the first image is a preamble (where a folded system prompt goes)
    if (tokens.get(0) instanceof String preamble) {
      b.systemPrompt(preamble);
      tokens.remove(0);
    }
    Iterator<String> refIt = refs.iterator();
    int i = 0;
    int personNo = 0;
    Map<String, String> introduced = new HashMap<>();
    while (true) {
      if (i >= tokens.size()) {
        throw new InvalidPromptException("The first human turn has no scene image and question.");
      }
      boolean wrapped = tokens.get(i) == Tag.OPEN;
      if (wrapped) {
        i++;
      }
      if (i >= tokens.size() || tokens.get(i) != Tag.IMAGE) {
        throw new InvalidPromptException(
            "The first human turn must start each part with an image placeholder '" + placeholder.token()
                + "'; found " + describe(tokens, i) + " instead.");
      }
      List<ImageInput> images = new ArrayList<>();
      while (i < tokens.size() && tokens.get(i) == Tag.IMAGE) {
        images.add(resolve(refIt.next()));
        i++;
      }
      if (i >= tokens.size() || !(tokens.get(i) instanceof String)) {
        throw new InvalidPromptException(
            "An image placeholder is followed by " + describe(tokens, i) + "; an introduction or question must follow.");
      }
      String text = (String) tokens.get(i++);
      if (wrapped) {
        if (i >= tokens.size() || tokens.get(i) != Tag.CLOSE) {
          throw new InvalidPromptException(
              "Person " + (personNo + 1) + " opened with '" + wrapper.open() + "' but is not closed with '"
                  + wrapper.close() + "'.");
        }
        i++;
      }
      boolean last = i >= tokens.size();
      if (last && !wrapped) {
        b.scenes(images);
        return new FirstTurn(b, text);
      }
      if (last || (!wrapped && !wrapper.isNone())) {
        throw new InvalidPromptException(
            "Person " + (personNo + 1) + " is " + (wrapped ? "followed by no scene" : "not wrapped in '"
                + wrapper.open() + "' … '" + wrapper.close() + "'") + "; check the wrapper tokens setting.");
      }
      personNo++;
      String name = extractName(text, personNo, context + "\n" + value);
      String earlier = introduced.putIfAbsent(Person.matchKey(name), text);
      if (earlier != null) {
        // "The person above is Mrs. Ortiz." / "... is Mr. Ortiz.": one name cannot tell two people apart
        throw new InvalidPromptException(
            "The introductions '" + earlier + "' and '" + text + "' both give the name '" + name
                + "'; each person needs a distinct name (titles such as Mr./Dr. are not part of it).");
      }
      b.person(new Person(name, List.of(), List.of(), images), text);
    }
  }

  /**
   * The release also writes the scene after the question ("<image>\nThis is Abby.\nWhat is Abby
   * doing?\n<image>"): the trailing images are the scenes, the text before them holds the last
   * introduction (if people precede) and the question, split at its last line break.
   */
  private void moveTrailingScenes(List<Object> tokens) {
    int n = tokens.size();
    if (n < 2 || tokens.get(n - 1) != Tag.IMAGE) {
      return;
    }
    int k = n - 1;
    while (k > 0 && tokens.get(k - 1) == Tag.IMAGE) {
      k--;
    }
    if (k == 0 || !(tokens.get(k - 1) instanceof String text)) {
      throw new InvalidPromptException("The first human turn has no question text.");
    }
    List<Object> scenes = new ArrayList<>(tokens.subList(k, n));
    tokens.subList(k - 1, n).clear();
    boolean people = tokens.indexOf(Tag.IMAGE) >= 0;
    if (people) {
      int nl = text.lastIndexOf('\n');
      if (nl < 0) {
        throw new InvalidPromptException(
            "The scene image comes after the text '" + text + "', which must hold the last introduction and the "
                + "question on separate lines.");
      }
      tokens.add(text.substring(0, nl).strip());
      tokens.addAll(scenes);
      tokens.add(text.substring(nl + 1).strip());
    } else {
      tokens.addAll(scenes);
      tokens.add(text);
    }
  }

  private String extractName(String intro, int personNo, String context) {
    Optional<String> custom = customExtractor.apply(intro);
    if (custom.isPresent()) {
      return custom.get();
    }
    NameExtractor.Result r = extractor.read(intro, context.replace(intro, ""));
    if (r instanceof NameExtractor.Found f) {
      return f.value();
    }
    if (r instanceof NameExtractor.Ambiguous a) {
      throw new InvalidPromptException(
          "Cannot tell the name of person " + personNo + " in the introduction '" + intro + "': it reads as "
              + String.join(" or ", a.candidates().stream().map(c -> "'" + c + "'").toList())
              + " and the rest of the record does not decide; configure introTemplates(...) or nameExtractor(...).");
    }
    if (r instanceof NameExtractor.Refused refused) {
      throw new InvalidPromptException(
          "Cannot find the name of person " + personNo + ": the introduction '" + intro + "' " + refused.reason()
              + "; write one introduction per reference image that states the name plainly ('This is Ana.'), or "
              + "configure nameExtractor(...).");
    }
    throw new InvalidPromptException(
        "Cannot find the name of person " + personNo + " in the introduction '" + intro
            + "'; configure introTemplates(...) or nameExtractor(...).");
  }

  private ImageInput resolve(String ref) {
    if (ref.startsWith("data:")) {
      int comma = ref.indexOf(',');
      if (comma < 0 || !ref.substring(0, comma).endsWith(";base64")) {
        throw new InvalidPromptException("Image data URL is not base64-encoded; use data:<type>;base64,<data>.");
      }
      try {
        return ImageInput.of(Base64.getDecoder().decode(ref.substring(comma + 1)), "inline image");
      } catch (IllegalArgumentException e) {
        throw new InvalidPromptException("Image data URL has invalid base64: " + e.getMessage(), e);
      }
    }
    return resolver.resolve(ref);
  }

  private enum Tag {
    IMAGE,
    OPEN,
    CLOSE
  }

  /** Splits text into tags and stripped non-empty text chunks. */
  private List<Object> tokenize(String value) {
    List<Object> out = new ArrayList<>();
    int pos = 0;
    while (pos <= value.length()) {
      int best = -1;
      Tag tag = null;
      String tok = null;
      for (Tag t : Tag.values()) {
        String s = t == Tag.IMAGE ? placeholder.token() : t == Tag.OPEN ? wrapper.open() : wrapper.close();
        if (s.isEmpty()) {
          continue;
        }
        int at = value.indexOf(s, pos);
        if (at >= 0 && (best < 0 || at < best || (at == best && s.length() > tok.length()))) {
          best = at;
          tag = t;
          tok = s;
        }
      }
      int end = best < 0 ? value.length() : best;
      String text = value.substring(pos, end).strip();
      if (!text.isEmpty()) {
        out.add(text);
      }
      if (best < 0) {
        break;
      }
      out.add(tag);
      pos = best + tok.length();
    }
    return out;
  }

  private String describe(List<Object> tokens, int i) {
    if (i >= tokens.size()) {
      return "the end of the turn";
    }
    Object t = tokens.get(i);
    if (t == Tag.IMAGE) {
      return "'" + placeholder.token() + "'";
    } else if (t == Tag.OPEN) {
      return "'" + wrapper.open() + "'";
    } else if (t == Tag.CLOSE) {
      return "'" + wrapper.close() + "'";
    }
    return "the text '" + t + "'";
  }

  private static String string(JsonNode node, String field) {
    JsonNode v = node.get(field);
    if (v == null || !v.isTextual()) {
      throw new InvalidPromptException("The field '" + field + "' is missing or not a string.");
    }
    return v.asText();
  }

  /** Builder for {@link LlavaConversationParser}. */
  public static final class Builder {
    private ImageResolver resolver = ImageResolver.placeholders();
    private ImagePlaceholder placeholder = ImagePlaceholder.LLAVA;
    private WrapperTokens wrapper = WrapperTokens.NONE;
    private final List<String> introTemplates = new ArrayList<>();
    private Function<String, Optional<String>> customExtractor = intro -> Optional.empty();

    private Builder() {}

    /**
     * How image references become images ({@link ImageResolver#placeholders()} by default). Data
     * URLs are always decoded directly.
     *
     * @param resolver the resolver
     * @return this builder
     */
    public Builder imageResolver(ImageResolver resolver) {
      this.resolver = checkNotNull(resolver, "resolver");
      return this;
    }

    /**
     * The image placeholder used by the records ({@code <image>} by default).
     *
     * @param placeholder the placeholder
     * @return this builder
     */
    public Builder imagePlaceholder(ImagePlaceholder placeholder) {
      this.placeholder = checkNotNull(placeholder, "placeholder");
      return this;
    }

    /**
     * The wrapper tokens used by the records ({@link WrapperTokens#NONE} by default).
     *
     * @param tokens the tokens
     * @return this builder
     */
    public Builder wrapperTokens(WrapperTokens tokens) {
      this.wrapper = checkNotNull(tokens, "tokens");
      return this;
    }

    /**
     * Introduction templates to recover names with; when set, only these (and a custom extractor)
     * are used, which makes names containing template words unambiguous.
     *
     * @param templates templates containing {@value Templates#NAME_SLOT} once
     * @return this builder
     */
    public Builder introTemplates(List<String> templates) {
      for (String t : templates) {
        Templates.fill(t, "x");
        introTemplates.add(t);
      }
      return this;
    }

    /**
     * A custom name extractor, tried first for every introduction.
     *
     * @param extractor returns the name in an introduction, or empty to fall back
     * @return this builder
     */
    public Builder nameExtractor(Function<String, Optional<String>> extractor) {
      this.customExtractor = checkNotNull(extractor, "extractor");
      return this;
    }

    /**
     * Builds the parser.
     *
     * @return the parser
     */
    public LlavaConversationParser build() {
      return new LlavaConversationParser(this);
    }
  }
}
