package dev.pvit.chat;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.pvit.client.OpenAiCompatibleChatModel;
import dev.pvit.face.Box;
import dev.pvit.face.DetectedFace;
import dev.pvit.face.FaceAnalysis;
import dev.pvit.face.FaceEngine;
import dev.pvit.face.FaceGallery;
import dev.pvit.image.ImageInput;
import dev.pvit.person.Person;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * All three modes end to end with the real face engine on a bundled MIT demo photo and a loopback
 * fake OpenAI-compatible server that records what it is sent. The leftmost and rightmost faces of
 * the photo are cut out (with a margin) and registered as Alice and Bob.
 */
class ChatModesIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<JsonNode> REQUESTS = new CopyOnWriteArrayList<>();
  private static volatile String reply = "";
  private static HttpServer server;
  private static FaceEngine engine;
  private static ImageInput scene;
  private static Person alice;
  private static Person bob;

  @BeforeAll
  static void setUp() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/v1/chat/completions", exchange -> {
      try (InputStream in = exchange.getRequestBody()) {
        REQUESTS.add(JSON.readTree(in));
      }
      String body = "{\"id\":\"c1\",\"object\":\"chat.completion\",\"model\":\"fake-vlm\",\"choices\":[{\"index\":0,"
          + "\"message\":{\"role\":\"assistant\",\"content\":" + JSON.writeValueAsString(reply) + "},"
          + "\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":900,\"completion_tokens\":7,\"total_tokens\":907}}";
      byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, bytes.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    });
    server.start();

    engine = FaceEngine.builder().attributes(true).build();
    try (InputStream in = ChatModesIT.class.getResourceAsStream("/dev/pvit/face/demo/sample1.jpg")) {
      scene = ImageInput.of(in, "sample1.jpg");
    }
    BufferedImage pixels = ImageIO.read(scene.openStream());
    FaceAnalysis analysis = engine.analyze(scene);
    List<DetectedFace> faces = analysis.faces().stream()
        .sorted(Comparator.comparingDouble(f -> f.box().centerX())).toList();
    assertThat(faces).hasSizeGreaterThanOrEqualTo(3);
    alice = Person.of("Alice", crop(pixels, faces.get(0).box(), "alice.png"));
    bob = Person.of("Bob", crop(pixels, faces.get(faces.size() - 1).box(), "bob.png"));
  }

  private static ImageInput crop(BufferedImage img, Box box, String name) {
    double m = 0.6 * box.width();
    int x = (int) Math.max(0, box.x() - m);
    int y = (int) Math.max(0, box.y() - m);
    int w = (int) Math.min(img.getWidth() - x, box.width() + 2 * m);
    int h = (int) Math.min(img.getHeight() - y, box.height() + 2 * m);
    BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    out.getGraphics().drawImage(img.getSubimage(x, y, w, h), 0, 0, null);
    return ImageInput.of(out, name);
  }

  @AfterAll
  static void tearDown() {
    server.stop(0);
    engine.close();
  }

  private static OpenAiCompatibleChatModel model() {
    return OpenAiCompatibleChatModel.builder()
        .baseUrl("http://127.0.0.1:" + server.getAddress().getPort() + "/v1")
        .model("fake-vlm")
        .maxAttempts(1)
        .build();
  }

  @Test
  void embedded_mode_recognises_people_and_refuses_without_a_server() {
    try (PersonalizedChat chat = PersonalizedChat.builder().engine(engine).person(alice).person(bob).build()) {
      Answer here = chat.ask(scene, "Is Alice in this photo?");
      assertThat(here.kind()).isEqualTo(AnswerKind.ANSWERED);
      assertThat(here.text()).startsWith("Yes, Alice is in this photo, on the left");
      assertThat(here.people()).extracting(RecognizedPerson::name).containsExactly("Alice", "Bob");
      assertThat(chat.ask(scene, "Who is on the right?").text()).isEqualTo("Bob is on the right.");
      assertThat(chat.ask(scene, "Is Alice left of Bob?").text()).isEqualTo("Yes, Alice is to the left of Bob.");
      Answer taller = chat.ask(scene, "Is Alice taller than Bob?");
      assertThat(taller.kind()).isEqualTo(AnswerKind.NEEDS_VISION_MODEL);
      assertThat(taller.intent()).isEqualTo(Intent.DESCRIBE);
      assertThat(taller.abstention()).get().extracting(Abstention::words).isEqualTo(List.of("taller"));
      assertThat(chat.ask(scene, "What is Zara holding?").kind()).isEqualTo(AnswerKind.PERSON_UNKNOWN);
      Answer holding = chat.ask(scene, "What is Bob holding?");
      assertThat(holding.kind()).isEqualTo(AnswerKind.NEEDS_VISION_MODEL);
      assertThat(holding.text()).contains("Bob is in this photo, on the right");
      assertThat(chat.isPresent(scene, "alice")).isTrue();
      assertThat(chat.locate(scene, "Bob")).get().extracting(RecognizedPerson::position).isEqualTo(Position.RIGHT);
    }
  }

  @Test
  void a_saved_gallery_answers_to_its_names_after_loading(@TempDir Path dir) {
    Path file = dir.resolve("gallery.json");
    try (PersonalizedChat chat = PersonalizedChat.builder().engine(engine).person(alice).person(bob).build()) {
      chat.saveGallery(file);
    }
    FaceGallery loaded = FaceGallery.builder().engine(engine).load(file);
    try (PersonalizedChat chat = PersonalizedChat.builder().engine(engine).gallery(loaded).build()) {
      assertThat(chat.ask(scene, "Is Bob here?").text()).startsWith("Yes, Bob is in this photo");
      assertThat(chat.ask(scene, "Where is Alice?").kind()).isEqualTo(AnswerKind.ANSWERED);
      assertThat(chat.ask(scene, "Where is Zara?").kind()).isEqualTo(AnswerKind.PERSON_UNKNOWN);
    }
  }

  @Test
  void grounded_mode_tells_the_model_who_is_where_and_refuses_locally() {
    try (OpenAiCompatibleChatModel model = model();
        PersonalizedChat chat = PersonalizedChat.builder().engine(engine).person(alice).person(bob)
            .grounded(model).build()) {
      REQUESTS.clear();
      reply = "Alice is holding nothing; she is smiling.";
      Answer a = chat.ask(scene, "What is Alice holding?");
      assertThat(a.text()).isEqualTo(reply);
      assertThat(a.kind()).isEqualTo(AnswerKind.ANSWERED);
      assertThat(a.backend()).isEqualTo(Backend.GROUNDED);
      assertThat(a.people()).extracting(RecognizedPerson::name).containsExactly("Alice", "Bob");
      assertThat(a.usage()).get().extracting(u -> u.promptTokens()).isEqualTo(900);
      assertThat(REQUESTS).hasSize(1);
      JsonNode messages = REQUESTS.get(0).get("messages");
      assertThat(messages.get(0).get("role").asText()).isEqualTo("system");
      JsonNode parts = messages.get(1).get("content");
      String text = parts.toString();
      assertThat(text).contains("from left to right: Alice (left, face box").contains("Bob (right, face box")
          .contains("What is Alice holding?");
      long images = 0;
      for (JsonNode p : parts) {
        if (p.get("type").asText().equals("image_url")) {
          images++;
          assertThat(p.get("image_url").get("url").asText()).startsWith("data:image/");
        }
      }
      assertThat(images).as("one reference per recognised person plus the scene").isEqualTo(3);

      // A question the parser does not understand goes to the model, never to a local yes/no.
      Answer hand = chat.ask(scene, "What does Alice have in her hand?");
      assertThat(hand.text()).isEqualTo(reply);
      assertThat(hand.abstention()).isPresent();
      assertThat(REQUESTS).hasSize(2);

      assertThat(chat.ask(scene, "Is Bob here?").text()).startsWith("Yes, Bob is in this photo");
      assertThat(chat.ask(scene, "What is Zara holding?").kind()).isEqualTo(AnswerKind.PERSON_UNKNOWN);
      assertThat(chat.ask(scene, "Is Bob missing?").text()).startsWith("No, Bob is in this photo");
      assertThat(chat.ask(scene, "Who is on the far left?").text()).startsWith("Alice is on the far left");
      assertThat(REQUESTS).as("presence, positions and refusals are answered locally").hasSize(2);
    }
  }

  @Test
  void in_context_mode_sends_the_pvit_prefix_and_classifies_refusals() {
    try (OpenAiCompatibleChatModel model = model();
        PersonalizedChat chat = PersonalizedChat.builder().engine(engine).person(alice).person(bob)
            .inContext(model).build()) {
      REQUESTS.clear();
      reply = "Sorry, I can't find Alice in this picture.";
      Answer a = chat.ask(scene, "What is Alice holding?");
      assertThat(a.kind()).isEqualTo(AnswerKind.PERSON_ABSENT);
      assertThat(a.backend()).isEqualTo(Backend.IN_CONTEXT);
      JsonNode parts = REQUESTS.get(0).get("messages").get(0).get("content");
      assertThat(parts.get(0).get("type").asText()).isEqualTo("image_url");
      assertThat(parts.get(1).get("text").asText()).isEqualTo("This is Alice.");
      assertThat(parts.get(2).get("type").asText()).isEqualTo("image_url");
      assertThat(parts.get(3).get("text").asText()).isEqualTo("This is Bob.");
      assertThat(parts.get(4).get("type").asText()).isEqualTo("image_url");
      assertThat(parts.get(5).get("text").asText()).isEqualTo("What is Alice holding?");

      reply = "Bob is holding a glass.";
      assertThat(chat.ask(scene, "What is Bob holding?").kind()).isEqualTo(AnswerKind.ANSWERED);
    }
  }
}
