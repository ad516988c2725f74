package dev.pvit.face.internal;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.slf4j.ILoggerFactory;
import org.slf4j.LoggerFactory;

/**
 * Starts the PyTorch engine without DJL's start-up chatter in the application's log: on a CPU-only
 * machine that has a CUDA runtime but no usable driver, DJL warns twice that it "failed to detect
 * GPU count", and it logs four INFO lines (platform, optimizer, thread counts) on every start.
 *
 * <p>Only the loggers the application has not configured are quietened, only for the two bindings
 * whose per-logger levels can be read (slf4j-simple: a {@code org.slf4j.simpleLogger.log.*} system
 * property set only during the start, read when DJL creates its loggers; Logback: the level of a
 * logger that has none of its own), and the CUDA warning only when the natives on the class path are
 * a CPU build. Other bindings are left alone; configure {@code ai.djl} there.
 */
final class DjlQuiet {
  private static final String CUDA = "ai.djl.util.cuda.CudaUtils";
  private static final Map<String, String> INFO_LOGGERS =
      Map.of("ai.djl.util.Platform", "warn", "ai.djl.pytorch.engine.PtEngine", "warn");
  private static final String SIMPLE_PREFIX = "org.slf4j.simpleLogger.log.";

  private DjlQuiet() {}

  /**
   * Starts (or joins) the PyTorch engine and opens a base manager on it.
   *
   * @return a new base manager; the caller closes it
   */
  static NDManager startPyTorch() {
    Map<String, String> levels = new HashMap<>(INFO_LOGGERS);
    if (cpuNatives()) {
      levels.put(CUDA, "error");
    }
    List<String> scoped = new ArrayList<>();
    ILoggerFactory factory = LoggerFactory.getILoggerFactory();
    String binding = factory.getClass().getName();
    levels.forEach((logger, level) -> {
      if (binding.equals("org.slf4j.simple.SimpleLoggerFactory")) {
        String property = SIMPLE_PREFIX + logger;
        if (System.getProperty(property) == null && !configuredAbove(logger)) {
          System.setProperty(property, level);
          scoped.add(property);
        }
      } else if (binding.equals("ch.qos.logback.classic.LoggerContext")) {
        quietLogback(factory, logger, level);
      }
    });
    try {
      return Engine.getEngine("PyTorch").newBaseManager();
    } finally {
      scoped.forEach(System::clearProperty);
    }
  }

  /**
   * Whether the application set a level for a parent package of {@code logger} (e.g. ai.djl) or
   * asked for debugging output everywhere.
   */
  private static boolean configuredAbove(String logger) {
    String all = System.getProperty("org.slf4j.simpleLogger.defaultLogLevel", "");
    if (all.equalsIgnoreCase("debug") || all.equalsIgnoreCase("trace")) {
      return true;
    }
    for (int dot = logger.lastIndexOf('.'); dot > 0; dot = logger.lastIndexOf('.', dot - 1)) {
      if (System.getProperty(SIMPLE_PREFIX + logger.substring(0, dot)) != null) {
        return true;
      }
    }
    return false;
  }

  private static void quietLogback(ILoggerFactory factory, String name, String level) {
    try {
      Method exists = factory.getClass().getMethod("exists", String.class);
      for (String n = name; n.indexOf('.') > 0; n = n.substring(0, n.lastIndexOf('.'))) {
        Object existing = exists.invoke(factory, n);
        if (existing != null && existing.getClass().getMethod("getLevel").invoke(existing) != null) {
          return; // the application configured this logger or a package above it
        }
      }
      Object logger = factory.getLogger(name);
      Class<?> levelClass = Class.forName("ch.qos.logback.classic.Level", false, logger.getClass().getClassLoader());
      Object value = levelClass.getMethod("toLevel", String.class).invoke(null, level);
      logger.getClass().getMethod("setLevel", levelClass).invoke(logger, value);
    } catch (ReflectiveOperationException | RuntimeException e) {
      // A Logback we do not know: leave its configuration as it is.
    }
  }

  private static boolean cpuNatives() {
    try (InputStream in = DjlQuiet.class.getClassLoader().getResourceAsStream("native/lib/pytorch.properties")) {
      if (in == null) {
        return false;
      }
      Properties p = new Properties();
      p.load(in);
      return "cpu".equals(p.getProperty("flavor"));
    } catch (IOException e) {
      return false;
    }
  }
}
