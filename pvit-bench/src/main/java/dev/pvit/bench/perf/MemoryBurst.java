package dev.pvit.bench.perf;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pvit.chat.PersonalizedChat;
import dev.pvit.face.FaceEngine;
import dev.pvit.image.ImageInput;
import dev.pvit.person.Person;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * One memory burst, run in its own JVM by {@link MemoryComparison} so that each allocator setting
 * (environment variables are read by glibc at process start) gets a fresh process: builds a
 * {@link PersonalizedChat} (embedded), warms it up, reads VmRSS, fires {@code calls} asks from
 * {@code threads} threads while sampling VmRSS every 20 ms, then runs a GC, idles and reads VmRSS
 * again. Prints one JSON line: rss before/peak/after (MB), latency p50/p95 (ms), wall time.
 *
 * <p>Arguments: {@code calls threads permits dataDir|-}. Scenes are the dev set's scene photos when
 * {@code dataDir} holds them (four people enrolled from its references), else the bundled 5-face photo.
 */
public final class MemoryBurst {
  private MemoryBurst() {}

  /**
   * Runs one burst.
   *
   * @param args calls, threads, permits (recognitions at once), data dir or "-"
   * @throws Exception if the burst cannot run
   */
  public static void main(String[] args) throws Exception {
    int calls = Integer.parseInt(args[0]);
    int threads = Integer.parseInt(args[1]);
    int permits = Integer.parseInt(args[2]);
    Path data = args[3].equals("-") ? null : Path.of(args[3]);
    List<ImageInput> scenes = new ArrayList<>();
    List<Person> people = new ArrayList<>();
    if (data != null && Files.isDirectory(data.resolve("scenes"))) {
      try (Stream<Path> s = Files.list(data.resolve("scenes"))) {
        s.filter(p -> p.toString().endsWith(".jpg")).sorted().forEach(p -> scenes.add(ImageInput.of(p)));
      }
      for (String name : List.of("barack_obama", "angelina_jolie", "sheldon", "penny")) {
        Path dir = data.resolve("people").resolve(name);
        if (Files.isDirectory(dir)) {
          try (Stream<Path> s = Files.list(dir)) {
            people.add(Person.of(name.replace('_', ' '), s.sorted().toArray(Path[]::new)));
          }
        }
      }
    }
    if (scenes.isEmpty()) {
      scenes.add(BenchInputs.fiveFaces());
    }
    List<String> questions = new ArrayList<>(List.of("Who is on the left?", "How many people are there?"));
    people.forEach(p -> questions.add("Is " + p.name() + " here?"));

    FaceEngine engine = FaceEngine.builder().attributes(true).maxConcurrentRecognitions(permits).build();
    PersonalizedChat.Builder builder = PersonalizedChat.builder().engine(engine);
    people.forEach(builder::person);
    try (engine; PersonalizedChat chat = builder.build()) {
      chat.ask(scenes.get(0), questions.get(0));
      System.gc();
      long before = rssKb();
      AtomicLong peak = new AtomicLong(before);
      Thread sampler = new Thread(() -> {
        while (!Thread.currentThread().isInterrupted()) {
          peak.accumulateAndGet(rssKb(), Math::max);
          try {
            Thread.sleep(20);
          } catch (InterruptedException e) {
            return;
          }
        }
      }, "rss-sampler");
      sampler.setDaemon(true);
      sampler.start();
      ExecutorService pool = Executors.newFixedThreadPool(threads);
      long[] latencies = new long[calls];
      List<Future<?>> futures = new ArrayList<>();
      long start = System.nanoTime();
      for (int i = 0; i < calls; i++) {
        int k = i;
        futures.add(pool.submit(() -> {
          long t = System.nanoTime();
          chat.ask(scenes.get(k % scenes.size()), questions.get(k % questions.size()));
          latencies[k] = System.nanoTime() - t;
        }));
      }
      for (Future<?> f : futures) {
        f.get();
      }
      double wall = (System.nanoTime() - start) / 1e9;
      pool.shutdown();
      pool.awaitTermination(10, TimeUnit.SECONDS);
      sampler.interrupt();
      sampler.join();
      peak.accumulateAndGet(rssKb(), Math::max);
      System.gc();
      Thread.sleep(5000);
      long after = rssKb();
      Arrays.sort(latencies);
      ObjectNode out = new ObjectMapper().createObjectNode()
          .put("calls", calls).put("threads", threads).put("permits", permits)
          .put("rssBeforeMb", before / 1024).put("rssPeakMb", peak.get() / 1024).put("rssAfterMb", after / 1024)
          .put("p50Ms", latencies[calls / 2] / 1_000_000).put("p95Ms", latencies[(int) (calls * 0.95)] / 1_000_000)
          .put("wallS", Math.round(wall * 10) / 10.0);
      System.out.println(out);
    }
  }

  /**
   * This process's resident set size.
   *
   * @return VmRSS in kB, or -1 where /proc is unavailable
   */
  static long rssKb() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("VmRSS:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", ""));
        }
      }
    } catch (IOException | RuntimeException e) {
      return -1;
    }
    return -1;
  }
}
