package dev.pvit.langchain4j;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pvit.image.ImageInput;
import dev.pvit.person.Person;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The shared labelled face set ({@code ../shared/data/faces}): each identity becomes a person under
 * its display name with its reference photos. Tests skip when the set is absent.
 */
final class SharedFaces {
  final Path root;
  final JsonNode index;

  private SharedFaces(Path root, JsonNode index) {
    this.root = root;
    this.index = index;
  }

  static SharedFaces loadOrSkip() throws IOException {
    Path faces = Path.of(System.getProperty("shared.dir", "../../shared"), "data", "faces");
    assumeTrue(Files.isRegularFile(faces.resolve("scenes.json")), "shared face set not present");
    return new SharedFaces(faces, new ObjectMapper().readTree(faces.resolve("scenes.json").toFile()));
  }

  /** Identity id to person (display name, reference photos), for the given ids or all when empty. */
  Map<String, Person> people(List<String> ids) {
    Map<String, Person> out = new LinkedHashMap<>();
    index.get("identities").fields().forEachRemaining(e -> {
      if (ids.isEmpty() || ids.contains(e.getKey())) {
        List<ImageInput> refs = new ArrayList<>();
        e.getValue().get("references").forEach(r -> refs.add(ImageInput.of(root.resolve(r.asText()))));
        out.put(e.getKey(), new Person(e.getValue().get("display_name").asText(), List.of(), List.of(), refs));
      }
    });
    return out;
  }
}
