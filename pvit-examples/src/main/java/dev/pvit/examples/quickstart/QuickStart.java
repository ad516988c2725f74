package dev.pvit.examples.quickstart;

// README-SNIPPET-START
import dev.pvit.chat.Answer;
import dev.pvit.chat.PersonalizedChat;
import dev.pvit.person.Person;
import java.nio.file.Path;

/** Registers two people from one photo each and asks about a scene photo. */
public final class QuickStart {
  /**
   * Runs the example.
   *
   * @param args Alice's photo, Bob's photo, the scene photo
   */
  public static void main(String[] args) {
    try (PersonalizedChat chat = PersonalizedChat.builder()
            .person(Person.of("Alice", Path.of(args[0])))
            .person(Person.of("Bob", Path.of(args[1])))
            .build()) {                          // embedded default: no server needed
      Answer a = chat.ask(Path.of(args[2]), "Is Alice in this photo?");
      System.out.println(a.kind() + ": " + a.text());
      Answer b = chat.ask(Path.of(args[2]), "Who is on the left?");
      System.out.println(b.text() + " " + b.people());
    }
  }
}
// README-SNIPPET-END
