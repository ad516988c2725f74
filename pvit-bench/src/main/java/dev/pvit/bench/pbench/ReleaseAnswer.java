package dev.pvit.bench.pbench;

import static com.google.common.base.Preconditions.checkNotNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;

/**
 * One line of a P-Bench answers file in the shape the PVIT release's {@code
 * model_vqa_personalize.py} writes: {@code {"prompt", "text", "answer_id", "model_id", "gt_answer",
 * "mode", "metadata"}} in that order, serialised exactly as Python's {@code json.dumps} does by
 * default ({@code ", "} and {@code ": "} separators, every non-ASCII character as a lowercase
 * backslash-u escape), so files written here and by the release's script are interchangeable.
 *
 * <pre>{@code
 * ReleaseAnswer a = ReleaseAnswer.of(recordText, modelOutput, "pvit-embedded", value, mode);
 * writer.write(a.toJsonLine());   // {"prompt": "<image>\nThis is ...", "text": "B", "answer_id": "...", ...}
 * }</pre>
 *
 * @param prompt the record's {@code text} as asked (with its {@code <image>} placeholders)
 * @param text the model's answer, stripped
 * @param answerId a {@code shortuuid}-style id: 22 characters of the base-57 alphabet
 * @param modelId the model's name
 * @param gtAnswer the record's {@code value}, as it was (usually a string)
 * @param mode the record's {@code mode}, as it was
 * @param metadata the metadata object ({@code {}} from the release's script)
 */
public record ReleaseAnswer(
    String prompt, String text, String answerId, String modelId, JsonNode gtAnswer, JsonNode mode, JsonNode metadata) {
  /** shortuuid's default alphabet: digits and letters without 0, 1, I, O and l. */
  private static final String ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
  private static final SecureRandom RANDOM = new SecureRandom();

  /** Checks the parts. */
  public ReleaseAnswer {
    checkNotNull(prompt, "prompt");
    checkNotNull(text, "text");
    checkNotNull(answerId, "answerId");
    checkNotNull(modelId, "modelId");
    checkNotNull(gtAnswer, "gtAnswer");
    checkNotNull(mode, "mode");
    checkNotNull(metadata, "metadata");
  }

  /**
   * An answer line with a fresh id and empty metadata, as the release's script writes it.
   *
   * @param prompt the record's {@code text}
   * @param text the answer (stripped here, as the script strips the decoded output)
   * @param modelId the model's name
   * @param gtAnswer the record's {@code value}
   * @param mode the record's {@code mode}
   * @return the line
   */
  public static ReleaseAnswer of(String prompt, String text, String modelId, JsonNode gtAnswer, JsonNode mode) {
    return new ReleaseAnswer(prompt, text.strip(), shortUuid(), modelId, gtAnswer, mode,
        JsonNodeFactory.instance.objectNode());
  }

  /**
   * Reads a line's fields; missing fields are reported by the caller's checks.
   *
   * @param node one parsed line
   * @return the answer
   */
  static ReleaseAnswer from(JsonNode node) {
    return new ReleaseAnswer(node.path("prompt").asText(""), node.path("text").asText(""),
        node.path("answer_id").asText(""), node.path("model_id").asText(""), node.path("gt_answer"),
        node.path("mode"), node.path("metadata"));
  }

  /**
   * The line as Python's {@code json.dumps} writes it, without the trailing newline.
   *
   * @return one JSON object on one line
   */
  public String toJsonLine() {
    StringBuilder b = new StringBuilder(prompt.length() + text.length() + 200);
    b.append("{\"prompt\": ");
    string(b, prompt);
    b.append(", \"text\": ");
    string(b, text);
    b.append(", \"answer_id\": ");
    string(b, answerId);
    b.append(", \"model_id\": ");
    string(b, modelId);
    b.append(", \"gt_answer\": ");
    value(b, gtAnswer);
    b.append(", \"mode\": ");
    value(b, mode);
    b.append(", \"metadata\": ");
    value(b, metadata);
    return b.append('}').toString();
  }

  /** A random 128-bit id in base 57, padded to 22 characters, like {@code shortuuid.uuid()}. */
  static String shortUuid() {
    byte[] bytes = new byte[16];
    RANDOM.nextBytes(bytes);
    BigInteger n = new BigInteger(1, bytes);
    BigInteger base = BigInteger.valueOf(ALPHABET.length());
    StringBuilder out = new StringBuilder();
    while (out.length() < 22) {
      BigInteger[] qr = n.divideAndRemainder(base);
      out.append(ALPHABET.charAt(qr[1].intValue()));
      n = qr[0];
    }
    return out.reverse().toString();
  }

  /** Python's default {@code json.dumps} of a parsed JSON value (missing values become null). */
  static void value(StringBuilder b, JsonNode v) {
    if (v.isMissingNode() || v.isNull()) {
      b.append("null");
    } else if (v.isTextual()) {
      string(b, v.textValue());
    } else if (v.isBoolean()) {
      b.append(v.booleanValue() ? "true" : "false");
    } else if (v.isIntegralNumber()) {
      b.append(v.bigIntegerValue());
    } else if (v.isNumber()) {
      b.append(pythonFloat(v.doubleValue()));
    } else if (v.isArray()) {
      b.append('[');
      for (int i = 0; i < v.size(); i++) {
        b.append(i == 0 ? "" : ", ");
        value(b, v.get(i));
      }
      b.append(']');
    } else {
      b.append('{');
      Iterator<Map.Entry<String, JsonNode>> fields = v.fields();
      boolean first = true;
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> e = fields.next();
        b.append(first ? "" : ", ");
        string(b, e.getKey());
        b.append(": ");
        value(b, e.getValue());
        first = false;
      }
      b.append('}');
    }
  }

  /**
   * Python's {@code repr} of a float: the shortest digits that round-trip (as Java's), written
   * positionally for exponents from -4 to 15 and as {@code 1e-05} / {@code 1.5e+16} outside.
   */
  static String pythonFloat(double d) {
    if (Double.isNaN(d)) {
      return "NaN";
    }
    if (Double.isInfinite(d)) {
      return d > 0 ? "Infinity" : "-Infinity";
    }
    if (d == 0) {
      return (1 / d < 0) ? "-0.0" : "0.0";
    }
    BigDecimal v = new BigDecimal(Double.toString(d)).stripTrailingZeros();
    int exp = v.precision() - v.scale() - 1;
    if (exp >= -4 && exp < 16) {
      String plain = v.toPlainString();
      return plain.contains(".") ? plain : plain + ".0";
    }
    String digits = v.unscaledValue().abs().toString();
    String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
    return (v.signum() < 0 ? "-" : "") + mantissa + "e" + (exp < 0 ? "-" : "+")
        + String.format(Locale.ROOT, "%02d", Math.abs(exp));
  }

  /** A JSON string as Python's {@code json.dumps} with {@code ensure_ascii=True} writes it. */
  static void string(StringBuilder b, String s) {
    b.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        case '\t' -> b.append("\\t");
        case '\b' -> b.append("\\b");
        case '\f' -> b.append("\\f");
        default -> {
          if (c < 0x20 || c > 0x7e) {
            b.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    b.append('"');
  }
}
