package dev.pvit.chat.internal;

import dev.pvit.chat.Position;
import dev.pvit.face.Expression;
import dev.pvit.face.RecognizedFace;
import dev.pvit.face.SceneRecognition;
import java.util.List;
import java.util.Locale;

/** The phrases answers are made of: where a face is, who it is, lists, ordinals, estimates. */
final class Wording {
  /** What an unrecognised face is called in answers. */
  static final String STRANGER = "someone I don't recognise";

  private Wording() {}

  static String where(RecognizedFace f, SceneRecognition scene) {
    return switch (Position.of(f.box().centerX(), scene.width())) {
      case LEFT -> "on the left";
      case CENTER -> "in the middle";
      case RIGHT -> "on the right";
    };
  }

  /** "the face on the left resembles Alice, but not closely enough to be sure it is Alice". */
  static String resemblance(String name, List<RecognizedFace> like, SceneRecognition scene) {
    List<String> where = like.stream().map(x -> where(x, scene)).distinct().toList();
    return (like.size() == 1 ? "the face " : "the faces ") + join(where) + (like.size() == 1 ? " resembles " : " resemble ")
        + name + ", but not closely enough to be sure it is " + name;
  }

  static String who(RecognizedFace f) {
    return f.name().orElse(STRANGER);
  }

  /** "Penny (in the middle)" or "someone I don't recognise (on the right)". */
  static String whoWhere(RecognizedFace f, SceneRecognition scene) {
    return who(f) + " (" + where(f, scene) + ")";
  }

  static String people(int n) {
    return n == 1 ? "1 person" : n + " people";
  }

  static String ordinal(int n) {
    int mod100 = n % 100;
    String suffix = mod100 >= 11 && mod100 <= 13 ? "th"
        : switch (n % 10) {
          case 1 -> "st";
          case 2 -> "nd";
          case 3 -> "rd";
          default -> "th";
        };
    return n + suffix;
  }

  static String join(List<String> items) {
    return join(items, "and");
  }

  static String join(List<String> items, String conjunction) {
    if (items.size() <= 1) {
      return String.join("", items);
    }
    return String.join(", ", items.subList(0, items.size() - 1)) + " " + conjunction + " "
        + items.get(items.size() - 1);
  }

  static String isAre(int n) {
    return n == 1 ? "is" : "are";
  }

  static String adjective(Expression e) {
    return e.name().toLowerCase(Locale.ROOT);
  }

  static String percent(double p) {
    return String.format(Locale.ROOT, "%.0f%%", 100 * p);
  }

  static String years(double age) {
    return String.valueOf(Math.round(age));
  }

  static String yesNo(boolean yes) {
    return yes ? "Yes" : "No";
  }

  static String capitalise(String s) {
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}
