package dev.pvit.bench.perf;

import dev.pvit.face.FaceDescriptor;
import dev.pvit.face.FaceGallery;
import dev.pvit.face.FaceMatch;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Matching one face against galleries of 10 to 1M enrolled synthetic descriptors (two per person):
 * {@code match} is {@link FaceGallery#match} (one scan over a flat float matrix, top-k selection);
 * {@code matchObjectLoop} is the straightforward loop over descriptor objects with a full sort, for
 * comparison.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class GalleryBenchmark {
  /** Enrolled descriptors in the gallery. */
  @Param({"10", "1000", "100000", "1000000"})
  public int descriptors;

  private FaceGallery gallery;
  private List<String> names;
  private List<List<FaceDescriptor>> perPerson;
  private FaceDescriptor query;

  /** Builds the gallery with seeded random descriptors of realistic scale. */
  @Setup(Level.Trial)
  public void setUp() {
    Random r = new Random(42);
    int people = Math.max(1, descriptors / 2);
    Map<String, List<FaceDescriptor>> all = new LinkedHashMap<>();
    names = new ArrayList<>(people);
    perPerson = new ArrayList<>(people);
    for (int p = 0; p < people; p++) {
      List<FaceDescriptor> ds = List.of(random(r), random(r));
      String name = "P" + p;
      all.put(name, ds);
      names.add(name);
      perPerson.add(ds);
    }
    gallery = FaceGallery.builder().build();
    gallery.addAll(all);
    query = random(r);
    gallery.match(query);
  }

  private static FaceDescriptor random(Random r) {
    float[] v = new float[FaceDescriptor.LENGTH];
    for (int i = 0; i < v.length; i++) {
      v[i] = (float) (r.nextGaussian() * 0.09);
    }
    return FaceDescriptor.of(v);
  }

  /**
   * The gallery's match.
   *
   * @return the match
   */
  @Benchmark
  public FaceMatch match() {
    return gallery.match(query);
  }

  /**
   * Mean distance to every person over descriptor objects, then a full sort.
   *
   * @return the closest name
   */
  @Benchmark
  public String matchObjectLoop() {
    List<FaceMatch.Candidate> all = new ArrayList<>(perPerson.size());
    for (int p = 0; p < perPerson.size(); p++) {
      double sum = 0;
      for (FaceDescriptor d : perPerson.get(p)) {
        sum += d.distance(query);
      }
      all.add(new FaceMatch.Candidate(names.get(p), sum / perPerson.get(p).size()));
    }
    all.sort(Comparator.comparingDouble(FaceMatch.Candidate::distance));
    return all.get(0).name();
  }
}
