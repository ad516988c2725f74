package dev.pvit.langchain4j;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;
import dev.langchain4j.service.AiServices;
import dev.pvit.chat.Answer;
import dev.pvit.chat.AnswerKind;
import dev.pvit.chat.PersonalizedChat;
import dev.pvit.client.OpenAiCompatibleChatModel;
import dev.pvit.client.VisionChatModel;
import dev.pvit.client.VisionChatRequest;
import dev.pvit.client.VisionChatResponse;
import dev.pvit.face.FaceEngine;
import dev.pvit.face.SceneRecognition;
import dev.pvit.image.ImageInput;
import dev.pvit.person.Person;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * End to end with the real face engine on the shared dev face set and LangChain4j's own {@link
 * OpenAiChatModel} talking to a loopback fake OpenAI server: grounded mode sends the same content
 * through LangChain4j as through PVIT's own client, and an {@code AiServices} agent with a scripted
 * tool call gets the tools' right answers about a dev scene.
 */
class LangChain4jIT {
  private static final String SCENE = "scenes/obama_biden_side_by_side.jpg";
  private static FaceEngine engine;
  private static SharedFaces faces;
  private static FakeOpenAiServer server;
  private static PersonalizedChat everyone;

  @BeforeAll
  static void setUp() throws IOException {
    faces = SharedFaces.loadOrSkip();
    engine = FaceEngine.builder().attributes(true).build();
    server = new FakeOpenAiServer();
  }

  @AfterAll
  static void tearDown() {
    if (everyone != null) {
      everyone.close();
    }
    if (server != null) {
      server.close();
    }
    if (engine != null) {
      engine.close();
    }
  }

  private static OpenAiChatModel langChain4jOpenAi() {
    return OpenAiChatModel.builder().baseUrl(server.baseUrl()).apiKey("test-key").modelName("fake-vlm")
        .maxRetries(0).timeout(Duration.ofSeconds(10)).build();
  }

  /** Role and, per part, either the text or the image's data URL: what the model gets to read. */
  private static List<String> content(JsonNode request) {
    List<String> out = new ArrayList<>();
    for (JsonNode m : request.get("messages")) {
      out.add("role:" + m.get("role").asText());
      JsonNode c = m.get("content");
      if (c.isTextual()) {
        out.add("text:" + c.asText());
        continue;
      }
      for (JsonNode part : c) {
        out.add(part.get("type").asText().equals("text") ? "text:" + part.get("text").asText()
            : "image:" + part.get("image_url").get("url").asText());
      }
    }
    return out;
  }

  /** Lets one chat (enrolled once) send the same question through either client. */
  private static final class SwitchableModel implements VisionChatModel {
    volatile VisionChatModel target;

    @Override
    public VisionChatResponse chat(VisionChatRequest request) {
      return target.chat(request);
    }
  }

  private static void assertSameContentBothWays(PersonalizedChat chat, SwitchableModel model, String question,
      int expectedImages) {
    ImageInput scene = ImageInput.of(faces.root.resolve(SCENE));
    List<List<String>> requests = new ArrayList<>();
    try (VisionChatModel own = OpenAiCompatibleChatModel.builder().baseUrl(server.baseUrl()).model("fake-vlm")
            .maxAttempts(1).build();
        VisionChatModel viaLangChain4j = LangChain4jVisionModel.of(langChain4jOpenAi())) {
      for (VisionChatModel client : List.of(own, viaLangChain4j)) {
        model.target = client;
        int before = server.requests().size();
        server.enqueue(FakeOpenAiServer.text("He is holding a folder."));
        Answer a = chat.ask(scene, question);
        assertThat(a.text()).isEqualTo("He is holding a folder.");
        assertThat(a.kind()).isEqualTo(AnswerKind.ANSWERED);
        assertThat(a.usage()).isPresent();
        assertThat(server.requests()).hasSize(before + 1);
        requests.add(content(server.requests().get(before)));
      }
    }
    assertThat(requests.get(1)).as("LangChain4j request content").containsExactlyElementsOf(requests.get(0));
    assertThat(requests.get(0)).filteredOn(s -> s.startsWith("image:")).hasSize(expectedImages);
    assertThat(String.join("\n", requests.get(0))).contains("Joe Biden").contains(question);
  }

  @Test
  void grounded_and_in_context_modes_through_langchain4j_send_what_our_own_client_sends() {
    SwitchableModel model = new SwitchableModel();
    Map<String, Person> people = faces.people(List.of("barack_obama", "joe_biden", "tony_blair"));
    PersonalizedChat.Builder grounded = PersonalizedChat.builder().engine(engine).grounded(model);
    people.values().forEach(grounded::person);
    try (PersonalizedChat chat = grounded.build()) {
      // A reference photo per recognised person (Obama, Biden) and the scene; Blair is absent.
      assertSameContentBothWays(chat, model, "What is Joe Biden holding?", 3);
    }
    PersonalizedChat.Builder inContext = PersonalizedChat.builder().engine(engine).inContext(model);
    people.values().forEach(inContext::person);
    try (PersonalizedChat chat = inContext.build()) {
      // A reference photo per registered person and the scene.
      assertSameContentBothWays(chat, model, "What is Joe Biden holding?", 4);
    }
  }

  interface Assistant {
    String chat(String message);
  }

  @Test
  void an_agent_gets_the_tools_right_answers_about_a_dev_scene() {
    PersonalizedChat chat = everyone();
    PersonalizedVisionTools tools = PersonalizedVisionTools.builder(chat).photoFolder(faces.root).build();
    Assistant assistant = AiServices.builder(Assistant.class).chatModel(langChain4jOpenAi()).tools(tools).build();
    // The fake model calls a tool, then answers with the tool's result it was sent back.
    FakeOpenAiServer.Reply echoToolResult = (exchange, request) -> {
      JsonNode messages = request.get("messages");
      JsonNode last = messages.get(messages.size() - 1);
      assertThat(last.get("role").asText()).isEqualTo("tool");
      FakeOpenAiServer.text("Tool says: " + last.get("content").asText()).send(exchange, request);
    };
    int before = server.requests().size();

    server.enqueue(FakeOpenAiServer.toolCall("call_1", "whereIsPerson",
        "{\"name\":\"Joe Biden\",\"photo\":\"" + SCENE + "\"}")).enqueue(echoToolResult);
    assertThat(assistant.chat("Where is Joe Biden in " + SCENE + "?"))
        .startsWith("Tool says: Joe Biden is on the right of the photo");
    JsonNode first = server.requests().get(before);
    assertThat(first.get("tools")).extracting(t -> t.get("function").get("name").asText())
        .contains("whoIsInPhoto", "isPersonInPhoto", "whereIsPerson", "countPeopleInPhoto", "registeredPeople",
            "askAboutPhoto");
    JsonNode toolMessage = last(server.requests().get(before + 1));
    assertThat(toolMessage.get("tool_call_id").asText()).isEqualTo("call_1");

    server.enqueue(FakeOpenAiServer.toolCall("call_2", "whoIsInPhoto", "{\"photo\":\"" + SCENE + "\"}"))
        .enqueue(echoToolResult);
    assertThat(assistant.chat("Who is in " + SCENE + "?")).isEqualTo(
        "Tool says: Registered people in the photo, from left to right: Barack Obama (left), Joe Biden (right).");

    server.enqueue(FakeOpenAiServer.toolCall("call_3", "isPersonInPhoto",
        "{\"name\":\"Tony Blair\",\"photo\":\"" + SCENE + "\"}")).enqueue(echoToolResult);
    assertThat(assistant.chat("Is Tony Blair there?")).startsWith("Tool says: No, Tony Blair is not in the photo");

    server.enqueue(FakeOpenAiServer.toolCall("call_4", "isPersonInPhoto",
        "{\"name\":\"Joe Biden\",\"photo\":\"../../../../etc/passwd\"}")).enqueue(echoToolResult);
    assertThat(assistant.chat("Is Joe Biden in ../../../../etc/passwd?"))
        .isEqualTo("Tool says: Cannot use this photo: Photo paths must not contain '..'.");
  }

  @Test
  void each_tool_answers_from_recognition_and_explains_refusals() {
    PersonalizedChat chat = everyone();
    PersonalizedVisionTools tools = PersonalizedVisionTools.builder(chat).photoFolder(faces.root).build();
    assertThat(tools.registeredPeople()).startsWith("6 people are registered: ").contains("Joe Biden");
    assertThat(tools.countPeopleInPhoto(SCENE)).startsWith("2 faces in the photo; 2 of them are registered people: "
        + "Barack Obama, Joe Biden.");
    assertThat(tools.isPersonInPhoto("barack obama", SCENE)).isEqualTo("Yes, Barack Obama is in the photo, on the left.");
    assertThat(tools.isPersonInPhoto("Zara", SCENE)).startsWith("Nobody called 'Zara' is registered");
    assertThat(tools.isPersonInPhoto(" ", SCENE)).startsWith("No name was given");
    assertThat(tools.whoIsInPhoto("scenes/negative_no_people_cat.jpg")).satisfiesAnyOf(
        t -> assertThat(t).isEqualTo("No face was found in the photo, so nobody can be recognised."),
        t -> assertThat(t).endsWith("none of them was recognised as a registered person."));
    assertThat(tools.askAboutPhoto(SCENE, "Is Tony Blair in this photo?")).startsWith("[ANSWERED] No");
    assertThat(tools.askAboutPhoto(SCENE, "What is Zara holding?")).startsWith("[PERSON_UNKNOWN]");
    assertThat(tools.whereIsPerson("Joe Biden", "people/../scenes.json")).contains("'..'");
    assertThat(tools.whereIsPerson("Joe Biden", "scenes.json")).contains("not an image file");
    assertThat(tools.whereIsPerson("Joe Biden", "/etc/hostname")).contains("outside the photo folders");
  }

  @Test
  void a_streamed_in_context_answer_through_langchain4j_arrives_token_by_token() {
    List<String> deltas = List.of("Joe ", "Biden ", "is ", "holding ", "a ", "folder.");
    server.enqueue(FakeOpenAiServer.stream(deltas, 5));
    OpenAiStreamingChatModel streaming = OpenAiStreamingChatModel.builder().baseUrl(server.baseUrl())
        .apiKey("test-key").modelName("fake-vlm").timeout(Duration.ofSeconds(10)).build();
    try (PersonalizedChat chat = PersonalizedChat.builder().engine(engine)
        .inContext(LangChain4jVisionModel.of(langChain4jOpenAi(), streaming)).build()) {
      List<String> got = new ArrayList<>();
      Answer a = chat.ask(ImageInput.of(faces.root.resolve(SCENE)), "What is Joe Biden holding?", got::add);
      assertThat(got).containsExactlyElementsOf(deltas);
      assertThat(a.text()).isEqualTo("Joe Biden is holding a folder.");
      assertThat(a.usage()).isPresent();
    }
  }

  @Test
  void a_person_an_unrecognised_face_resembles_is_never_reported_absent() {
    // Every identity of the set, calibrated as pbench does; in this costume party of strangers some
    // face comes within the lookalike distance of a registered person.
    String party = "scenes/negative_halloween_group.jpg";
    PersonalizedChat.Builder b = PersonalizedChat.builder().engine(engine);
    faces.people(List.of()).values().forEach(b::person);
    try (PersonalizedChat all = b.build()) {
      PersonalizedVisionTools tools = PersonalizedVisionTools.builder(all).photoFolder(faces.root).build();
      SceneRecognition scene = all.recognize(ImageInput.of(faces.root.resolve(party)));
      List<String> names = all.people().stream().map(Person::name).toList();
      List<String> resembled = names.stream().filter(n -> !scene.lookalikes(n).isEmpty()).toList();
      List<String> ruledOut = names.stream().filter(n -> scene.find(n).isEmpty() && scene.lookalikes(n).isEmpty()).toList();
      assertThat(resembled).as("people a face in the costume party resembles").isNotEmpty();
      for (String n : resembled) {
        assertThat(tools.isPersonInPhoto(n, party)).startsWith("Cannot tell: " + n + " was not recognised")
            .contains("Do not say that " + n + " is absent.");
        assertThat(tools.whereIsPerson(n, party)).startsWith("Cannot tell: ");
        assertThat(all.ask(ImageInput.of(faces.root.resolve(party)), "Is " + n + " here?").text()).startsWith("I can't tell");
      }
      assertThat(ruledOut).isNotEmpty();
      assertThat(tools.isPersonInPhoto(ruledOut.get(0), party)).startsWith("No, " + ruledOut.get(0) + " is not in the photo");
    }
  }

  private static JsonNode last(JsonNode request) {
    JsonNode messages = request.get("messages");
    return messages.get(messages.size() - 1);
  }

  /** The scene's two people and four others, enrolled once for the tool tests. */
  private static synchronized PersonalizedChat everyone() {
    if (everyone != null) {
      return everyone;
    }
    PersonalizedChat.Builder b = PersonalizedChat.builder().engine(engine);
    // The scene's two people and four others from the same photo source (LFW-style portraits).
    faces.people(List.of("barack_obama", "joe_biden", "tony_blair", "george_w_bush", "colin_powell", "hugo_chavez"))
        .values().forEach(b::person);
    everyone = b.build();
    return everyone;
  }
}
