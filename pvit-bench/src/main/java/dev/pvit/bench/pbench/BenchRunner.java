package dev.pvit.bench.pbench;

import dev.pvit.PvitException;
import dev.pvit.chat.Answer;
import dev.pvit.image.ImageInput;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks every question, scene by scene, and judges the answers. A failing question (e.g. a model
 * server error after retries) is scored wrong and the run goes on.
 *
 * <pre>{@code
 * Judge judge = new Judge(NameFinder.of(allNames));
 * List<Judgement> js = BenchRunner.run(questions, file -> ImageInput.of(set.resolve(file)), answerer, judge, j -> {});
 * }</pre>
 */
public final class BenchRunner {
  private static final Logger LOG = LoggerFactory.getLogger(BenchRunner.class);

  private BenchRunner() {}

  /**
   * Runs the questions.
   *
   * @param questions the questions
   * @param images loads a scene by its file name
   * @param answerer the backend
   * @param judge scores the answers
   * @param progress called after every judged question
   * @return the judgements, in question order
   */
  public static List<Judgement> run(List<Question> questions, Function<String, ImageInput> images,
      Answerer answerer, Judge judge, Consumer<Judgement> progress) {
    Map<String, List<Question>> byScene = new LinkedHashMap<>();
    for (Question q : questions) {
      byScene.computeIfAbsent(q.scene(), k -> new ArrayList<>()).add(q);
    }
    Map<String, Judgement> judged = new LinkedHashMap<>();
    for (Map.Entry<String, List<Question>> e : byScene.entrySet()) {
      Answerer.Session session = null;
      for (Question q : e.getValue()) {
        long start = System.nanoTime();
        Judgement j;
        try {
          if (session == null) {
            session = answerer.scene(images.apply(e.getKey()));
          }
          Answer a = session.ask(q.text());
          j = judge.judge(q, a, (System.nanoTime() - start) / 1_000_000);
        } catch (PvitException ex) {
          LOG.warn("Question {} about {} failed: {}", q.id(), q.scene(), ex.getMessage());
          j = judge.failed(q, ex.getMessage(), (System.nanoTime() - start) / 1_000_000);
        }
        judged.put(q.id(), j);
        progress.accept(j);
      }
    }
    List<Judgement> out = new ArrayList<>(questions.size());
    for (Question q : questions) {
      out.add(judged.get(q.id()));
    }
    return out;
  }
}
