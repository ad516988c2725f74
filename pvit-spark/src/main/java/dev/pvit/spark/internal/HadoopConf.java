package dev.pvit.spark.internal;

import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import org.apache.hadoop.conf.Configuration;

/**
 * A Hadoop configuration that Java serialisation can ship to executors (Hadoop's own class is only
 * {@code Writable}), so executors reach the same file systems with the driver's credentials and
 * connector settings.
 */
public final class HadoopConf implements Serializable {
  private static final long serialVersionUID = 1L;

  private transient Configuration conf;

  /**
   * Wraps a configuration (not copied; do not change it afterwards).
   *
   * @param conf the configuration
   */
  public HadoopConf(Configuration conf) {
    this.conf = conf;
  }

  /**
   * The configuration.
   *
   * @return the configuration
   */
  public Configuration get() {
    return conf;
  }

  private void writeObject(ObjectOutputStream out) throws IOException {
    out.defaultWriteObject();
    conf.write(out);
  }

  private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
    in.defaultReadObject();
    conf = new Configuration(false);
    conf.readFields(in);
  }
}
