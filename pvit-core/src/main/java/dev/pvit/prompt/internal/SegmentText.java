package dev.pvit.prompt.internal;

import dev.pvit.prompt.PromptSegment;
import java.util.List;
import java.util.function.Function;

/** Joins segments into text, as every text-based format does: one newline between segments. */
public final class SegmentText {
  private SegmentText() {}

  /**
   * Joins segments, writing each image with the given function.
   *
   * @param segments the segments
   * @param image how to write an image (e.g. the placeholder)
   * @return the text
   */
  public static String join(List<PromptSegment> segments, Function<PromptSegment.Image, String> image) {
    StringBuilder sb = new StringBuilder();
    for (PromptSegment s : segments) {
      if (sb.length() > 0) {
        sb.append('\n');
      }
      if (s instanceof PromptSegment.Text t) {
        sb.append(t.text());
      } else {
        sb.append(image.apply((PromptSegment.Image) s));
      }
    }
    return sb.toString();
  }
}
