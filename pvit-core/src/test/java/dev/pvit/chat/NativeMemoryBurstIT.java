package dev.pvit.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.pvit.face.FaceEngine;
import dev.pvit.image.ImageInput;
import dev.pvit.person.Person;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Resident memory comes back after a burst of concurrent asks on the real engine, with the
 * allocator settings the launcher uses ({@code scripts/launch.sh}) and the engine's default
 * recognition permits. Runs in a child JVM because glibc reads its settings at process start.
 */
class NativeMemoryBurstIT {
  /** The launcher's allocator settings (keep in sync with scripts/launch.sh). */
  static final List<String> LAUNCHER_ENV = List.of(
      "MALLOC_ARENA_MAX=2", "MALLOC_MMAP_THRESHOLD_=1073741824", "MALLOC_TRIM_THRESHOLD_=134217728");
  static final List<String> LAUNCHER_JVM = List.of("-XX:+UnlockExperimentalVMOptions", "-XX:TrimNativeHeapInterval=1000");
  /** How far above its pre-burst value resident memory may stay once the burst is over. */
  static final long BOUND_MB = 400;

  @Test
  void resident_memory_returns_near_its_pre_burst_value_after_a_burst_of_concurrent_asks() throws Exception {
    Path faces = Path.of(System.getProperty("shared.dir", "../shared"), "data", "faces");
    assumeTrue(Files.isDirectory(faces.resolve("scenes")), "the shared photo set is absent");
    assumeTrue(Files.isReadable(Path.of("/proc/self/status")), "needs Linux /proc");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> cmd = new ArrayList<>(List.of(java, "-Xmx512m", "-Dai.djl.offline=true"));
    cmd.addAll(LAUNCHER_JVM);
    cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), Burst.class.getName(), faces.toString()));
    Path stdout = Files.createTempFile("memory-burst", ".txt");
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD)
        .redirectOutput(stdout.toFile());
    pb.environment().keySet().removeIf(k -> k.startsWith("MALLOC_"));
    LAUNCHER_ENV.forEach(kv -> pb.environment().put(kv.split("=")[0], kv.split("=")[1]));
    pb.environment().put("OMP_NUM_THREADS", "1");
    Process p = pb.start();
    boolean finished = p.waitFor(180, TimeUnit.SECONDS);
    if (!finished) {
      p.destroyForcibly();
    }
    String out = Files.readString(stdout, StandardCharsets.UTF_8);
    Files.delete(stdout);
    assertThat(finished).as("the burst ends within 180 s (about 30 s on an idle 2-core machine)").isTrue();
    assertThat(p.exitValue()).as(out).isZero();
    String[] last = out.strip().lines().reduce((a, b) -> b).orElseThrow().split(" ");
    long before = Long.parseLong(last[0]);
    long peak = Long.parseLong(last[1]);
    long after = Long.parseLong(last[2]);
    assertThat(peak).as("the burst did allocate").isGreaterThan(before);
    assertThat(after).as("RSS MB before %d, peak %d, after %d", before, peak, after).isLessThan(before + BOUND_MB);
  }

  /** The child: 48 asks from 8 threads; prints "before peak after" RSS in MB. */
  public static final class Burst {
    public static void main(String[] args) throws Exception {
      Path faces = Path.of(args[0]);
      List<ImageInput> scenes = new ArrayList<>();
      try (Stream<Path> s = Files.list(faces.resolve("scenes"))) {
        s.filter(f -> f.toString().endsWith(".jpg")).sorted().forEach(f -> scenes.add(ImageInput.of(f)));
      }
      List<Path> refs;
      try (Stream<Path> s = Files.list(faces.resolve("people").resolve("barack_obama"))) {
        refs = s.sorted().toList();
      }
      try (FaceEngine engine = FaceEngine.builder().attributes(true).build();
          PersonalizedChat chat = PersonalizedChat.builder().engine(engine)
              .person(Person.of("Barack Obama", refs.toArray(Path[]::new))).build()) {
        for (int i = 0; i < 4; i++) {
          chat.ask(scenes.get(i % scenes.size()), "Who is on the left?");
        }
        System.gc();
        Thread.sleep(2000);
        long before = rssMb();
        long[] peak = {before};
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<Answer>> answers = new ArrayList<>();
        for (int i = 0; i < 48; i++) {
          ImageInput scene = scenes.get(i % scenes.size());
          answers.add(pool.submit(() -> chat.ask(scene, "Is Barack Obama here?")));
        }
        while (!answers.stream().allMatch(Future::isDone)) {
          peak[0] = Math.max(peak[0], rssMb());
          Thread.sleep(20);
        }
        for (Future<Answer> a : answers) {
          a.get();
        }
        pool.shutdown();
        System.gc();
        Thread.sleep(4000);
        System.out.println(before + " " + peak[0] + " " + rssMb());
      }
    }

    private static long rssMb() throws IOException {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("VmRSS:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
        }
      }
      throw new IOException("no VmRSS");
    }
  }
}
