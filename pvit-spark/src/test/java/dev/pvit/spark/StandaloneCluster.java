package dev.pvit.spark;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.launcher.JavaModuleOptions;

/**
 * A Spark standalone cluster on this machine for tests: one master and N one-core workers, each a
 * separate JVM started from the test classpath, bound to 127.0.0.1 on free ports, with its own work
 * folder. Executors are launched by the workers with the test classpath as
 * {@code spark.executor.extraClassPath} (see {@link #executorClassPath()}). {@link #close()} stops
 * every process it started (executors included) within a bounded time.
 */
final class StandaloneCluster implements AutoCloseable {
  /** Generous: on a loaded 2-core machine, starting the three JVMs alone was measured at 70-95 s. */
  private static final Duration START_TIMEOUT = Duration.ofSeconds(240);
  private static final Pattern ALIVE_WORKERS = Pattern.compile("\"aliveworkers\"\\s*:\\s*(\\d+)");

  private final Path dir;
  private final int masterPort;
  private final int masterUiPort;
  private final Process master;
  private final List<Process> workers = new ArrayList<>();

  private StandaloneCluster(Path dir) throws IOException {
    this.dir = dir;
    this.masterPort = freePort();
    this.masterUiPort = freePort();
    this.master = start("master", List.of("org.apache.spark.deploy.master.Master", "--host", "127.0.0.1",
        "--port", Integer.toString(masterPort), "--webui-port", Integer.toString(masterUiPort)));
  }

  /**
   * Starts a master and workers and waits until every worker has registered.
   *
   * @param dir a scratch folder (logs, work folders, a Spark home without jars)
   * @param workerCount how many workers
   * @param workerMemory memory each worker offers to executors, e.g. {@code "1500m"}
   * @return the running cluster
   */
  static StandaloneCluster start(Path dir, int workerCount, String workerMemory) throws Exception {
    Files.createDirectories(dir.resolve("spark-home/jars"));
    StandaloneCluster cluster = new StandaloneCluster(dir);
    try {
      for (int i = 0; i < workerCount; i++) {
        Path work = Files.createDirectories(dir.resolve("work-" + i));
        cluster.workers.add(cluster.start("worker-" + i, List.of("org.apache.spark.deploy.worker.Worker",
            "--host", "127.0.0.1", "--port", Integer.toString(freePort()),
            "--webui-port", Integer.toString(freePort()), "--cores", "1", "--memory", workerMemory,
            "--work-dir", work.toString(), cluster.masterUrl())));
      }
      cluster.awaitWorkers(workerCount);
      return cluster;
    } catch (Exception | Error e) {
      cluster.close();
      throw e;
    }
  }

  /** The URL to submit to. */
  String masterUrl() {
    return "spark://127.0.0.1:" + masterPort;
  }

  /** The test classpath, for executors started by the workers. */
  static String executorClassPath() {
    String cp = System.getProperty("surefire.test.class.path");
    return cp != null && !cp.isBlank() ? cp : System.getProperty("java.class.path");
  }

  /** Kills a worker and the executors it started, as if its machine died. */
  void killWorker(int i) throws InterruptedException {
    kill(workers.get(i), 0);
  }

  private Process start(String name, List<String> mainAndArgs) throws IOException {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-Xmx256m");
    // Master and workers only pass messages: spare the shared cores their JIT and GC threads.
    cmd.add("-XX:TieredStopAtLevel=1");
    cmd.add("-XX:+UseSerialGC");
    cmd.addAll(Arrays.asList(JavaModuleOptions.defaultModuleOptionArray()));
    cmd.add("-cp");
    cmd.add(executorClassPath());
    cmd.addAll(mainAndArgs);
    ProcessBuilder pb = new ProcessBuilder(cmd);
    Map<String, String> env = pb.environment();
    env.put("SPARK_LOCAL_IP", "127.0.0.1");
    // Workers build executor command lines from SPARK_HOME; an empty jars folder there makes the
    // executors' classpath exactly spark.executor.extraClassPath.
    env.put("SPARK_HOME", dir.resolve("spark-home").toString());
    env.put("SPARK_SCALA_VERSION", "2.13");
    env.put("OMP_NUM_THREADS", "1");
    env.put("OPT_OUT_TRACKING", "true");
    File log = dir.resolve(name + ".log").toFile();
    pb.redirectErrorStream(true).redirectOutput(log);
    return pb.start();
  }

  private void awaitWorkers(int count) throws Exception {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    int alive = 0;
    while (System.nanoTime() < deadline) {
      if (!master.isAlive()) {
        throw new IllegalStateException("Spark master exited; see " + dir.resolve("master.log"));
      }
      try {
        String json = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + masterUiPort + "/json/"))
            .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString()).body();
        Matcher m = ALIVE_WORKERS.matcher(json);
        alive = m.find() ? Integer.parseInt(m.group(1)) : 0;
        if (alive >= count) {
          return;
        }
      } catch (IOException e) {
        // Master's web UI not up yet.
      }
      Thread.sleep(250);
    }
    throw new IllegalStateException(alive + " of " + count + " workers registered within " + START_TIMEOUT
        + "; see the logs in " + dir);
  }

  @Override
  public void close() throws InterruptedException {
    for (Process w : workers) {
      kill(w, 10);
    }
    kill(master, 10);
  }

  /** Stops a process and its descendants: politely for up to {@code graceSeconds}, then by force. */
  private static void kill(Process p, int graceSeconds) throws InterruptedException {
    List<ProcessHandle> children = p.descendants().toList();
    if (graceSeconds > 0) {
      p.destroy();
      p.waitFor(graceSeconds, TimeUnit.SECONDS);
    }
    p.destroyForcibly();
    for (ProcessHandle c : children) {
      c.destroyForcibly();
    }
    p.waitFor(10, TimeUnit.SECONDS);
    for (ProcessHandle c : children) {
      c.onExit().completeOnTimeout(c, 10, TimeUnit.SECONDS).join();
    }
  }

  private static int freePort() {
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
