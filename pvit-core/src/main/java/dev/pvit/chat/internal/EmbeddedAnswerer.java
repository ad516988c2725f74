package dev.pvit.chat.internal;

import dev.pvit.chat.AnswerKind;
import dev.pvit.chat.Intent;
import dev.pvit.chat.Position;
import dev.pvit.face.Expression;
import dev.pvit.face.FaceAttributes;
import dev.pvit.face.RecognizedFace;
import dev.pvit.face.SceneRecognition;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * Answers what face recognition alone can answer: presence, identification, position, counting,
 * apparent expression and age. Anything else gets an honest {@link AnswerKind#NEEDS_VISION_MODEL}
 * answer that says who is there, never an invented description.
 */
public final class EmbeddedAnswerer {
  private static final Map<String, Expression> EXPRESSION_WORDS = Map.ofEntries(
      Map.entry("smiling", Expression.HAPPY), Map.entry("smile", Expression.HAPPY),
      Map.entry("smiles", Expression.HAPPY), Map.entry("happy", Expression.HAPPY),
      Map.entry("cheerful", Expression.HAPPY), Map.entry("laughing", Expression.HAPPY),
      Map.entry("sad", Expression.SAD), Map.entry("crying", Expression.SAD),
      Map.entry("upset", Expression.SAD), Map.entry("angry", Expression.ANGRY),
      Map.entry("mad", Expression.ANGRY), Map.entry("grumpy", Expression.ANGRY),
      Map.entry("frowning", Expression.ANGRY), Map.entry("surprised", Expression.SURPRISED),
      Map.entry("shocked", Expression.SURPRISED), Map.entry("scared", Expression.FEARFUL),
      Map.entry("afraid", Expression.FEARFUL), Map.entry("fearful", Expression.FEARFUL),
      Map.entry("disgusted", Expression.DISGUSTED), Map.entry("neutral", Expression.NEUTRAL),
      Map.entry("serious", Expression.NEUTRAL));

  private final Refusals refusals;

  /**
   * Creates an answerer.
   *
   * @param refusals where refusal sentences come from
   */
  public EmbeddedAnswerer(Refusals refusals) {
    this.refusals = refusals;
  }

  /**
   * Answers a parsed question about a recognised scene.
   *
   * @param q the question
   * @param scene the recognised faces
   * @param random chooses refusal phrasings
   * @return the answer
   */
  public Reply answer(ParsedQuestion q, SceneRecognition scene, Random random) {
    Optional<Reply> refusal = refusal(q, scene, random);
    if (refusal.isPresent()) {
      return refusal.get();
    }
    return switch (q.intent()) {
      case PRESENCE -> presence(q, scene);
      case IDENTIFY -> identify(scene);
      case IDENTIFY_AT_POSITION -> identifyAt(q, scene);
      case LOCATE -> locate(q, scene);
      case RELATIVE_POSITION -> relative(q, scene);
      case COUNT -> count(q, scene);
      case EXPRESSION -> expression(q, scene);
      case AGE -> age(q, scene);
      case DESCRIBE, NEIGHBOURS, UNKNOWN -> needsVisionModel(q, scene);
    };
  }

  /**
   * The refusal a question gets before any model is asked, if any: an unregistered name, or a
   * registered person who is not in the scene (for every question but "is X here?", whose answer
   * is simply "no").
   *
   * @param q the question
   * @param scene the recognised faces
   * @param random chooses the phrasing
   * @return the refusal, or empty if the question can be answered
   */
  public Optional<Reply> refusal(ParsedQuestion q, SceneRecognition scene, Random random) {
    if (!q.unknownNames().isEmpty()) {
      return Optional.of(new Reply(refusals.unknown(q.unknownNames().get(0), random), AnswerKind.PERSON_UNKNOWN));
    }
    if (q.intent() == Intent.PRESENCE) {
      return Optional.empty();
    }
    for (String name : q.people()) {
      if (scene.find(name).isEmpty()) {
        String text = refusals.absent(name, random);
        if (scene.faces().isEmpty()) {
          text = text + " (I could not find any face in this photo.)";
        }
        return Optional.of(new Reply(text, AnswerKind.PERSON_ABSENT));
      }
    }
    // Counting an empty photo has an answer (zero); naming or placing people in it does not.
    if (q.people().isEmpty() && scene.faces().isEmpty()
        && q.intent() != Intent.DESCRIBE && q.intent() != Intent.COUNT) {
      return Optional.of(new Reply("I can't find any face in this photo.", AnswerKind.NO_FACES));
    }
    return Optional.empty();
  }

  private static Reply presence(ParsedQuestion q, SceneRecognition scene) {
    List<String> here = new ArrayList<>();
    List<String> away = new ArrayList<>();
    for (String name : q.people()) {
      Optional<RecognizedFace> f = scene.find(name);
      if (f.isPresent()) {
        here.add(name + " (" + where(f.get(), scene) + ")");
      } else {
        away.add(name);
      }
    }
    String noFaces = scene.faces().isEmpty() ? " I could not find any face in this photo." : "";
    if (away.isEmpty()) {
      return answered(here.size() == 1
          ? "Yes, " + q.people().get(0) + " is in this photo, " + where(scene.find(q.people().get(0)).get(), scene) + "."
          : "Yes, " + join(here) + " are all in this photo.");
    }
    if (here.isEmpty()) {
      return answered(away.size() == 1
          ? "No, " + away.get(0) + " is not in this photo." + noFaces
          : "No, none of " + join(away) + " is in this photo." + noFaces);
    }
    return answered("Only partly: " + join(here) + (here.size() == 1 ? " is" : " are") + " in this photo, but "
        + join(away) + (away.size() == 1 ? " is" : " are") + " not.");
  }

  private static Reply identify(SceneRecognition scene) {
    List<String> known = new ArrayList<>();
    int unknown = 0;
    for (RecognizedFace f : scene.faces()) {
      if (f.isKnown()) {
        known.add(f.name().get() + " (" + where(f, scene) + ")");
      } else {
        unknown++;
      }
    }
    if (known.isEmpty()) {
      return answered("I see " + people(unknown) + ", but none of them is someone you registered.");
    }
    String rest = unknown == 0 ? "." : ", and " + people(unknown) + " I don't recognise.";
    return answered("From left to right I can see " + join(known) + rest);
  }

  private static Reply identifyAt(ParsedQuestion q, SceneRecognition scene) {
    Position side = q.side().orElse(Position.CENTER);
    List<RecognizedFace> order = scene.faces();
    List<RecognizedFace> pool = order;
    String relativeTo = "";
    if (!q.people().isEmpty()) {
      RecognizedFace anchor = scene.find(q.people().get(0)).orElseThrow();
      double ax = anchor.box().centerX();
      pool = order.stream()
          .filter(f -> side == Position.LEFT ? f.box().centerX() < ax : side == Position.RIGHT && f.box().centerX() > ax)
          .toList();
      if (pool.isEmpty()) {
        return answered("Nobody is to the " + side.name().toLowerCase(Locale.ROOT) + " of " + q.people().get(0) + ".");
      }
      // The nearest neighbour on that side, not the person at the far edge.
      pool = side == Position.LEFT ? List.of(pool.get(pool.size() - 1)) : List.of(pool.get(0));
      relativeTo = " of " + q.people().get(0);
    }
    RecognizedFace f = switch (side) {
      case LEFT -> pool.get(0);
      case RIGHT -> pool.get(pool.size() - 1);
      case CENTER -> pool.stream()
          .min(Comparator.comparingDouble(x -> Math.abs(x.box().centerX() - scene.width() / 2.0)))
          .orElseThrow();
    };
    String place = side == Position.CENTER ? "in the middle" : "on the " + side.name().toLowerCase(Locale.ROOT) + relativeTo;
    if (order.size() == 1) {
      return answered(f.isKnown()
          ? "There is only one person in this photo: " + f.name().get() + "."
          : "There is only one person in this photo, and it is not someone I recognise.");
    }
    return answered(f.isKnown()
        ? f.name().get() + " is " + place + "."
        : "The person " + place + " is not someone I recognise.");
  }

  private static Reply locate(ParsedQuestion q, SceneRecognition scene) {
    List<RecognizedFace> order = scene.faces();
    List<String> parts = new ArrayList<>();
    for (String name : q.people()) {
      RecognizedFace f = scene.find(name).orElseThrow();
      int rank = order.indexOf(f) + 1;
      parts.add(name + " is " + where(f, scene)
          + (order.size() > 1 ? " (" + ordinal(rank) + " of " + order.size() + " people from the left)" : "")
          + String.format(Locale.ROOT, ", face at x=%d, y=%d, %d×%d px",
              Math.round(f.box().x()), Math.round(f.box().y()),
              Math.round(f.box().width()), Math.round(f.box().height())));
    }
    return answered(String.join(". ", parts) + ".");
  }

  private static Reply relative(ParsedQuestion q, SceneRecognition scene) {
    if (q.people().size() < 2) {
      return locate(q, scene);
    }
    String a = q.people().get(0);
    String b = q.people().get(1);
    RecognizedFace fa = scene.find(a).orElseThrow();
    RecognizedFace fb = scene.find(b).orElseThrow();
    if (q.side().isEmpty() || q.side().get() == Position.CENTER) {
      List<RecognizedFace> order = scene.faces();
      boolean adjacent = Math.abs(order.indexOf(fa) - order.indexOf(fb)) == 1;
      return answered(adjacent
          ? "Yes, " + a + " is next to " + b + "."
          : "No, " + a + " is not directly next to " + b + "; there "
              + (Math.abs(order.indexOf(fa) - order.indexOf(fb)) == 2 ? "is one person" : "are other people")
              + " between them.");
    }
    boolean leftOf = fa.box().centerX() < fb.box().centerX();
    boolean askedLeft = q.side().get() == Position.LEFT;
    String actual = leftOf ? "left" : "right";
    return answered((leftOf == askedLeft ? "Yes, " : "No, ") + a + " is to the " + actual + " of " + b + ".");
  }

  private static Reply count(ParsedQuestion q, SceneRecognition scene) {
    List<String> known = scene.recognizedPeople();
    int total = scene.faces().size();
    if (total == 0) {
      return answered(q.registeredOnly()
          ? "None of your registered people are in this photo; I can't find any face in it."
          : "I can't find any face in this photo, so I count 0 people.");
    }
    if (q.registeredOnly()) {
      return answered(known.isEmpty()
          ? "None of your registered people are in this photo."
          : known.size() + (known.size() == 1 ? " of your registered people is" : " of your registered people are")
              + " here: " + join(known) + ".");
    }
    String who = known.isEmpty() ? " None of them is someone you registered."
        : " " + known.size() + " of them " + (known.size() == 1 ? "is" : "are") + " registered: " + join(known) + ".";
    return answered("I count " + people(total) + " in this photo." + who);
  }

  private static Reply expression(ParsedQuestion q, SceneRecognition scene) {
    String name = q.people().get(0);
    RecognizedFace f = scene.find(name).orElseThrow();
    Optional<FaceAttributes> attrs = f.face().attributes();
    if (attrs.isEmpty()) {
      return new Reply(name + " is in this photo (" + where(f, scene) + "), but expression estimates are switched off.",
          AnswerKind.NEEDS_VISION_MODEL);
    }
    Expression dominant = attrs.get().dominantExpression();
    Optional<Expression> asked = askedExpression(q.text());
    String estimate = String.format(Locale.ROOT, "%s (%.0f%%)", adjective(dominant),
        100 * attrs.get().probability(dominant));
    if (asked.isPresent()) {
      double p = attrs.get().probability(asked.get());
      boolean yes = asked.get() == dominant;
      return answered((yes ? "Yes, " : "Not really: ") + name + " looks " + estimate
          + (yes ? "" : String.format(Locale.ROOT, "; %s only %.0f%%", adjective(asked.get()), 100 * p))
          + ". This is an estimate from the face.");
    }
    return answered(name + " looks " + estimate + ". This is an estimate from the face.");
  }

  private static Reply age(ParsedQuestion q, SceneRecognition scene) {
    List<String> parts = new ArrayList<>();
    List<Double> ages = new ArrayList<>();
    for (String name : q.people()) {
      RecognizedFace f = scene.find(name).orElseThrow();
      Optional<FaceAttributes> attrs = f.face().attributes();
      if (attrs.isEmpty()) {
        return new Reply(name + " is in this photo (" + where(f, scene) + "), but age estimates are switched off.",
            AnswerKind.NEEDS_VISION_MODEL);
      }
      ages.add(attrs.get().apparentAge());
      parts.add(name + " appears to be about " + Math.round(attrs.get().apparentAge()));
    }
    String text = String.join(" and ", parts) + " years old";
    if (ages.size() >= 2) {
      String older = ages.get(0) >= ages.get(1) ? q.people().get(0) : q.people().get(1);
      text += ", so " + older + " looks older";
    }
    return answered(text + ". This is an estimate from the face, not a fact.");
  }

  private static Reply needsVisionModel(ParsedQuestion q, SceneRecognition scene) {
    StringBuilder sb = new StringBuilder("I can't answer that without a vision-language model. What I can tell: ");
    if (!q.people().isEmpty()) {
      List<String> parts = new ArrayList<>();
      for (String name : q.people()) {
        parts.add(name + " is in this photo, " + where(scene.find(name).orElseThrow(), scene));
      }
      sb.append(String.join("; ", parts)).append('.');
    } else if (scene.faces().isEmpty()) {
      sb.append("I can't find any face in this photo.");
    } else {
      sb.append(identify(scene).text());
    }
    return new Reply(sb.toString(), AnswerKind.NEEDS_VISION_MODEL);
  }

  private static Optional<Expression> askedExpression(String question) {
    for (String w : question.toLowerCase(Locale.ROOT).split("[^\\p{L}]+")) {
      String corrected = QuestionParser.correct(w);
      if (EXPRESSION_WORDS.containsKey(corrected)) {
        return Optional.of(EXPRESSION_WORDS.get(corrected));
      }
    }
    return Optional.empty();
  }

  private static String adjective(Expression e) {
    return switch (e) {
      case NEUTRAL -> "neutral";
      case HAPPY -> "happy";
      case SAD -> "sad";
      case ANGRY -> "angry";
      case FEARFUL -> "fearful";
      case DISGUSTED -> "disgusted";
      case SURPRISED -> "surprised";
    };
  }

  private static String where(RecognizedFace f, SceneRecognition scene) {
    return switch (Position.of(f.box().centerX(), scene.width())) {
      case LEFT -> "on the left";
      case CENTER -> "in the middle";
      case RIGHT -> "on the right";
    };
  }

  private static Reply answered(String text) {
    return new Reply(text, AnswerKind.ANSWERED);
  }

  private static String people(int n) {
    return n == 1 ? "1 person" : n + " people";
  }

  private static String ordinal(int n) {
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

  private static String join(List<String> items) {
    if (items.size() <= 1) {
      return String.join("", items);
    }
    return String.join(", ", items.subList(0, items.size() - 1)) + " and " + items.get(items.size() - 1);
  }
}
