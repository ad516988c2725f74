package dev.pvit.chat.internal;

import dev.pvit.prompt.Templates;
import java.util.Random;

/** Where refusal sentences come from (the prompt package's template families). */
public interface Refusals {
  /** The prompt package's refusal template families, as every mode uses them. */
  Refusals TEMPLATES = new Refusals() {
    @Override
    public String absent(String name, Random random) {
      return Templates.absentRefusal(name, random);
    }

    @Override
    public String unknown(String name, Random random) {
      return Templates.unknownRefusal(name, random);
    }
  };

  /**
   * A refusal for a registered person who is not in the scene.
   *
   * @param name the person's name
   * @param random chooses the phrasing
   * @return a sentence naming the person
   */
  String absent(String name, Random random);

  /**
   * A refusal for a name that was never registered.
   *
   * @param name the name as asked
   * @param random chooses the phrasing
   * @return a sentence naming the person
   */
  String unknown(String name, Random random);
}
