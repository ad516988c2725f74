package dev.pvit.prompt;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pvit.image.ImageInput;
import dev.pvit.person.Person;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.List;

/** Small generated images and people shared by the prompt tests. */
final class Fixtures {
  static final ImageInput ALICE = image("alice.png", 1);
  static final ImageInput BOB = image("bob.png", 2);
  static final ImageInput BOB2 = image("bob2.png", 3);
  static final ImageInput ZOE = image("zoe.png", 4);
  static final ImageInput PARTY = image("party.png", 5);

  private static final ObjectMapper JSON = new ObjectMapper();

  private Fixtures() {}

  /** A 2×2 PNG whose pixels depend on the seed, so different seeds give unequal images. */
  static ImageInput image(String name, int seed) {
    BufferedImage img = new BufferedImage(2, 2, BufferedImage.TYPE_INT_RGB);
    img.setRGB(0, 0, new Color(seed * 37 % 256, seed * 91 % 256, seed * 53 % 256).getRGB());
    img.setRGB(1, 1, seed);
    return ImageInput.of(img, name);
  }

  /**
   * A one-record LLaVA conversation whose first human turn is {@code humanTurn}, with one image path
   * per {@code <image>} tag and a neutral answer.
   */
  static String llavaRecord(String humanTurn) {
    ObjectNode record = JSON.createObjectNode();
    ArrayNode images = record.putArray("image");
    int count = humanTurn.split("<image>", -1).length - 1;
    for (int i = 0; i < count; i++) {
      images.add("img" + i + ".jpg");
    }
    ArrayNode turns = record.putArray("conversations");
    turns.addObject().put("from", "human").put("value", humanTurn);
    turns.addObject().put("from", "gpt").put("value", "Fine.");
    return record.toString();
  }

  static Person alice() {
    return Person.of("Alice", ALICE);
  }

  static Person bob() {
    return Person.of("Bob", BOB);
  }

  static Person bobTwoImages() {
    return new Person("Bob", List.of(), List.of(), List.of(BOB, BOB2));
  }

  static Person zoe() {
    return Person.of("Zoë", ZOE);
  }

  static PersonalizedPrompt onePerson() {
    return PersonalizedPrompt.builder()
        .person(alice())
        .scene(PARTY)
        .question("What is Alice holding?")
        .build();
  }

  static PersonalizedPrompt twoPeople() {
    return PersonalizedPrompt.builder()
        .person(alice())
        .person(bob())
        .scene(PARTY)
        .question("What is Alice holding?")
        .build();
  }

  /** Three people, Bob with two references, person tags, a system prompt and one earlier turn. */
  static PersonalizedPrompt threePeople() {
    return PersonalizedPrompt.builder()
        .person(alice())
        .person(bobTwoImages())
        .person(zoe())
        .scene(PARTY)
        .wrapperTokens(WrapperTokens.PERSON_TAGS)
        .systemPrompt("You are helpful.")
        .exchange("Is Bob here?", "Yes, on the left.")
        .question("Who is next to Zoë?")
        .build();
  }
}
