package dev.pvit.spark.internal;

import java.io.Serializable;

/**
 * One photo of a run: the key the local pipeline would give it (its path relative to the input
 * folder, {@code /}-separated), its Hadoop path and its version ({@code size:mtimeMillis}).
 *
 * @param key relative path
 * @param path fully qualified Hadoop path
 * @param version size and modification time
 */
public record InputItem(String key, String path, String version) implements Serializable {
  private static final long serialVersionUID = 1L;
}
