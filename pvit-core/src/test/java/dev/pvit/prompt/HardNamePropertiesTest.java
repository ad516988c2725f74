package dev.pvit.prompt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pvit.PvitException;
import dev.pvit.person.Person;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Names built from the hard parts (diacritics, hyphens, apostrophes, particles, initials, CJK,
 * Vietnamese) survive render → parse with the heuristic extractor, from the sentence alone (the
 * question names no one), and refusal templates about them are classified into their family. A
 * title before the name is dropped, two coordinated names or a hedged or negated introduction are
 * errors, and refusals keep their family with a title or without apostrophes. Credentials after a
 * name are dropped like titles unless the record uses them, and a name made of any words (grammar
 * words, credentials, template syntax) reads back unchanged or is a typed error, never another name.
 */
class HardNamePropertiesTest {
  private static final String NEUTRAL_QUESTION = "Describe the scene.";
  /** The auxiliaries, conjunctions and particles the generator's letters can spell. */
  private static final Set<String> ENGLISH_GRAMMAR_WORDS = Set.of("are", "ate", "but", "been", "bin", "aren", "aint");

  @Provide
  Arbitrary<String> hardName() {
    Arbitrary<String> word =
        Combinators.combine(
                Arbitraries.of("A", "B", "É", "Ö", "Ł", "Z", "Æ", "Ø", "Ñ", "Ş"),
                Arbitraries.strings().withChars("aeiouéëọłøåñßrnt").ofMinLength(2).ofMaxLength(7))
            .as((c, rest) -> c + rest)
            // English grammar words ("Are", "But") make "This is J. Are." undecidable for any reader;
            // names that are words have their own tests.
            .filter(w -> !ENGLISH_GRAMMAR_WORDS.contains(w.toLowerCase(Locale.ROOT)));
    Arbitrary<String> particle = Arbitraries.of("de", "de la", "van", "van der", "von", "da", "bin", "del");
    Arbitrary<String> initials = Arbitraries.of("J.", "R.", "T.", "K.").list().ofMinSize(1).ofMaxSize(2)
        .map(l -> String.join(" ", l));
    return Arbitraries.oneOf(
        word,
        Combinators.combine(word, word).as((a, b) -> a + " " + b),
        Combinators.combine(word, word).as((a, b) -> a + "-" + b),
        Combinators.combine(word, word).as((a, b) -> a + " O'" + b),
        Combinators.combine(word, particle, word).as((a, p, b) -> a + " " + p + " " + b),
        Combinators.combine(word, word).as((a, b) -> a + " al-" + b),
        Combinators.combine(initials, word).as((i, b) -> i + " " + b),
        Arbitraries.of("J. R.", "T. J.", "A. J."),
        Arbitraries.strings().withChars("王芳李雷张伟佐藤花子").ofMinLength(2).ofMaxLength(4),
        Arbitraries.of("Nguyễn Văn An", "Đặng Thị Mai", "Trần Thu Hà", "김민준"));
  }

  @Provide
  Arbitrary<String> ownIntroduction() {
    return Arbitraries.of(IntroStyle.values())
        .flatMap(style -> Arbitraries.of(Templates.introductions(style)));
  }

  @Property(tries = 400)
  void hard_names_round_trip_through_render_and_parse(
      @ForAll("hardName") String name, @ForAll("ownIntroduction") String template) {
    PersonalizedPrompt prompt = PersonalizedPrompt.builder()
        .introTemplate(template)
        .person(Person.of(name, Fixtures.ALICE))
        .scene(Fixtures.PARTY)
        .question(NEUTRAL_QUESTION)
        .build();
    String json = LlavaConversationRenderer.create().renderJson(prompt);
    List<String> back = LlavaConversationParser.create().parse(json).prompt().people().stream()
        .map(PromptPerson::name).toList();
    assertThat(back).as(prompt.people().get(0).introduction()).containsExactly(name);
  }

  @Property(tries = 300)
  void refusal_templates_about_hard_names_keep_their_family(
      @ForAll("hardName") String name, @ForAll int index) {
    RefusalClassifier c = RefusalClassifier.create();
    List<String> absent = Templates.absentRefusals();
    List<String> unknown = Templates.unknownRefusals();
    String a = Templates.fill(absent.get(Math.floorMod(index, absent.size())), name);
    String u = Templates.fill(unknown.get(Math.floorMod(index, unknown.size())), name);
    assertThat(c.classify(a, name)).as(a).isEqualTo(RefusalKind.ABSENT);
    assertThat(c.classify(u, name)).as(u).isEqualTo(RefusalKind.UNKNOWN);
    assertThat(c.classify(a)).as(a).isEqualTo(RefusalKind.ABSENT);
    assertThat(c.classify(u)).as(u).isEqualTo(RefusalKind.UNKNOWN);
  }

  @Property(tries = 300)
  void answers_that_place_a_hard_name_in_the_scene_are_no_refusals(
      @ForAll("hardName") String name, @ForAll("placement") String answer) {
    String text = answer.replace("{name}", name);
    RefusalClassifier c = RefusalClassifier.create();
    assertThat(c.classify(text)).as(text).isEqualTo(RefusalKind.NOT_A_REFUSAL);
    assertThat(c.classify(text, name)).as(text).isEqualTo(RefusalKind.NOT_A_REFUSAL);
  }

  @Property(tries = 300)
  void an_honorific_before_a_hard_name_is_dropped(
      @ForAll("hardName") String name, @ForAll("honorific") String title, @ForAll("ownIntroduction") String template) {
    String intro = Templates.fill(template, title + " " + name);
    assertThat(parseNames(intro, NEUTRAL_QUESTION)).as(intro).containsExactly(name);
  }

  @Property(tries = 300)
  void a_titled_name_that_the_record_itself_uses_round_trips_with_its_title(
      @ForAll("hardName") String name, @ForAll("honorific") String title, @ForAll("ownIntroduction") String template) {
    String titled = title + " " + name;
    PersonalizedPrompt prompt = PersonalizedPrompt.builder()
        .introTemplate(template)
        .person(Person.of(titled, Fixtures.ALICE))
        .scene(Fixtures.PARTY)
        .question("Where is " + titled + " standing?")
        .build();
    String json = LlavaConversationRenderer.create().renderJson(prompt);
    List<String> back = LlavaConversationParser.create().parse(json).prompt().people().stream()
        .map(PromptPerson::name).toList();
    assertThat(back).as(prompt.people().get(0).introduction()).containsExactly(titled);
  }

  @Property(tries = 300)
  void two_coordinated_hard_names_are_an_error_even_when_the_question_names_one(
      @ForAll("hardName") String first, @ForAll("hardName") String second, @ForAll("conjunction") String and,
      @ForAll("ownIntroduction") String template) {
    Assume.that(!first.equals(second));
    String intro = Templates.fill(template, first + and + second);
    assertThatThrownBy(() -> parseNames(intro, "What is " + first + " holding?")).as(intro)
        .isInstanceOf(InvalidPromptException.class);
  }

  @Property(tries = 300)
  void a_hedged_or_negated_introduction_is_an_error(
      @ForAll("hardName") String name, @ForAll("ownIntroduction") String template, @ForAll("hedge") String hedge) {
    String intro = Templates.fill(template, name);
    String taken = hedge.equals("not")
        ? intro.replaceFirst("\\b(is|are)\\b", "$1 not")
        : hedge + " " + Character.toLowerCase(intro.charAt(0)) + intro.substring(1);
    // one clause: a hedge before "Remember this face: it is {name}" qualifies the label, not the name
    Assume.that(!taken.equals(intro) && !template.startsWith(Templates.NAME_SLOT) && !template.matches(".*[:;].*"));
    assertThatThrownBy(() -> parseNames(taken, NEUTRAL_QUESTION)).as(taken)
        .isInstanceOf(InvalidPromptException.class);
  }

  @Property(tries = 300)
  void refusals_about_a_titled_hard_name_keep_their_family(
      @ForAll("hardName") String name, @ForAll("honorific") String title, @ForAll int index) {
    RefusalClassifier c = RefusalClassifier.create();
    for (RefusalKind kind : List.of(RefusalKind.ABSENT, RefusalKind.UNKNOWN)) {
      List<String> templates = Templates.refusals(kind);
      String answer = Templates.fill(templates.get(Math.floorMod(index, templates.size())), title + " " + name);
      assertThat(c.classify(answer, name)).as(answer).isEqualTo(kind);
      assertThat(c.classify(answer, title + " " + name)).as(answer).isEqualTo(kind);
      assertThat(c.classify(answer)).as(answer).isEqualTo(kind);
    }
  }

  @Property(tries = 300)
  void refusals_typed_without_apostrophes_keep_their_family(@ForAll("hardName") String name, @ForAll int index) {
    RefusalClassifier c = RefusalClassifier.create();
    for (RefusalKind kind : List.of(RefusalKind.ABSENT, RefusalKind.UNKNOWN)) {
      List<String> templates = Templates.refusals(kind);
      String template = templates.get(Math.floorMod(index, templates.size()));
      // contractions only: "can't", "I'm", "there's"; the possessive "{name}'s" and "it's" keep theirs
      String bare = template.replaceAll("n't\\b", "nt").replaceAll("\\b(I)'(m|ve)\\b", "$1$2")
          .replaceAll("(?i)\\b(there|that|who|what|he|she)'s\\b", "$1s")
          .replaceAll("(?i)\\b(you|they)'re\\b", "$1re");
      String answer = Templates.fill(bare, name);
      assertThat(c.classify(answer, name)).as(answer).isEqualTo(kind);
      assertThat(c.classify(answer)).as(answer).isEqualTo(kind);
    }
  }

  @Property(tries = 300)
  void a_credential_after_a_hard_name_is_dropped(
      @ForAll("hardName") String name, @ForAll("credential") String credential, @ForAll("credentialFrame") String frame) {
    String intro = frame.formatted(name, credential);
    assertThat(parseNames(intro, NEUTRAL_QUESTION)).as(intro).containsExactly(name);
  }

  @Property(tries = 300)
  void a_credential_that_the_record_itself_uses_stays(
      @ForAll("hardName") String name, @ForAll("credential") String credential) {
    String credited = name + ", " + credential;
    String intro = "Meet " + credited + ", in a photo.";
    assertThat(parseNames(intro, "Where is " + credited + " standing?")).as(intro).containsExactly(credited);
  }

  /**
   * A name is data: whatever words it is made of (grammar words, hedges, credentials, word-names,
   * template syntax), a prompt rendered for it by the SDK's own templates reads back as that name
   * or fails with a typed error, never as another name.
   */
  @Property(tries = 500)
  void a_rendered_name_reads_back_unchanged_or_is_an_error(
      @ForAll("trickyName") String name, @ForAll("ownIntroduction") String template) {
    PersonalizedPrompt prompt;
    try {
      prompt = PersonalizedPrompt.builder()
          .introTemplate(template)
          .person(Person.of(name, Fixtures.ALICE))
          .scene(Fixtures.PARTY)
          .question("What is " + name + " holding?")
          .build();
    } catch (PvitException e) {
      Assume.that(false); // not a valid person name at all
      return;
    }
    String json = LlavaConversationRenderer.create().renderJson(prompt);
    try {
      List<String> back = LlavaConversationParser.create().parse(json).prompt().people().stream()
          .map(PromptPerson::name).toList();
      assertThat(back).as(prompt.people().get(0).introduction()).containsExactly(name);
    } catch (InvalidPromptException e) {
      assertThat(e.getMessage()).as("the error names the introduction").contains("person 1");
    }
  }

  @Provide
  Arbitrary<String> trickyName() {
    Arbitrary<String> word = Arbitraries.oneOf(
        hardName(),
        Arbitraries.of("And", "Or", "Not", "Maybe", "Will", "Hope", "Grace", "Summer", "MD", "PhD", "Jr.", "III",
            "%s", "{x}", "$name", "de", "van", "O'Neill", "Jean-Luc", "Is", "This", "Photo", "Of", "Dr.", "Esq.",
            "Nobody", "Who", "Sky", "Art", "Bill", "Rose"));
    return word.list().ofMinSize(1).ofMaxSize(3).map(l -> String.join(" ", l));
  }

  @Provide
  Arbitrary<String> credential() {
    return Arbitraries.of("MD", "PhD", "M.D.", "Ph.D.", "CPA", "RN", "Esq.", "MBA", "DDS", "MSc");
  }

  @Provide
  Arbitrary<String> credentialFrame() {
    return Arbitraries.of("This is %s, %s.", "Meet %s, %s, in a photo.", "Here we have %s, %s",
        "This is a photo of %s, %s, at work.");
  }

  @Provide
  Arbitrary<String> honorific() {
    return Arbitraries.of("Dr.", "Dr", "Mrs.", "Mr.", "Ms", "Prof.", "Professor", "Mx.", "Madame");
  }

  @Provide
  Arbitrary<String> conjunction() {
    return Arbitraries.of(" and ", " or ", ", plus ", " and also ", " & ", " and her sister ", " or my friend ");
  }

  @Provide
  Arbitrary<String> hedge() {
    return Arbitraries.of("not", "Maybe", "Perhaps", "I think", "Probably", "I guess", "Pretty sure",
        "Supposedly", "Apparently", "Fairly certain");
  }

  private static List<String> parseNames(String intro, String question) {
    return LlavaConversationParser.create().parse(Fixtures.llavaRecord("<image>\n" + intro + "\n<image>\n" + question))
        .prompt().people().stream().map(PromptPerson::name).toList();
  }

  @Provide
  Arbitrary<String> placement() {
    return Arbitraries.of(
        "{name} is standing on the left, holding a cup.",
        "Yes, {name} is in the picture, next to the door.",
        "{name} is not smiling.",
        "I can see {name}, but not her face clearly.",
        "{name} doesn't appear to be holding anything.",
        "No, {name} isn't wearing glasses.",
        "There is no dog here, but {name} is holding a leash.",
        "I'm not sure who {name} is talking to.");
  }
}
