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
 *
 * <p>Faces narrower than {@value #SMALL_FACE_PX} pixels are upsampled more than twofold for the
 * 150-pixel descriptor input, and their descriptors are noisy: strangers in crowds come within the
 * usual threshold. They must be closer by {@value #SMALL_FACE_MARGIN} to be named.
 */
final class SceneMatcher {
  /** Faces narrower than this (pixels) need a stricter distance. */
  static final double SMALL_FACE_PX = 64;
  /** How much closer than the gallery threshold a small face must be. */
  static final double SMALL_FACE_MARGIN = 0.1;

  private SceneMatcher() {}

  static List<RecognizedFace> assign(List<DetectedFace> faces, FaceGallery gallery) {
    int n = faces.size();
    List<List<FaceMatch.Candidate>> distances = new ArrayList<>(n);
    record Pair(int face, FaceMatch.Candidate candidate) {}
    List<Pair> pairs = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      List<FaceMatch.Candidate> d = gallery.distances(faces.get(i).descriptor());
      distances.add(d);
      double limit = faces.get(i).box().width() < SMALL_FACE_PX
          ? gallery.threshold() - SMALL_FACE_MARGIN
          : gallery.threshold();
      for (FaceMatch.Candidate c : d) {
        if (c.distance() < limit) {
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
