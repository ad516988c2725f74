package dev.pvit.face;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Assigns names to the faces of one scene. Each (face, person) pair is first decided on its own by
 * the gallery's open-set rule ({@link FaceGallery} thresholds and margin test). A person appears
 * at most once in a photo, so the accepted pairs are then taken globally from the smallest distance
 * up, each face and each person at most once: a look-alike cannot take the name from the face that
 * matches better.
 *
 * <p>Faces narrower than {@value #SMALL_FACE_PX} pixels are upsampled more than twofold for the
 * 150-pixel descriptor input, and their descriptors are noisy: strangers in crowds come within the
 * usual threshold. They must be closer by {@value #SMALL_FACE_MARGIN} than their person's threshold
 * and never pass on the margin test alone.
 */
final class SceneMatcher {
  /** Faces narrower than this (pixels) need a stricter distance. */
  static final double SMALL_FACE_PX = 64;
  /** How much closer than the gallery threshold a small face must be. */
  static final double SMALL_FACE_MARGIN = 0.1;

  private SceneMatcher() {}

  static List<RecognizedFace> assign(List<DetectedFace> faces, FaceGallery gallery) {
    int n = faces.size();
    List<FaceGallery.Scored> scored = new ArrayList<>(n);
    List<MatchDecision> best = new ArrayList<>(n);
    record Pair(int face, FaceMatch.Candidate candidate, MatchDecision decision) {}
    List<Pair> pairs = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      FaceGallery.Scored s = gallery.distances(faces.get(i).descriptor());
      scored.add(s);
      boolean small = faces.get(i).box().width() < SMALL_FACE_PX;
      best.add(s.candidates().isEmpty() ? MatchDecision.noCandidate() : s.decide(0, small));
      for (int k = 0; k < s.candidates().size(); k++) {
        MatchDecision d = k == 0 ? best.get(i) : s.decide(k, small);
        if (d.accepted()) {
          pairs.add(new Pair(i, s.candidates().get(k), d));
        }
      }
    }
    pairs.sort(Comparator.comparingDouble(p -> p.candidate().distance()));
    String[] names = new String[n];
    MatchDecision[] decisions = new MatchDecision[n];
    Set<String> taken = new HashSet<>();
    for (Pair p : pairs) {
      if (names[p.face()] == null && taken.add(p.candidate().name())) {
        names[p.face()] = p.candidate().name();
        decisions[p.face()] = p.decision();
      }
    }
    List<RecognizedFace> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      FaceGallery.Scored s = scored.get(i);
      MatchDecision d = decisions[i];
      if (d == null) {
        d = best.get(i).accepted() ? best.get(i).withOutcome(MatchDecision.Outcome.ASSIGNED_ELSEWHERE) : best.get(i);
      }
      out.add(new RecognizedFace(faces.get(i), Optional.ofNullable(names[i]), d.distance(),
          s.top(gallery.candidateCount()), d));
    }
    return out;
  }
}
