package dev.pvit.face;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Assigns names to the faces of one scene. A person appears at most once in a photo, so the
 * accepted (face, person) pairs are taken globally from the smallest distance up, each face and
 * each person at most once: a look-alike cannot take the name from the face that matches better.
 */
final class SceneMatcher {
  private SceneMatcher() {}

  static List<RecognizedFace> assign(List<DetectedFace> faces, FaceGallery gallery) {
    int n = faces.size();
    List<List<FaceMatch.Candidate>> distances = new ArrayList<>(n);
    record Pair(int face, FaceMatch.Candidate candidate) {}
    List<Pair> pairs = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      List<FaceMatch.Candidate> d = gallery.distances(faces.get(i).descriptor());
      distances.add(d);
      for (FaceMatch.Candidate c : d) {
        if (c.distance() < gallery.threshold()) {
          pairs.add(new Pair(i, c));
        }
      }
    }
    pairs.sort(Comparator.comparingDouble(p -> p.candidate().distance()));
    String[] names = new String[n];
    double[] accepted = new double[n];
    Set<String> taken = new HashSet<>();
    for (Pair p : pairs) {
      if (names[p.face()] == null && taken.add(p.candidate().name())) {
        names[p.face()] = p.candidate().name();
        accepted[p.face()] = p.candidate().distance();
      }
    }
    List<RecognizedFace> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      List<FaceMatch.Candidate> d = distances.get(i);
      List<FaceMatch.Candidate> top = d.subList(0, Math.min(gallery.candidateCount(), d.size()));
      double distance = names[i] != null ? accepted[i] : d.isEmpty() ? Double.POSITIVE_INFINITY : d.get(0).distance();
      out.add(new RecognizedFace(faces.get(i), Optional.ofNullable(names[i]), distance, top));
    }
    return out;
  }
}
