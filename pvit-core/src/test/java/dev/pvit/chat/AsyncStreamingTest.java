package dev.pvit.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pvit.client.OpenAiCompatibleChatModel;
import dev.pvit.face.FaceEngine;
import dev.pvit.face.TestEngines;
import dev.pvit.image.ImageInput;
import dev.pvit.person.Person;
import dev.pvit.prompt.InvalidPromptException;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Asynchronous and streamed questions, and listener events, on the real chat pipeline with
 * deterministic face nets (Alice is a bright face in the middle of the scene) and a loopback fake
 * OpenAI-compatible server.
 */
class AsyncStreamingTest {
  private static final List<String> TOKENS = List.of("Alice ", "is ", "holding ", "a ", "red ", "cup.");

  private FakeModelServer server;
  private FaceEngine engine;
  private OpenAiCompatibleChatModel model;
  private ImageInput scene;
  private Person alice;

  @BeforeEach
  void setUp() throws IOException {
    server = new FakeModelServer();
    server.tokens = TOKENS;
    engine = TestEngines.fake();
    model = OpenAiCompatibleChatModel.builder().baseUrl(server.baseUrl()).model("fake-vlm").maxAttempts(1).build();
    scene = solid(new Color(250, 210, 200), "scene.jpg");
    alice = Person.of("Alice", solid(new Color(250, 210, 200), "alice.jpg"));
  }

  @AfterEach
  void tearDown() {
    model.close();
    engine.close();
    server.close();
  }

  private static ImageInput solid(Color colour, String name) {
    BufferedImage img = new BufferedImage(320, 240, BufferedImage.TYPE_3BYTE_BGR);
    Graphics2D g = img.createGraphics();
    g.setColor(colour);
    g.fillRect(0, 0, 320, 240);
    g.dispose();
    return ImageInput.of(img, name);
  }

  private PersonalizedChat.Builder grounded() {
    return PersonalizedChat.builder().engine(engine).person(alice).grounded(model);
  }

  @Test
  void grounded_mode_streams_the_model_tokens_in_order() {
    try (PersonalizedChat chat = grounded().build()) {
      List<String> got = new ArrayList<>();
      Answer a = chat.ask(scene, "What is Alice holding?", got::add);
      assertThat(got).containsExactlyElementsOf(TOKENS);
      assertThat(a.text()).isEqualTo(String.join("", TOKENS));
      assertThat(a.kind()).isEqualTo(AnswerKind.ANSWERED);
      assertThat(a.usage()).get().extracting(u -> u.completionTokens()).isEqualTo(TOKENS.size());
      assertThat(server.requests.get(0).get("stream").asBoolean()).isTrue();
    }
  }

  @Test
  void in_context_mode_streams_the_model_tokens_asynchronously() throws Exception {
    try (PersonalizedChat chat = PersonalizedChat.builder().engine(engine).person(alice).inContext(model).build()) {
      List<String> got = Collections.synchronizedList(new ArrayList<>());
      Answer a = chat.askAsync(scene, "What is Alice holding?", got::add).get(10, TimeUnit.SECONDS);
      assertThat(got).containsExactlyElementsOf(TOKENS);
      assertThat(a.text()).isEqualTo(String.join("", TOKENS));
      assertThat(a.backend()).isEqualTo(Backend.IN_CONTEXT);
    }
  }

  @Test
  void local_answers_arrive_as_one_chunk_without_a_model_call() {
    try (PersonalizedChat chat = grounded().build()) {
      List<String> got = new ArrayList<>();
      Answer here = chat.ask(scene, "Is Alice here?", got::add);
      assertThat(here.text()).startsWith("Yes, Alice is in this photo");
      assertThat(got).containsExactly(here.text());
      got.clear();
      Answer unknown = chat.ask(scene, "What is Zara holding?", got::add);
      assertThat(unknown.kind()).isEqualTo(AnswerKind.PERSON_UNKNOWN);
      assertThat(got).containsExactly(unknown.text());
      assertThat(server.requests).isEmpty();
    }
    try (PersonalizedChat embedded = PersonalizedChat.builder().engine(engine).person(alice).build()) {
      List<String> got = new ArrayList<>();
      Answer a = embedded.ask(scene, "Who is in this photo?", got::add);
      assertThat(got).containsExactly(a.text());
    }
  }

  @Test
  void cancelling_an_async_stream_stops_delivery_and_the_model_call() throws Exception {
    server.tokens = java.util.stream.IntStream.range(0, 200).mapToObj(i -> "t" + i + " ").toList();
    server.pauseMillis = 20;
    try (PersonalizedChat chat = grounded().build()) {
      List<String> got = Collections.synchronizedList(new ArrayList<>());
      CountDownLatch two = new CountDownLatch(2);
      CompletableFuture<Answer> f = chat.askAsync(scene, "What is Alice holding?", t -> {
        got.add(t);
        two.countDown();
      });
      assertThat(two.await(10, TimeUnit.SECONDS)).isTrue();
      assertThat(f.cancel(true)).isTrue();
      int atCancel = got.size();
      Thread.sleep(500);
      assertThat(got).as("no token after cancel returned").hasSize(atCancel);
      assertThat(f).isCancelled();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (server.streamsBroken.get() == 0 && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      assertThat(server.streamsBroken.get()).as("the server saw the connection dropped").isEqualTo(1);
      assertThat(server.chunksWritten.get()).isLessThan(200);
    }
  }

  @Test
  void a_throwing_token_listener_aborts_a_blocking_stream() throws Exception {
    server.tokens = java.util.stream.IntStream.range(0, 200).mapToObj(i -> "t" + i + " ").toList();
    server.pauseMillis = 10;
    try (PersonalizedChat chat = grounded().build()) {
      List<String> got = new ArrayList<>();
      assertThatThrownBy(() -> chat.ask(scene, "What is Alice holding?", t -> {
        got.add(t);
        if (got.size() == 3) {
          throw new IllegalStateException("user closed the window");
        }
      })).isInstanceOf(IllegalStateException.class);
      assertThat(got).hasSize(3);
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (server.streamsBroken.get() == 0 && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      assertThat(server.streamsBroken.get()).isEqualTo(1);
    }
  }

  @Test
  void a_saturated_executor_refuses_with_a_retriable_busy_error() throws Exception {
    server.delayMillis = 700;
    ThreadPoolExecutor one = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(1));
    try (PersonalizedChat chat = grounded().executor(one).build()) {
      CompletableFuture<Answer> running = chat.askAsync(scene, "What is Alice holding?");
      CompletableFuture<Answer> queued = chat.askAsync(scene, "What is Alice wearing?");
      CompletableFuture<Answer> refused = chat.askAsync(scene, "What is Alice eating?");
      assertThat(refused).isCompletedExceptionally();
      assertThatThrownBy(refused::join).hasCauseInstanceOf(ChatBusyException.class)
          .cause().satisfies(e -> assertThat(((ChatBusyException) e).isRetriable()).isTrue());
      assertThat(running.get(10, TimeUnit.SECONDS).text()).isEqualTo(String.join("", TOKENS));
      assertThat(queued.get(10, TimeUnit.SECONDS).kind()).isEqualTo(AnswerKind.ANSWERED);
    } finally {
      one.shutdownNow();
    }
  }

  @Test
  void a_timeout_stops_the_work_and_frees_the_worker() throws Exception {
    server.delayMillis = 4000;
    ThreadPoolExecutor one = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(4));
    try (PersonalizedChat chat = grounded().executor(one).build()) {
      CompletableFuture<Answer> slow = chat.askAsync(scene, "What is Alice holding?").orTimeout(300, TimeUnit.MILLISECONDS);
      assertThatThrownBy(() -> slow.get(5, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
          .hasCauseInstanceOf(TimeoutException.class);
      long start = System.nanoTime();
      // The single worker was interrupted out of the slow model call: a local answer comes at once.
      Answer next = chat.askAsync(scene, "Is Alice here?").get(3, TimeUnit.SECONDS);
      assertThat(next.text()).startsWith("Yes, Alice");
      assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isLessThan(3000);
    } finally {
      one.shutdownNow();
    }
  }

  @Test
  void closing_the_chat_cancels_pending_questions_and_refuses_new_ones() throws Exception {
    server.delayMillis = 3000;
    PersonalizedChat chat = grounded().build();
    CompletableFuture<Answer> pending = chat.askAsync(scene, "What is Alice holding?");
    chat.close();
    assertThat(pending).isCancelled();
    assertThatThrownBy(() -> chat.askAsync(scene, "Is Alice here?").join())
        .hasCauseInstanceOf(ChatBusyException.class).hasMessageContaining("closed");
  }

  @Test
  void a_conversation_answers_async_turns_in_order_and_streams() throws Exception {
    try (PersonalizedChat chat = grounded().build()) {
      Conversation c = chat.conversation();
      CompletableFuture<Answer> first = c.askAsync(scene, "Is Alice here?");
      CompletableFuture<Answer> second = c.askAsync("What is she holding?");
      List<String> got = Collections.synchronizedList(new ArrayList<>());
      CompletableFuture<Answer> third = c.askAsync("Where is Alice?", got::add);
      third.get(10, TimeUnit.SECONDS);
      assertThat(c.history()).extracting(Conversation.Turn::question)
          .containsExactly("Is Alice here?", "What is she holding?", "Where is Alice?");
      assertThat(second.join().text()).isEqualTo(String.join("", TOKENS));
      assertThat(first.join().text()).startsWith("Yes, Alice");
      assertThat(got).containsExactly(third.join().text());
      List<String> streamed = new ArrayList<>();
      c.ask("What is Alice holding?", streamed::add);
      assertThat(streamed).containsExactlyElementsOf(TOKENS);
      assertThatThrownBy(() -> chat.conversation().askAsync("Is Alice here?").join())
          .hasCauseInstanceOf(IllegalStateException.class);
    }
  }

  @Test
  void the_listener_sees_requests_answers_and_errors_without_personal_data() {
    List<Object> events = Collections.synchronizedList(new ArrayList<>());
    ChatListener listener = new ChatListener() {
      @Override
      public void onRequest(Requested event) {
        events.add(event);
      }

      @Override
      public void onAnswer(Answered event) {
        events.add(event);
      }

      @Override
      public void onError(Failed event) {
        events.add(event);
      }
    };
    try (PersonalizedChat chat = grounded().listener(listener).build()) {
      chat.ask(scene, "What is Alice holding?");
      chat.ask(scene, "Is Alice here?");
      assertThatThrownBy(() -> chat.ask(scene, "   ")).isInstanceOf(InvalidPromptException.class);
    }
    assertThat(events).hasSize(6);
    ChatListener.Requested req = (ChatListener.Requested) events.get(0);
    ChatListener.Answered model = (ChatListener.Answered) events.get(1);
    assertThat(model.id()).isEqualTo(req.id());
    assertThat(model.backend()).isEqualTo(Backend.GROUNDED);
    assertThat(model.kind()).isEqualTo(AnswerKind.ANSWERED);
    assertThat(model.intent()).isNotNull();
    assertThat(model.usage()).get().extracting(u -> u.totalTokens()).isEqualTo(907);
    assertThat(model.modelTime()).isPositive();
    assertThat(model.total()).isGreaterThanOrEqualTo(model.modelTime());
    assertThat(model.facesDetected()).isEqualTo(1);
    assertThat(model.peopleRecognized()).isEqualTo(1);
    ChatListener.Answered local = (ChatListener.Answered) events.get(3);
    assertThat(local.intent()).isEqualTo(Intent.PRESENCE);
    assertThat(local.usage()).isEmpty();
    ChatListener.Failed failed = (ChatListener.Failed) events.get(5);
    assertThat(failed.errorType()).isEqualTo(InvalidPromptException.class.getName());
    assertThat(failed.retriable()).isFalse();
    assertThat(events).allSatisfy(e -> assertThat(e.toString()).doesNotContain("Alice").doesNotContain("base64"));
  }

  @Test
  void question_text_is_reported_only_on_opt_in_and_a_throwing_listener_changes_nothing() {
    List<ChatListener.Answered> answers = new ArrayList<>();
    ChatListener listener = new ChatListener() {
      @Override
      public void onRequest(Requested event) {
        throw new IllegalStateException("broken metrics backend");
      }

      @Override
      public void onAnswer(Answered event) {
        answers.add(event);
      }
    };
    try (PersonalizedChat chat = grounded().listener(listener).listenerQuestionText(true).build()) {
      Answer a = chat.ask(scene, "Is Alice here?");
      assertThat(a.text()).startsWith("Yes, Alice");
    }
    assertThat(answers).singleElement().extracting(e -> e.question().orElseThrow()).isEqualTo("Is Alice here?");
  }
}
