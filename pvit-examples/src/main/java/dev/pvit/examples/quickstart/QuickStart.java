package dev.pvit.examples.quickstart;

import dev.pvit.chat.Answer;
import dev.pvit.chat.PersonalizedChat;
import dev.pvit.person.Person;
import java.nio.file.Path;

/**
 * The README's quick-start snippet, kept compiling. Run it with your own photos:
 * {@code java -cp pvit-examples/target/pvit.jar dev.pvit.examples.quickstart.QuickStart alice.jpg bob.jpg party.jpg}.
 */
public final class QuickStart {
  private QuickStart() {}

  /**
   * Registers Alice and Bob from one photo each and asks about a scene.
   *
   * @param args alice photo, bob photo, scene photo
   */
  public static void main(String[] args) {
    // README-SNIPPET-START
    try (PersonalizedChat chat = PersonalizedChat.builder()
            .person(Person.of("Alice", Path.of(args[0])))
            .person(Person.of("Bob", Path.of(args[1])))
            .build()) {                          // embedded default: no server needed
      Answer a = chat.ask(Path.of(args[2]), "Is Alice in this photo?");
      System.out.println(a.kind() + ": " + a.text());
      Answer b = chat.ask(Path.of(args[2]), "Who is on the left?");
      System.out.println(b.text() + " " + b.people());
    }
    // README-SNIPPET-END
  }
}
