package dev.pvit.prompt;

import static com.google.common.base.Preconditions.checkNotNull;

import java.util.List;
import java.util.Random;

/**
 * Our template families for introductions and refusals, written for this SDK in the spirit of the
 * PVIT paper's families (not copied from its release). Every template contains {@value #NAME_SLOT}
 * exactly once. The lists are immutable; the chat layer, the data pipeline and the bench share them.
 *
 * <pre>{@code
 * String intro = Templates.introduction(IntroStyle.FACE, "Alice", new Random(7));
 * String no = Templates.absentRefusal("Bob", random);     // Bob was introduced, but is not in the scene
 * String who = Templates.unknownRefusal("Carol", random); // Carol was never introduced
 * }</pre>
 */
public final class Templates {
  /** The slot replaced by a person's name. */
  public static final String NAME_SLOT = "{name}";

  /** The fixed introduction of the PVIT reference inference prompt, used by default. */
  public static final String DEFAULT_INTRODUCTION = "This is {name}.";

  private static final List<String> FACE =
      List.of(
          "This is {name}.",
          "Meet {name}.",
          "The face in this picture belongs to {name}.",
          "Say hello to {name}.",
          "This close-up shows {name}.",
          "You are looking at {name}.",
          "Pictured here is {name}.",
          "This face is {name}'s.",
          "The person in this crop is {name}.",
          "Here you can see {name}'s face.",
          "This image shows the face of {name}.",
          "Take a look at {name}.",
          "This is what {name} looks like.",
          "{name} is the person shown here.",
          "The face above is {name}.",
          "Remember this face: it is {name}.",
          "This face shot is of {name}.",
          "This is a close view of {name}'s face.",
          "Get to know {name} from this picture.",
          "The person whose face you see is {name}.",
          "Here we have {name}.",
          "This picture introduces {name}.",
          "Allow me to introduce {name}.",
          "The individual in this photo is {name}.",
          "Shown in this face crop is {name}.",
          "That face belongs to {name}.",
          "This is the face of a person named {name}.",
          "Have a look at {name}'s face.",
          "Facing the camera here is {name}.",
          "This snapshot features {name}.",
          "The one in this image is {name}.",
          "This photo introduces {name} to you.",
          "Here is {name}, seen up close.",
          "This reference image shows {name}.",
          "The subject of this face image is {name}.",
          "Look closely, this is {name}.",
          "This is {name}, up close.",
          "Those features belong to {name}.",
          "This person goes by the name {name}.",
          "This cropped face is {name}.",
          "The face you see here is that of {name}.",
          "This is how {name}'s face looks.",
          "Please remember {name} by this face.",
          "The face pictured above is {name}'s.");

  private static final List<String> BODY =
      List.of(
          "This is {name}.",
          "Meet {name}.",
          "Say hello to {name}.",
          "You are looking at {name}.",
          "Pictured here is {name}.",
          "The person in this crop is {name}.",
          "This image shows {name}.",
          "Take a look at {name}.",
          "This is what {name} looks like.",
          "{name} is the person shown here.",
          "Here we have {name}.",
          "This picture introduces {name}.",
          "Allow me to introduce {name}.",
          "The individual in this photo is {name}.",
          "This snapshot features {name}.",
          "The one in this image is {name}.",
          "This photo introduces {name} to you.",
          "This reference image shows {name}.",
          "This person goes by the name {name}.",
          "Standing in this picture is {name}.",
          "Here is {name}, from head to toe.",
          "This full view shows {name}.",
          "The figure in this image is {name}.",
          "This cropped figure is {name}.");

  private static final List<String> ABSENT =
      List.of(
          "{name} does not appear in this image.",
          "I can't see {name} anywhere in this picture.",
          "{name} isn't in this photo.",
          "There is no sign of {name} in this image.",
          "I looked, but {name} is not in the picture.",
          "{name} is not present in this scene.",
          "This image does not include {name}.",
          "I don't see {name} in this photo.",
          "{name} is absent from this picture.",
          "Unfortunately, {name} is not in this image.",
          "I'm afraid {name} doesn't appear in the photo.",
          "None of the people in this image is {name}.",
          "{name} cannot be found in this scene.",
          "I am unable to find {name} in this picture.",
          "{name} is nowhere to be seen in this image.",
          "Nobody in this photo matches {name}.",
          "{name} is not one of the people shown here.",
          "The person you asked about, {name}, is not in this image.",
          "I checked everyone in the picture, and {name} is not among them.",
          "{name} doesn't show up in this photo.",
          "There's no {name} in this scene.",
          "This photo doesn't contain {name}.",
          "I can't spot {name} in this image.",
          "{name} is missing from this picture.",
          "It looks like {name} isn't in this photo.",
          "No one here is {name}.",
          "{name} was not captured in this image.",
          "I cannot locate {name} in the picture provided.",
          "{name} is not visible in this image.",
          "Sorry, I don't find {name} anywhere in this scene.",
          "The image shows other people, but not {name}.",
          "{name} is not pictured here.",
          "As far as I can tell, {name} is not in this image.",
          "I don't see anyone who looks like {name} in this photo.",
          "{name} is not part of this scene.",
          "Nobody matching {name}'s reference photo appears in this image.",
          "{name} isn't among the people in this picture.",
          "This scene does not feature {name}.",
          "I can't answer that, because {name} is not in this image.",
          "There is nobody in this photo who looks like {name}.",
          "{name} is not in the frame.",
          "I couldn't find {name} among the people in this image.");

  private static final List<String> UNKNOWN =
      List.of(
          "I don't know who {name} is.",
          "I have no reference photo of {name}, so I can't tell which person that is.",
          "{name} hasn't been introduced to me.",
          "I'm not familiar with {name}.",
          "I have no idea what {name} looks like.",
          "Nobody named {name} has been introduced to me.",
          "I can't identify {name} because I've never seen them.",
          "Without a photo of {name}, I can't pick them out.",
          "{name} is unknown to me.",
          "I haven't been shown what {name} looks like.",
          "I don't have any picture of {name} to compare with.",
          "No one called {name} was introduced earlier.",
          "I can't say which person is {name}; I've never seen them before.",
          "You haven't told me who {name} is.",
          "There's no reference image for {name}, so I can't recognize them.",
          "I'm unable to recognize {name} without an introduction.",
          "{name} is not someone I have been introduced to.",
          "I have no information about {name}'s appearance.",
          "I don't recognize the name {name}.",
          "Since I've never seen {name}, I can't find them in the image.",
          "I don't know {name}, so I can't point them out.",
          "{name} wasn't among the people you introduced.",
          "No photo of {name} was provided to me.",
          "I can't tell you anything about {name}; I don't know what they look like.",
          "The name {name} doesn't match anyone you have shown me.",
          "I've never been introduced to {name}.",
          "Who is {name}? I don't have a reference for them.",
          "I lack a reference picture of {name}.",
          "I can't identify {name} without knowing what they look like.",
          "{name}'s appearance is unknown to me.",
          "Please show me a photo of {name} first; I don't know them.",
          "I have not met {name} in the photos you gave me.",
          "Nobody by the name of {name} was introduced.",
          "I'm not able to recognize {name}; no reference was given.",
          "{name} is a stranger to me.",
          "There is no one named {name} among the people I know.",
          "I don't know which person {name} is.",
          "I have no record of anyone called {name}.",
          "Your reference photos don't include {name}.",
          "I can't recognize {name} because I don't know their face.",
          "I was never shown {name}, so I can't answer.",
          "Without knowing {name}'s face, I can't answer that.");

  private Templates() {}

  /**
   * The introduction family for a crop style.
   *
   * @param style face or body crop
   * @return immutable list of templates containing {@value #NAME_SLOT}
   */
  public static List<String> introductions(IntroStyle style) {
    checkNotNull(style, "style");
    return style == IntroStyle.FACE ? FACE : BODY;
  }

  /**
   * Templates for a person who was introduced but is not in the scene.
   *
   * @return immutable list of templates containing {@value #NAME_SLOT}
   */
  public static List<String> absentRefusals() {
    return ABSENT;
  }

  /**
   * Templates for a name that was never introduced.
   *
   * @return immutable list of templates containing {@value #NAME_SLOT}
   */
  public static List<String> unknownRefusals() {
    return UNKNOWN;
  }

  /**
   * The refusal family for a kind.
   *
   * @param kind {@link RefusalKind#ABSENT} or {@link RefusalKind#UNKNOWN}
   * @return immutable list of templates
   * @throws IllegalArgumentException for {@link RefusalKind#NOT_A_REFUSAL}
   */
  public static List<String> refusals(RefusalKind kind) {
    checkNotNull(kind, "kind");
    switch (kind) {
      case ABSENT:
        return ABSENT;
      case UNKNOWN:
        return UNKNOWN;
      default:
        throw new IllegalArgumentException("NOT_A_REFUSAL has no templates");
    }
  }

  /**
   * A random introduction from the style's family.
   *
   * @param style face or body crop
   * @param name the person's name
   * @param random the source of randomness (seed it for reproducible prompts)
   * @return the filled introduction
   */
  public static String introduction(IntroStyle style, String name, Random random) {
    return pick(introductions(style), name, random);
  }

  /**
   * A random absent-person refusal.
   *
   * @param name the person's name
   * @param random the source of randomness
   * @return e.g. "Bob isn't in this photo."
   */
  public static String absentRefusal(String name, Random random) {
    return pick(ABSENT, name, random);
  }

  /**
   * A random unknown-name refusal.
   *
   * @param name the name that was never introduced
   * @param random the source of randomness
   * @return e.g. "I don't know who Carol is."
   */
  public static String unknownRefusal(String name, Random random) {
    return pick(UNKNOWN, name, random);
  }

  /**
   * Fills a template's {@value #NAME_SLOT}.
   *
   * @param template a template containing {@value #NAME_SLOT} exactly once
   * @param name the name to insert
   * @return the filled text
   * @throws InvalidPromptException if the template does not contain the slot exactly once
   */
  public static String fill(String template, String name) {
    checkNotNull(template, "template");
    checkNotNull(name, "name");
    int at = template.indexOf(NAME_SLOT);
    if (at < 0 || template.indexOf(NAME_SLOT, at + 1) >= 0) {
      throw new InvalidPromptException(
          "The template '" + template + "' must contain " + NAME_SLOT + " exactly once.");
    }
    return template.substring(0, at) + name + template.substring(at + NAME_SLOT.length());
  }

  private static String pick(List<String> family, String name, Random random) {
    checkNotNull(random, "random");
    return fill(family.get(random.nextInt(family.size())), name);
  }
}
