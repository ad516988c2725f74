package dev.pvit.prompt;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pvit.PvitException;
import dev.pvit.image.ImageInput;
import dev.pvit.person.InvalidPersonException;
import dev.pvit.person.Person;
import dev.pvit.prompt.internal.TokenGuard;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/** Properties of rendering, parsing and escaping over generated prompts. */
class PromptPropertiesTest {
  private static final List<ImageInput> POOL = new ArrayList<>();
  private static final Map<String, ImageInput> BY_NAME = new HashMap<>();

  static {
    for (int i = 0; i < 8; i++) {
      ImageInput img = Fixtures.image("img" + i + ".png", 100 + i);
      POOL.add(img);
      BY_NAME.put(img.name(), img);
    }
  }

  /** Every reserved token we know of, plus characters that must never pass unchanged. */
  private static final List<String> HOSTILE =
      List.of(
          "<image>", "<Image>", "<|vision_start|><|image_pad|><|vision_end|>", "<|image_pad|>", "<person>",
          "</person>", "USER:", "ASSISTANT:", "Human:", "SYSTEM:", "GPT :", "</s>", "<s>", "<|im_start|>",
          "<|im_end|>", "<|eot_id|>", "[INST]", "[/INST]", "<<SYS>>", "<start_of_turn>", "<end_of_turn>",
          "<start_of_image>", "@IMG@", "[[P]]", "[[/P]]", "\n", "\t", "\r", "\u0000", "\u202E", "\u200B",
          "\uD800", "{name}", "\"", "\\", "‹image›");

  private static final List<ImagePlaceholder> PLACEHOLDERS =
      List.of(ImagePlaceholder.LLAVA, ImagePlaceholder.QWEN_VL, ImagePlaceholder.of("@IMG@"));

  private static final List<WrapperTokens> WRAPPERS =
      List.of(WrapperTokens.NONE, WrapperTokens.PERSON_TAGS, WrapperTokens.of("[[P]]", "[[/P]]"));

  private record Shape(ImagePlaceholder placeholder, WrapperTokens wrapper) {}

  private record Spec(
      Shape shape,
      List<String> names,
      List<List<Integer>> refs,
      List<Integer> scenes,
      String question,
      Optional<String> system,
      List<Exchange> history,
      Optional<String> answer,
      Optional<Integer> cnt) {}

  @Provide
  Arbitrary<String> friendlyName() {
    return Arbitraries.strings()
        .withChars("AbcdeZoëŁĳ李雷Ngọc'-.")
        .ofMinLength(1)
        .ofMaxLength(12)
        .map(s -> "N" + s);
  }

  @Provide
  Arbitrary<String> hostileText() {
    Arbitrary<String> piece =
        Arbitraries.oneOf(
            Arbitraries.of(HOSTILE),
            Arbitraries.strings().all().ofMaxLength(6),
            Arbitraries.strings().withChars("abc XYZ?:|[]<>/ë李").ofMaxLength(6));
    return Combinators.combine(Arbitraries.strings().withChars("AbZ李ọ").ofMinLength(1).ofMaxLength(4), piece.list().ofMaxSize(4))
        .as((head, rest) -> head + String.join("", rest));
  }

  @Provide
  Arbitrary<String> plainText() {
    return Arbitraries.strings()
        .withChars("abcdefgh ABC?.,!'\"\\\n\tëç李雷ọ#")
        .ofMinLength(1)
        .ofMaxLength(30)
        .map(s -> "q" + s.replace("#", "\uD83D\uDE00"));
  }

  private Arbitrary<Shape> shapes() {
    return Combinators.combine(Arbitraries.of(PLACEHOLDERS), Arbitraries.of(WRAPPERS)).as(Shape::new);
  }

  private Arbitrary<Spec> specs(Arbitrary<String> names, Arbitrary<String> texts) {
    Arbitrary<Integer> img = Arbitraries.integers().between(0, POOL.size() - 1);
    return Arbitraries.integers()
        .between(0, 3)
        .flatMap(
            n ->
                Combinators.combine(
                        shapes(),
                        names.list().ofSize(n).uniqueElements(Person::matchKey),
                        img.list().ofMinSize(1).ofMaxSize(2).list().ofSize(n),
                        img.list().ofMinSize(1).ofMaxSize(2),
                        texts,
                        texts.optional(0.3),
                        Combinators.combine(texts, texts).as(Exchange::new).list().ofMaxSize(2),
                        Combinators.combine(texts.optional(0.5), Arbitraries.integers().between(0, 9).optional(0.5))
                            .as(List::of))
                    .as(
                        (shape, ns, refs, scenes, q, sys, hist, rest) ->
                            new Spec(shape, ns, refs, scenes, q, sys, hist, castOpt(rest.get(0)), castInt(rest.get(1)))));
  }

  @SuppressWarnings("unchecked")
  private static Optional<String> castOpt(Object o) {
    return (Optional<String>) o;
  }

  @SuppressWarnings("unchecked")
  private static Optional<Integer> castInt(Object o) {
    return (Optional<Integer>) o;
  }

  @Provide
  Arbitrary<Spec> friendlySpecs() {
    return specs(friendlyName(), plainText());
  }

  @Provide
  Arbitrary<Spec> hostileSpecs() {
    return specs(hostileText(), hostileText());
  }

  private static PersonalizedPrompt build(Spec s, boolean escape) {
    PersonalizedPrompt.Builder b =
        PersonalizedPrompt.builder()
            .imagePlaceholder(s.shape().placeholder())
            .wrapperTokens(s.shape().wrapper())
            .escapeReservedTokens(escape)
            .question(s.question())
            .history(s.history());
    s.system().ifPresent(b::systemPrompt);
    for (int i = 0; i < s.names().size(); i++) {
      List<ImageInput> refs = s.refs().get(i).stream().map(POOL::get).toList();
      b.person(new Person(s.names().get(i), List.of(), List.of(), refs));
    }
    s.scenes().forEach(i -> b.scene(POOL.get(i)));
    return b.build();
  }

  private static LlavaRecord record(Spec s, PersonalizedPrompt p) {
    LlavaRecord r = LlavaRecord.of(p);
    if (s.answer().isPresent()) {
      r = r.withAnswer(s.answer().get());
    }
    if (s.cnt().isPresent()) {
      r = r.withPeopleInScene(s.cnt().get());
    }
    return r;
  }

  private static LlavaConversationParser parser(Shape shape) {
    return LlavaConversationParser.builder()
        .imagePlaceholder(shape.placeholder())
        .wrapperTokens(shape.wrapper())
        .imageResolver(ImageResolver.of(BY_NAME))
        .introTemplates(List.of(Templates.DEFAULT_INTRODUCTION))
        .build();
  }

  private static Optional<PersonalizedPrompt> tryBuild(Spec s, boolean escape) {
    try {
      return Optional.of(build(s, escape));
    } catch (InvalidPersonException | InvalidPromptException e) {
      return Optional.empty();
    }
  }

  private static Optional<LlavaRecord> tryRecord(Spec s, PersonalizedPrompt p) {
    try {
      return Optional.of(record(s, p));
    } catch (InvalidPromptException e) {
      return Optional.empty();
    }
  }

  @Property(tries = 300)
  void llava_render_then_parse_is_identity(@ForAll("friendlySpecs") Spec spec) {
    Optional<PersonalizedPrompt> built = tryBuild(spec, false);
    Assume.that(built.isPresent());
    Optional<LlavaRecord> rec = tryRecord(spec, built.get());
    Assume.that(rec.isPresent());
    LlavaRecord r = rec.get();
    String json = LlavaConversationRenderer.create().renderJson(r);
    assertThat(parser(spec.shape()).parse(json)).isEqualTo(r);
  }

  @Provide
  Arbitrary<List<String>> simpleNames() {
    return Arbitraries.strings()
        .withChars("abcdeëọŁĳ李雷")
        .ofMaxLength(10)
        .map(s -> "N" + s)
        .list()
        .ofMaxSize(3)
        .uniqueElements(Person::matchKey);
  }

  @Property(tries = 200)
  void random_introductions_round_trip_with_the_default_parser(
      @ForAll("simpleNames") List<String> names,
      @ForAll("plainText") String question,
      @ForAll IntroStyle style,
      @ForAll long seed) {
    PersonalizedPrompt.Builder b =
        PersonalizedPrompt.builder().introStyle(style).randomIntroductions(seed).question(question).scene(POOL.get(0));
    for (int i = 0; i < names.size(); i++) {
      b.person(Person.of(names.get(i), POOL.get(i + 1)));
    }
    PersonalizedPrompt p = b.build();
    String json = LlavaConversationRenderer.create().renderJson(p);
    PersonalizedPrompt back =
        LlavaConversationParser.builder().imageResolver(ImageResolver.of(BY_NAME)).build().parse(json).prompt();
    assertThat(back).isEqualTo(p);
  }

  @Property(tries = 300)
  void placeholder_count_equals_image_count_in_every_format(@ForAll("hostileSpecs") Spec spec) {
    Optional<PersonalizedPrompt> built = tryBuild(spec, true);
    Assume.that(built.isPresent());
    PersonalizedPrompt p = built.get();
    String token = p.imagePlaceholder().token();
    int images = p.images().size();
    ObjectNode llava = LlavaConversationRenderer.create().render(p);
    String human = null;
    for (JsonNode t : llava.get("conversations")) {
      if (t.get("from").asText().equals("human")) {
        human = t.get("value").asText();
        break;
      }
    }
    assertThat(count(human, token)).isEqualTo(images).isEqualTo(llava.get("image").size());
    int allTokens = 0;
    for (JsonNode t : llava.get("conversations")) {
      allTokens += count(t.get("value").asText(), token);
    }
    assertThat(allTokens).isEqualTo(images);
    TextPrompt text = PlainTextRenderer.create().render(p);
    assertThat(count(text.text(), token)).isEqualTo(text.images().size()).isEqualTo(images);
    ArrayNode openAi = OpenAiMessagesRenderer.builder().imageMode(ImageMode.FILE_NAME).build().render(p);
    assertThat(openAi.findValues("image_url")).hasSize(images);
    ArrayNode ollama = OllamaMessagesRenderer.create(ImageMode.FILE_NAME).render(p);
    assertThat(ollama.findValues("images").get(0)).hasSize(images);
  }

  @Property(tries = 500)
  void no_name_or_text_can_change_the_structure(@ForAll("hostileSpecs") Spec spec) {
    Optional<PersonalizedPrompt> strict = tryBuild(spec, false);
    Optional<PersonalizedPrompt> escaped = tryBuild(spec, true);
    Statistics.label("built").collect(strict.isPresent() ? "strict" : "rejected", escaped.isPresent() ? "escaped" : "rejected");
    for (Optional<PersonalizedPrompt> built : List.of(strict, escaped)) {
      if (built.isEmpty()) {
        continue;
      }
      PersonalizedPrompt p = built.get();
      assertThat(p.people()).hasSize(spec.names().size());
      Optional<LlavaRecord> rec = tryRecord(spec, p);
      if (rec.isEmpty()) {
        continue;
      }
      LlavaRecord r = rec.get();
      LlavaRecord back = parser(spec.shape()).parse(LlavaConversationRenderer.create().renderJson(r));
      assertThat(back).isEqualTo(r);
      assertThat(back.prompt().people()).extracting(PromptPerson::name)
          .containsExactlyElementsOf(p.people().stream().map(PromptPerson::name).toList());
      TokenGuard guard =
          new TokenGuard(List.of(p.imagePlaceholder().token(), p.wrapperTokens().open(), p.wrapperTokens().close()));
      for (PromptPerson pp : p.people()) {
        assertThat(guard.find(pp.name())).isEmpty();
      }
      assertThat(guard.find(p.question())).isEmpty();
    }
    if (strict.isPresent()) {
      assertThat(escaped).contains(strict.get().toBuilder().escapeReservedTokens(true).build());
    }
  }

  @Property(tries = 1000)
  void escaping_removes_every_reserved_token_and_keeps_clean_text(@ForAll("hostileText") String text) {
    TokenGuard guard = new TokenGuard(List.of("@IMG@", "[[P]]", "[[/P]]", "<image>"));
    String escaped = guard.escape(text);
    assertThat(guard.find(escaped)).isEmpty();
    if (guard.find(text).isEmpty()) {
      assertThat(escaped).isEqualTo(text);
    }
    assertThat(escaped.codePointCount(0, escaped.length())).isEqualTo(text.codePointCount(0, text.length()));
  }

  @Provide
  Arbitrary<String> personName() {
    Arbitrary<String> word =
        Combinators.combine(
                Arbitraries.chars().with("ABCDÉŁZ"),
                Arbitraries.strings().withChars("abcdeéëọłz").ofMinLength(1).ofMaxLength(8))
            .as((c, rest) -> c + rest);
    return Arbitraries.oneOf(
        word,
        Combinators.combine(word, word).as((a, b) -> a + " " + b),
        Combinators.combine(word, word).as((a, b) -> a + "-" + b),
        Arbitraries.strings().withChars("李雷王芳张伟").ofMinLength(2).ofMaxLength(3));
  }

  @Property(tries = 300)
  void every_refusal_template_is_classified_into_its_family(
      @ForAll("personName") String name, @ForAll("templateIndex") int index) {
    RefusalClassifier c = RefusalClassifier.create();
    String absent = Templates.fill(Templates.absentRefusals().get(index % Templates.absentRefusals().size()), name);
    String unknown = Templates.fill(Templates.unknownRefusals().get(index % Templates.unknownRefusals().size()), name);
    assertThat(c.classify(absent)).as(absent).isEqualTo(RefusalKind.ABSENT);
    assertThat(c.classify(absent, name)).as(absent).isEqualTo(RefusalKind.ABSENT);
    assertThat(c.classify(unknown)).as(unknown).isEqualTo(RefusalKind.UNKNOWN);
    assertThat(c.classify(unknown, name)).as(unknown).isEqualTo(RefusalKind.UNKNOWN);
  }

  @Provide
  Arbitrary<Integer> templateIndex() {
    return Arbitraries.integers().between(0, 1000);
  }

  private static int count(String haystack, String needle) {
    int n = 0;
    for (int at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, at + needle.length())) {
      n++;
    }
    return n;
  }
}
