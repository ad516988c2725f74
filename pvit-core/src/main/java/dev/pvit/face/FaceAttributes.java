package dev.pvit.face;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.Maps;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * Coarse appearance estimates for one face. They are signals, not facts about a person: phrase
 * them as "appears to be about 30", never as someone's real age or gender.
 *
 * <pre>{@code
 * face.attributes().ifPresent(a ->
 *     System.out.printf("appears about %.0f, looks %s%n", a.apparentAge(), a.dominantExpression()));
 * }</pre>
 *
 * @param apparentAge estimated apparent age in years
 * @param maleProbability probability (0..1) that the face appears male; {@code 1 - p} female
 * @param expressions probability of each expression (all seven present, summing to about 1)
 */
public record FaceAttributes(double apparentAge, double maleProbability, Map<Expression, Double> expressions) {
  /**
   * Validates and copies the expression map.
   *
   * @throws IllegalArgumentException if a probability is outside 0..1 or an expression is missing
   */
  public FaceAttributes {
    checkNotNull(expressions, "expressions");
    if (!(maleProbability >= 0 && maleProbability <= 1)) {
      throw new IllegalArgumentException("maleProbability must be in 0..1, got " + maleProbability);
    }
    EnumMap<Expression, Double> copy = new EnumMap<>(Expression.class);
    copy.putAll(expressions);
    if (copy.size() != Expression.values().length) {
      throw new IllegalArgumentException("All " + Expression.values().length + " expressions need a probability.");
    }
    expressions = Collections.unmodifiableMap(copy);
  }

  /**
   * The most probable expression.
   *
   * @return the expression with the highest probability
   */
  public Expression dominantExpression() {
    return expressions.entrySet().stream()
        .max(Map.Entry.comparingByValue())
        .map(Map.Entry::getKey)
        .orElse(Expression.NEUTRAL);
  }

  /**
   * Probability of one expression.
   *
   * @param expression the expression
   * @return its probability, 0..1
   */
  public double probability(Expression expression) {
    return expressions.get(expression);
  }

  static Map<Expression, Double> fromArray(float[] probabilities) {
    Map<Expression, Double> m = Maps.newEnumMap(Expression.class);
    Expression[] all = Expression.values();
    for (int i = 0; i < all.length; i++) {
      m.put(all[i], (double) probabilities[i]);
    }
    return m;
  }
}
