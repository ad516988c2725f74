package dev.pvit.chat.internal;

import static dev.pvit.chat.internal.Wording.isAre;
import static dev.pvit.chat.internal.Wording.join;

import dev.pvit.chat.internal.LogicalForm.Group;
import dev.pvit.face.SceneRecognition;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Who of the registered people is not in the photo ("Who is missing?", "Is anyone missing?"). Absence
 * is only as certain as recognition: a registered person whom an unnamed face resembles ({@link
 * SceneRecognition#lookalikes}) may be here in disguise or poor light, so an answer
 * that depends on their absence abstains ({@link Uncertain}) and says which face resembles them.
 */
final class Absentees {
  private final Supplier<List<String>> registered;

  /**
   * The absentees among some registered people.
   *
   * @param registered the registered people's display names
   */
  Absentees(Supplier<List<String>> registered) {
    this.registered = registered;
  }

  /** The registered people's display names. */
  List<String> registered() {
    return registered.get();
  }

  /** The registered people not recognised in the photo. */
  List<String> missing(Scene s) {
    return registered.get().stream().filter(n -> s.recognition().find(n).isEmpty()).toList();
  }

  /** The registered people not recognised in the photo, without those a group leaves out. */
  List<String> missing(Scene s, Group g) {
    return missing(s).stream().filter(n -> !g.except().contains(n)).toList();
  }

  /** The people of a "missing" list whom an unnamed face resembles. */
  static List<String> doubtfullyMissing(Scene s, List<String> missing) {
    return missing.stream().filter(n -> !s.recognition().lookalikes(n).isEmpty()).toList();
  }

  /** Throws {@link Uncertain} when the absence of someone in a "missing" list is in doubt. */
  static void requireCertainlyMissing(Scene s, List<String> missing) {
    List<String> doubtful = doubtfullyMissing(s, missing);
    if (doubtful.isEmpty()) {
      return;
    }
    throw new Uncertain(String.join("; ", missingFacts(s, missing, doubtful)) + ".", doubtful);
  }

  /**
   * What the faces tell about a "missing" list: who is certainly not here, then each doubtful one
   * with the unnamed faces that resemble them.
   */
  static List<String> missingFacts(Scene s, List<String> missing, List<String> doubtful) {
    List<String> facts = new ArrayList<>();
    List<String> gone = missing.stream().filter(m -> !doubtful.contains(m)).toList();
    if (!gone.isEmpty()) {
      facts.add(join(gone) + " " + isAre(gone.size()) + " registered but not in this photo");
    }
    doubtful.forEach(d -> facts.add(Wording.resemblance(d, s.recognition().lookalikes(d), s.recognition())));
    return facts;
  }
}
