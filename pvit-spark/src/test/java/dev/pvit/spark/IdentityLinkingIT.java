package dev.pvit.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Identity linking on the shared dev reference photos ({@code people/<identity>/<n>.jpg}, 22 people,
 * 74 photos), where the folder name is the truth: pairwise precision and recall of the clusters,
 * and the share of exact same-threshold links that the LSH buckets found.
 */
class IdentityLinkingIT {
  private static final Logger LOG = LoggerFactory.getLogger(IdentityLinkingIT.class);

  @Test
  void links_photos_of_the_same_person_with_high_precision() throws Exception {
    String shared = System.getProperty("shared.dir");
    assumeTrue(shared != null, "shared.dir not set");
    Path people = Path.of(shared, "data", "faces", "people");
    assumeTrue(Files.isDirectory(people), "no reference photos at " + people);
    SparkSession spark = SparkSession.builder().master("local[2]").appName("pvit-spark-linking")
        .config("spark.ui.enabled", "false").config("spark.driver.host", "127.0.0.1")
        .config("spark.driver.bindAddress", "127.0.0.1").getOrCreate();
    try {
      GenerateOptions options = GenerateOptions.builder().input(people.toString()).output("unused").minPeople(1)
          .partitions(4).build();
      JavaRDD<CuratedPhoto> photos = PvitSpark.curate(spark, options).cache();
      List<FaceIdentity> ids = IdentityLinker.builder().seed(1).build().link(photos).collect();
      List<CuratedPhoto> curated = photos.collect();

      assertThat(curated.stream().filter(p -> p.rejectReason() != null)).isEmpty();
      // The truth: the folder names the person; only photos where curation kept exactly one person
      // are scored, so that every scored face is the folder's person.
      java.util.Set<String> single = new java.util.HashSet<>();
      curated.stream().filter(p -> p.people().size() == 1).forEach(p -> single.add(p.key() + "#0"));
      Map<String, String> truth = new TreeMap<>();
      for (FaceIdentity f : ids) {
        if (single.contains(f.faceId())) {
          truth.put(f.faceId(), f.photoKey().substring(0, f.photoKey().indexOf('/')));
        }
      }
      Map<String, String> predicted = new TreeMap<>();
      ids.forEach(f -> predicted.put(f.faceId(), f.identity()));
      double[] lsh = pairwise(predicted, truth);
      double[] exact = pairwise(exactClusters(curated), truth);
      LOG.info("Identity linking: {} of {} photos kept by curation, {} faces ({} scored, single-person photos) of {} people: LSH precision {} recall {}; exact all-pairs clustering "
          + "precision {} recall {}", curated.size(), countPhotos(people), ids.size(), truth.size(), truth.values().stream().distinct().count(), lsh[0], lsh[1], exact[0],
          exact[1]);

      assertThat(truth.size()).as("scored faces").isGreaterThanOrEqualTo(25);
      assertThat(lsh[0]).as("pairwise precision").isGreaterThanOrEqualTo(0.9);
      assertThat(lsh[1]).as("pairwise recall").isGreaterThanOrEqualTo(0.5);
      assertThat(lsh[1]).as("LSH recall vs exact clustering").isGreaterThanOrEqualTo(exact[1] * 0.9);
    } finally {
      spark.stop();
    }
  }

  private static long countPhotos(Path dir) throws java.io.IOException {
    try (java.util.stream.Stream<Path> files = Files.walk(dir)) {
      return files.filter(p -> p.toString().endsWith(".jpg")).count();
    }
  }

  /** Pairwise precision and recall: pairs put together that belong together, over all pairs. */
  private static double[] pairwise(Map<String, String> predicted, Map<String, String> truth) {
    List<String> faces = new ArrayList<>(truth.keySet());
    long both = 0;
    long predictedPairs = 0;
    long truePairs = 0;
    for (int i = 0; i < faces.size(); i++) {
      for (int j = i + 1; j < faces.size(); j++) {
        boolean same = truth.get(faces.get(i)).equals(truth.get(faces.get(j)));
        boolean linked = predicted.get(faces.get(i)).equals(predicted.get(faces.get(j)));
        truePairs += same ? 1 : 0;
        predictedPairs += linked ? 1 : 0;
        both += same && linked ? 1 : 0;
      }
    }
    return new double[] {predictedPairs == 0 ? 1 : (double) both / predictedPairs, (double) both / truePairs};
  }

  /** The clusters an all-pairs comparison at the same threshold gives (the LSH-free reference). */
  private static Map<String, String> exactClusters(List<CuratedPhoto> photos) {
    List<String> ids = new ArrayList<>();
    List<float[]> vs = new ArrayList<>();
    for (CuratedPhoto p : photos) {
      for (int i = 0; i < p.people().size(); i++) {
        if (p.people().get(i).descriptor().length > 0) {
          ids.add(p.key() + "#" + i);
          vs.add(p.people().get(i).descriptor());
        }
      }
    }
    int[] parent = new int[ids.size()];
    for (int i = 0; i < parent.length; i++) {
      parent[i] = i;
    }
    for (int i = 0; i < ids.size(); i++) {
      for (int j = i + 1; j < ids.size(); j++) {
        double s = 0;
        for (int k = 0; k < vs.get(i).length; k++) {
          double d = vs.get(i)[k] - vs.get(j)[k];
          s += d * d;
        }
        if (Math.sqrt(s) < 0.6) {
          parent[root(parent, i)] = root(parent, j);
        }
      }
    }
    Map<String, String> out = new TreeMap<>();
    for (int i = 0; i < ids.size(); i++) {
      out.put(ids.get(i), Integer.toString(root(parent, i)));
    }
    return out;
  }

  private static int root(int[] parent, int i) {
    while (parent[i] != i) {
      i = parent[i];
    }
    return i;
  }
}
