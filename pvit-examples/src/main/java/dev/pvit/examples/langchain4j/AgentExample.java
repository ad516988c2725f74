package dev.pvit.examples.langchain4j;

import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.service.AiServices;
import dev.pvit.chat.Answer;
import dev.pvit.chat.PersonalizedChat;
import dev.pvit.langchain4j.LangChain4jVisionModel;
import dev.pvit.langchain4j.PersonalizedVisionTools;
import dev.pvit.person.Person;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * LangChain4j both ways, kept compiling (the README's "LangChain4j" snippets are these methods'
 * bodies): any LangChain4j {@link ChatModel} as the vision model of the grounded mode, and a
 * LangChain4j agent that answers questions about registered people with PVIT's tools.
 *
 * <p>Run it against any OpenAI-compatible server (a vision model is needed for the grounded answer):
 * <pre>{@code
 * OPENAI_BASE_URL=http://localhost:8000/v1 OPENAI_MODEL=Qwen/Qwen2.5-VL-7B-Instruct \
 *   java -cp 'pvit-examples/target/pvit.jar' dev.pvit.examples.langchain4j.AgentExample \
 *   PEOPLE_DIR PHOTO_DIR SCENE "Is Alice in SCENE?"
 * }</pre>
 * {@code PEOPLE_DIR/<name>/*.jpg} are the people's reference photos; {@code SCENE} is a photo inside
 * {@code PHOTO_DIR}, the only folder the agent's tool calls may read.
 */
public final class AgentExample {
  private AgentExample() {}

  /** The agent's interface; LangChain4j implements it. */
  interface Assistant {
    String chat(String message);
  }

  /**
   * Registers the people, asks the grounded mode about the scene, then asks the agent.
   *
   * @param args people folder, photo folder, scene (inside the photo folder), question for the agent
   */
  public static void main(String[] args) {
    if (args.length != 4) {
      System.err.println("usage: AgentExample PEOPLE_DIR PHOTO_DIR SCENE QUESTION");
      System.exit(2);
    }
    ChatModel model = OpenAiChatModel.builder()
        .baseUrl(Objects.requireNonNullElse(System.getenv("OPENAI_BASE_URL"), "https://api.openai.com/v1"))
        .apiKey(Objects.requireNonNullElse(System.getenv("OPENAI_API_KEY"), "none"))
        .modelName(Objects.requireNonNullElse(System.getenv("OPENAI_MODEL"), "gpt-4o-mini"))
        .build();
    List<Person> people = people(Path.of(args[0]));
    Path photos = Path.of(args[1]);
    System.out.println("Grounded answer: " + backend(model, people.get(0), photos.resolve(args[2])).text());
    try (PersonalizedChat chat = builder(people).build()) {
      System.out.println("Agent: " + agent(model, chat, photos, args[3]));
    }
  }

  /**
   * A LangChain4j model as the grounded mode's vision model.
   *
   * @param model any LangChain4j chat model with vision
   * @param alice a person to register
   * @param scene the photo
   * @return the answer
   */
  static Answer backend(ChatModel model, Person alice, Path scene) {
    // README-BACKEND-START
    // model: any LangChain4j ChatModel (OpenAI, Azure, Gemini, Anthropic, Bedrock, Mistral, Ollama, ...)
    try (PersonalizedChat chat = PersonalizedChat.builder()
            .person(alice)
            .grounded(LangChain4jVisionModel.of(model))
            .build()) {
      return chat.ask(scene, "What is " + alice.name() + " holding?");
    }
    // README-BACKEND-END
  }

  /**
   * A LangChain4j agent with PVIT's tools.
   *
   * @param model the agent's LangChain4j chat model (tool calling needed, vision not)
   * @param chat the chat whose people the tools recognise
   * @param photos the only folder the tools may read photos from
   * @param question the user's question
   * @return the agent's reply
   */
  static String agent(ChatModel model, PersonalizedChat chat, Path photos, String question) {
    // README-TOOLS-START
    // interface Assistant { String chat(String message); }
    PersonalizedVisionTools tools = PersonalizedVisionTools.builder(chat)
        .photoFolder(photos)       // tool calls may read photos here and nowhere else
        .build();
    Assistant assistant = AiServices.builder(Assistant.class)
        .chatModel(model)
        .tools(tools)              // whoIsInPhoto, isPersonInPhoto, whereIsPerson, countPeopleInPhoto, ...
        .build();
    return assistant.chat(question);   // e.g. "Is Grandma in 2024/beach.jpg?"
    // README-TOOLS-END
  }

  private static PersonalizedChat.Builder builder(List<Person> people) {
    PersonalizedChat.Builder b = PersonalizedChat.builder();
    people.forEach(b::person);
    return b;
  }

  /** {@code dir/<name>/*.jpg|png}: one person per subfolder, named by the folder. */
  private static List<Person> people(Path dir) {
    try (Stream<Path> folders = Files.list(dir)) {
      return folders.filter(Files::isDirectory).sorted().map(folder -> {
        try (Stream<Path> files = Files.list(folder)) {
          Path[] refs = files.filter(f -> f.getFileName().toString().matches("(?i).*\\.(jpe?g|png)")).sorted()
              .toArray(Path[]::new);
          return Person.of(folder.getFileName().toString(), refs);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
