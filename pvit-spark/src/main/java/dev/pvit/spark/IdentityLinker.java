package dev.pvit.spark;

import static com.google.common.base.Preconditions.checkArgument;

import dev.pvit.face.FaceDescriptor;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.storage.StorageLevel;
import scala.Tuple2;

/**
 * Links faces of the same person across photos, which the local pipeline leaves out: a person seen
 * in several photos can then get a reference from another photo of theirs (PVIT's
 * concatenated-person data). Distributed in three steps:
 *
 * <ol>
 *   <li>every face descriptor is hashed into {@code tables} buckets by Euclidean locality-sensitive
 *       hashing ({@code hashesPerTable} random projections {@code floor((a·v + b) / bucketWidth)}
 *       per table), so faces closer than the threshold share a bucket with high probability;
 *   <li>a shuffle groups faces by bucket, and inside each bucket exact descriptor distances below
 *       {@code threshold} become links;
 *   <li>the links (few: only same-person pairs) are joined on the driver by union-find; every face
 *       gets its cluster's smallest face id.
 * </ol>
 *
 * <p>The hashing only proposes candidates; every link is an exact distance check, so LSH can lose
 * links (recall) but never invent them. Linking is transitive, so one wrong link merges two people:
 * keep the threshold at or below the engine's same-person distance (0.6).
 *
 * <pre>{@code
 * JavaRDD<CuratedPhoto> photos = PvitSpark.curate(spark, options);
 * JavaRDD<FaceIdentity> ids = IdentityLinker.builder().seed(7).build().link(photos);
 * }</pre>
 */
public final class IdentityLinker implements Serializable {
  private static final long serialVersionUID = 1L;

  private final double threshold;
  private final int tables;
  private final int hashesPerTable;
  private final double bucketWidth;
  private final long seed;

  private IdentityLinker(Builder b) {
    this.threshold = b.threshold;
    this.tables = b.tables;
    this.hashesPerTable = b.hashesPerTable;
    this.bucketWidth = b.bucketWidth;
    this.seed = b.seed;
  }

  /**
   * A builder with defaults measured on the shared dev set: threshold 0.6, 12 tables of 4 hashes,
   * bucket width 1.0.
   *
   * @return the builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** A face with its descriptor, as shuffled. */
  private record Face(String photoKey, int person, float[] v) implements Serializable {
    private static final long serialVersionUID = 1L;

    String id() {
      return photoKey + "#" + person;
    }
  }

  /**
   * Links the faces of curated photos. Evaluates {@code photos} once (its faces are persisted).
   *
   * @param photos curated photos, e.g. from {@link PvitSpark#curate}
   * @return one identity per face with a descriptor
   */
  public JavaRDD<FaceIdentity> link(JavaRDD<CuratedPhoto> photos) {
    JavaRDD<Face> faces = photos.flatMap(p -> {
      List<Face> out = new ArrayList<>();
      for (int i = 0; i < p.people().size(); i++) {
        float[] v = p.people().get(i).descriptor();
        if (v.length == FaceDescriptor.LENGTH) {
          out.add(new Face(p.key(), i, v));
        }
      }
      return out.iterator();
    }).persist(StorageLevel.MEMORY_AND_DISK());
    IdentityLinker self = this;
    List<Tuple2<String, String>> links = faces
        .flatMapToPair(f -> self.buckets(f).stream().map(b -> new Tuple2<>(b, f)).iterator())
        .groupByKey()
        .flatMap(bucket -> self.linksIn(bucket._2()).iterator())
        .distinct()
        .collect();
    Map<String, String> roots = unionFind(links);
    Broadcast<Map<String, String>> linked = JavaSparkContext.fromSparkContext(photos.context()).broadcast(roots);
    return faces.map(f -> new FaceIdentity(f.photoKey(), f.person(), linked.value().getOrDefault(f.id(), f.id())));
  }

  /** The bucket keys of a face, one per table. */
  private List<String> buckets(Face f) {
    Random r = new Random(seed);
    List<String> keys = new ArrayList<>(tables);
    for (int t = 0; t < tables; t++) {
      StringBuilder key = new StringBuilder().append(t);
      for (int h = 0; h < hashesPerTable; h++) {
        double dot = 0;
        for (float x : f.v()) {
          dot += x * r.nextGaussian();
        }
        double offset = r.nextDouble() * bucketWidth;
        key.append(':').append((long) Math.floor((dot + offset) / bucketWidth));
      }
      keys.add(key.toString());
    }
    return keys;
  }

  private List<Tuple2<String, String>> linksIn(Iterable<Face> bucket) {
    List<Face> faces = new ArrayList<>();
    bucket.forEach(faces::add);
    List<Tuple2<String, String>> out = new ArrayList<>();
    for (int i = 0; i < faces.size(); i++) {
      for (int j = i + 1; j < faces.size(); j++) {
        Face a = faces.get(i);
        Face b = faces.get(j);
        if (!a.photoKey().equals(b.photoKey()) && distance(a.v(), b.v()) < threshold) {
          String x = a.id();
          String y = b.id();
          out.add(x.compareTo(y) < 0 ? new Tuple2<>(x, y) : new Tuple2<>(y, x));
        }
      }
    }
    return out;
  }

  private static double distance(float[] a, float[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      double d = a[i] - b[i];
      s += d * d;
    }
    return Math.sqrt(s);
  }

  /** Components of the links, each face mapped to the smallest id in its component. */
  private static Map<String, String> unionFind(List<Tuple2<String, String>> links) {
    Map<String, String> parent = new HashMap<>();
    for (Tuple2<String, String> l : links) {
      String a = find(parent, l._1());
      String b = find(parent, l._2());
      if (!a.equals(b)) {
        if (a.compareTo(b) < 0) {
          parent.put(b, a);
        } else {
          parent.put(a, b);
        }
      }
    }
    Map<String, String> roots = new HashMap<>();
    for (String id : new ArrayList<>(parent.keySet())) {
      roots.put(id, find(parent, id));
    }
    return roots;
  }

  private static String find(Map<String, String> parent, String id) {
    String root = id;
    while (parent.containsKey(root) && !parent.get(root).equals(root)) {
      root = parent.get(root);
    }
    parent.putIfAbsent(id, id);
    String cur = id;
    while (!cur.equals(root)) {
      String next = parent.get(cur);
      parent.put(cur, root);
      cur = next;
    }
    return root;
  }

  /** Options for {@link IdentityLinker}. */
  public static final class Builder {
    private double threshold = 0.6;
    private int tables = 12;
    private int hashesPerTable = 4;
    private double bucketWidth = 1.0;
    private long seed;

    private Builder() {}

    /**
     * Largest descriptor distance that links two faces (default 0.6).
     *
     * @param distance positive
     * @return this builder
     */
    public Builder threshold(double distance) {
      checkArgument(distance > 0, "threshold must be positive, got %s", distance);
      this.threshold = distance;
      return this;
    }

    /**
     * Hash tables (default 12): more find more links at the cost of a larger shuffle.
     *
     * @param count at least 1
     * @return this builder
     */
    public Builder tables(int count) {
      checkArgument(count >= 1, "tables must be at least 1, got %s", count);
      this.tables = count;
      return this;
    }

    /**
     * Projections per table (default 4): more make buckets smaller and links rarer.
     *
     * @param count at least 1
     * @return this builder
     */
    public Builder hashesPerTable(int count) {
      checkArgument(count >= 1, "hashesPerTable must be at least 1, got %s", count);
      this.hashesPerTable = count;
      return this;
    }

    /**
     * Width of a projection's buckets in descriptor units (default 1.0).
     *
     * @param width positive
     * @return this builder
     */
    public Builder bucketWidth(double width) {
      checkArgument(width > 0, "bucketWidth must be positive, got %s", width);
      this.bucketWidth = width;
      return this;
    }

    /**
     * Seed of the random projections (default 0).
     *
     * @param value the seed
     * @return this builder
     */
    public Builder seed(long value) {
      this.seed = value;
      return this;
    }

    /**
     * Builds the linker.
     *
     * @return the linker
     */
    public IdentityLinker build() {
      return new IdentityLinker(this);
    }
  }
}
