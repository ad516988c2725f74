package dev.pvit.pipeline.text;

import static com.google.common.base.Preconditions.checkNotNull;

import dev.pvit.client.ChatMessage;
import dev.pvit.client.ContentPart;
import dev.pvit.client.VisionChatModel;
import dev.pvit.client.VisionChatRequest;
import dev.pvit.face.Expression;
import dev.pvit.face.FaceAttributes;
import dev.pvit.image.ImageInput;
import dev.pvit.pipeline.ItemContext;
import dev.pvit.pipeline.Stage;
import dev.pvit.pipeline.curation.CuratedPerson;
import dev.pvit.pipeline.curation.CuratedScene;
import dev.pvit.pipeline.internal.ImageCodec;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * PVIT phase 2: describes each curated scene.
 *
 * <p>{@link #withModel(VisionChatModel, PipelinePrompts)} follows PVIT: the model describes the
 * whole scene, then each person's body crop with the {@code <name>} placeholder, then merges both
 * into one text with numbered placeholders. {@link #structured()} needs no model: it states what
 * the embedded engine measured (people count, left-to-right position, dominant expression,
 * apparent age decade) and nothing else, so its text is short but never invented.
 *
 * <p>Thread-safe: it keeps no state between items ({@link VisionChatModel} clients are
 * thread-safe).
 *
 * <pre>{@code
 * Stage<CuratedScene, DescribedScene> text = model == null
 *     ? DescriptionStage.structured()
 *     : DescriptionStage.withModel(model, PipelinePrompts.defaults());
 * }</pre>
 */
public final class DescriptionStage implements Stage<CuratedScene, DescribedScene> {
  private static final String[] ORDINALS = {
    "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"
  };

  private final @Nullable VisionChatModel model;
  private final PipelinePrompts prompts;

  private DescriptionStage(@Nullable VisionChatModel model, PipelinePrompts prompts) {
    this.model = model;
    this.prompts = prompts;
  }

  /**
   * The engine-only description.
   *
   * @return the stage
   */
  public static DescriptionStage structured() {
    return new DescriptionStage(null, PipelinePrompts.defaults());
  }

  /**
   * Descriptions written by a vision-language model.
   *
   * @param model the model; not closed by the stage
   * @param prompts the prompts
   * @return the stage
   */
  public static DescriptionStage withModel(VisionChatModel model, PipelinePrompts prompts) {
    return new DescriptionStage(checkNotNull(model, "model"), checkNotNull(prompts, "prompts"));
  }

  @Override
  public List<DescribedScene> process(CuratedScene scene, ItemContext context) {
    return List.of(new DescribedScene(scene, model == null ? structured(scene) : described(scene, model)));
  }

  @Override
  public String name() {
    return model == null ? "StructuredDescription" : "ModelDescription";
  }

  /**
   * Where a person stands, e.g. "the second person from the left of the 4 people in the image".
   *
   * @param position index among all faces, from the left
   * @param count number of faces
   * @return the phrase
   */
  public static String positionPhrase(int position, int count) {
    if (count == 1) {
      return "the only person in the image";
    }
    String where;
    if (position == 0) {
      where = "the person on the far left";
    } else if (position == count - 1) {
      where = "the person on the far right";
    } else if (count == 3) {
      where = "the person in the middle";
    } else {
      where = "the " + ordinal(position) + " person from the left";
    }
    return where + (count == 2 ? " of the two people in the image" : " of the " + count + " people in the image");
  }

  private static String ordinal(int index) {
    return index < ORDINALS.length ? ORDINALS[index] : "number " + (index + 1);
  }

  static SceneDescription structured(CuratedScene scene) {
    int n = scene.peopleCount();
    String holistic = n == 1 ? "A photo of one person." : "A photo of " + n + " people.";
    List<String> people = new ArrayList<>();
    StringBuilder fused = new StringBuilder(holistic);
    for (int k = 0; k < scene.people().size(); k++) {
      CuratedPerson p = scene.people().get(k);
      String text = personSentence(PipelinePrompts.NAME, scene.position(p), n, p.face().attributes());
      people.add(text);
      fused.append(' ').append(text.replace(PipelinePrompts.NAME, SceneDescription.placeholder(k)));
    }
    return new SceneDescription(holistic, people, fused.toString(), false);
  }

  private static String personSentence(String name, int position, int count, Optional<FaceAttributes> attributes) {
    StringBuilder s = new StringBuilder(name).append(" is ").append(positionPhrase(position, count)).append('.');
    if (attributes.isPresent()) {
      FaceAttributes a = attributes.get();
      Expression e = a.dominantExpression();
      String mood = a.probability(e) >= 0.5 ? expression(e) : null;
      String age = agePhrase(a.apparentAge());
      s.append(' ').append(name);
      if (mood != null) {
        s.append(" looks ").append(mood).append(" and");
      }
      s.append(" appears ").append(age).append('.');
    }
    return s.toString();
  }

  private static String expression(Expression e) {
    return switch (e) {
      case NEUTRAL -> "calm, with a neutral expression,";
      case HAPPY -> "happy";
      case SAD -> "sad";
      case ANGRY -> "angry";
      case FEARFUL -> "afraid";
      case DISGUSTED -> "disgusted";
      case SURPRISED -> "surprised";
    };
  }

  private static String agePhrase(double age) {
    if (age < 13) {
      return "to be a child";
    }
    if (age < 20) {
      return "to be a teenager";
    }
    if (age >= 70) {
      return "to be over seventy";
    }
    String[] decades = {"twenties", "thirties", "forties", "fifties", "sixties"};
    return "to be in their " + decades[(int) (age / 10) - 2];
  }

  private SceneDescription described(CuratedScene scene, VisionChatModel m) {
    String holistic = ask(m, "whole-scene description", scene.source(), prompts.holistic());
    List<String> people = new ArrayList<>();
    StringBuilder list = new StringBuilder();
    for (int k = 0; k < scene.people().size(); k++) {
      CuratedPerson p = scene.people().get(k);
      ImageInput crop = ImageInput.of(ImageCodec.jpeg(p.bodyCrop(), ImageCodec.JPEG_QUALITY), "person-" + (k + 1) + ".jpg");
      String text = ask(m, "description of person " + (k + 1), crop, prompts.person());
      if (!text.contains(PipelinePrompts.NAME)) {
        throw new UnusableModelOutputException("The model's description of person " + (k + 1)
            + " does not use the " + PipelinePrompts.NAME + " placeholder; make the person prompt insist on it.");
      }
      people.add(text);
      list.append(SceneDescription.placeholder(k)).append(": ")
          .append(text.replace(PipelinePrompts.NAME, SceneDescription.placeholder(k))).append('\n');
    }
    String fusionPrompt = prompts.fusion().replace("{scene}", holistic).replace("{people}", list.toString().strip());
    String fused = ask(m, "fusion", null, fusionPrompt);
    return new SceneDescription(holistic, people, fused, true);
  }

  private static String ask(VisionChatModel m, String step, @Nullable ImageInput image, String prompt) {
    ChatMessage message = image == null
        ? ChatMessage.user(prompt)
        : ChatMessage.user(ContentPart.image(image), ContentPart.text(prompt));
    String text = clean(m.chat(VisionChatRequest.builder().message(message).temperature(0.2).build()).text());
    if (text.isEmpty()) {
      throw new UnusableModelOutputException("The model returned an empty " + step + ".");
    }
    return text;
  }

  /**
   * Normalises model text for a dataset: one line, no image placeholders or control characters.
   *
   * @param text model output
   * @return the cleaned text
   */
  public static String clean(String text) {
    return text.replace("<image>", "image").replaceAll("[\\p{Cntrl}\\s]+", " ").strip();
  }
}
