package dev.pvit.bench.pbench;

import dev.pvit.chat.Answer;
import dev.pvit.chat.AnswerKind;
import dev.pvit.chat.Backend;
import dev.pvit.chat.Intent;
import dev.pvit.chat.Position;
import dev.pvit.chat.RecognizedPerson;
import dev.pvit.face.Box;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** A small labelled set in the shared set's schema, and fake answers. */
final class Fixtures {
  static final String SCENES_JSON = """
      {
        "description": "test set",
        "identities": {
          "ann": {"display_name": "Ann", "references": ["people/ann/1.jpg", "people/ann/2.jpg"], "appears_in_scenes": []},
          "bob": {"display_name": "Bob", "references": ["people/bob/1.jpg"], "appears_in_scenes": []},
          "cyd": {"display_name": "Cyd", "references": ["people/cyd/1.jpg"], "appears_in_scenes": []},
          "dan": {"display_name": "Dan", "references": ["people/dan/1.jpg"], "appears_in_scenes": []},
          "eve": {"display_name": "Eve", "references": ["people/eve/1.jpg"], "appears_in_scenes": []}
        },
        "scenes": [
          {"file": "scenes/group.jpg", "identities": ["bob", "ann", "cyd", "dan"],
           "people": [{"identity": "bob", "position": "far-left"}, {"identity": "ann", "position": "center-left", "holding": "a red umbrella"},
                      {"identity": "cyd", "position": "top-center"}, {"identity": "dan", "position": "far-right"}],
           "unregistered_faces_approx": 0, "description": "group"},
          {"file": "scenes/solo.jpg", "identities": ["eve"], "people": [{"identity": "eve", "position": "center"}],
           "unregistered_faces_approx": null, "description": "solo"},
          {"file": "scenes/negative_crowd.jpg", "identities": [], "people": [], "unregistered_faces_approx": 3,
           "description": "strangers"}
        ]
      }
      """;

  private Fixtures() {}

  static FaceSet writeSet(Path dir) throws IOException {
    Files.writeString(dir.resolve("scenes.json"), SCENES_JSON);
    for (String f : List.of("people/ann/1.jpg", "people/ann/2.jpg", "people/bob/1.jpg", "people/cyd/1.jpg",
        "people/dan/1.jpg", "people/eve/1.jpg", "scenes/group.jpg", "scenes/solo.jpg", "scenes/negative_crowd.jpg")) {
      Path p = dir.resolve(f);
      Files.createDirectories(p.getParent());
      Files.write(p, new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xD9});
    }
    return FaceSet.load(dir);
  }

  static Answer answer(String text, AnswerKind kind, Backend backend, String... recognised) {
    List<RecognizedPerson> people = Arrays.stream(recognised)
        .map(n -> new RecognizedPerson(n, new Box(10, 10, 20, 20), 0.4, Position.CENTER)).toList();
    return new Answer(text, kind, people, people.size(), backend, Duration.ZERO, Duration.ZERO, Optional.empty(),
        Intent.UNKNOWN, Optional.empty());
  }

  static Answer embedded(String text, AnswerKind kind, String... recognised) {
    return answer(text, kind, Backend.EMBEDDED, recognised);
  }

  static Question question(Category c, String expected, int registered, List<String> options, String subject) {
    return new Question("q1", c, "scenes/x.jpg", "question?", expected, options,
        subject.isEmpty() ? Optional.empty() : Optional.of(subject), registered, List.of(), Optional.empty());
  }

  static Question question(Category c, String expected, List<String> present, List<String> options, String subject) {
    return new Question("q1", c, "scenes/x.jpg", "question?", expected, options,
        subject.isEmpty() ? Optional.empty() : Optional.of(subject), present.size(), List.of(), Optional.of(present));
  }
}
