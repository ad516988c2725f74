package dev.pvit.face.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pvit.image.internal.RgbImage;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Multi-scale merging with scripted detector outputs. */
class FacePipelineTest {
  /** A face box given in detector-grid terms: centre cell, offsets and size in cells. */
  record Cell(int row, int col, int anchor, float tw, float th, float score) {}

  static final class ScriptedNets implements Nets {
    final java.util.Map<Integer, List<Cell>> bySize = new java.util.HashMap<>();
    boolean confirm;
    /** When not empty: the answers of the next confirmations, one per confirming crop. */
    final java.util.Deque<Boolean> confirmAnswers = new java.util.ArrayDeque<>();
    int confirmCalls;
    int findFromCall;
    final List<Integer> calls = new ArrayList<>();
    /** Height and width of every detector input. */
    final List<List<Integer>> shapes = new ArrayList<>();

    @Override
    public float[] detect(float[] input, int batch, int height, int width) {
      // The long side of an input is the size it was made for; the short one may be cut to the image.
      int inputSize = Math.max(height, width);
      shapes.add(List.of(height, width));
      int rows = height / 32;
      int cols = width / 32;
      int per = rows * cols * 25;
      float[] out = new float[batch * per];
      for (int i = 4; i < out.length; i += 5) {
        out[i] = -20;
      }
      if (inputSize == FacePipeline.CONFIRM_SIZE) {
        confirmCalls++;
      }
      for (int b = 0; b < batch; b++) {
        calls.add(inputSize);
        List<Cell> script = new ArrayList<>(
            calls.size() > findFromCall ? bySize.getOrDefault(inputSize, List.of()) : List.of());
        if (inputSize == FacePipeline.CONFIRM_SIZE && (confirmAnswers.isEmpty() ? confirm : confirmAnswers.poll())) {
          // A box of half the crop, centred: what a real face at the centre of the confirming crop gives.
          script.add(new Cell(3, 3, 4, (float) Math.log(3.5 / 9.041765), (float) Math.log(3.5 / 10.66308), 5));
        }
        for (Cell c : script) {
          int p = b * per + ((c.row() * cols + c.col()) * 5 + c.anchor()) * 5;
          out[p + 2] = c.tw();
          out[p + 3] = c.th();
          out[p + 4] = c.score();
        }
      }
      return out;
    }

    @Override
    public float[] landmarks(float[] input, int batch) {
      // A frontal template: eyes at 0.35/0.65 of the width, mouth below.
      float[] out = new float[batch * 136];
      for (int b = 0; b < batch; b++) {
        for (int i = 0; i < 68; i++) {
          out[b * 136 + 2 * i] = i >= 36 && i < 42 ? 0.35f : i >= 42 && i < 48 ? 0.65f : 0.5f;
          out[b * 136 + 2 * i + 1] = i >= 48 ? 0.7f : 0.4f;
        }
      }
      return out;
    }

    @Override
    public float[] descriptors(float[] input, int batch) {
      return new float[batch * 128];
    }

    @Override
    public float[] ageGender(float[] input, int batch) {
      return new float[batch * 2];
    }

    @Override
    public float[] expressions(float[] input, int batch) {
      return new float[batch * 7];
    }

    @Override
    public void close() {}
  }

  static RgbImage image() {
    return new RgbImage(1000, 1000, new byte[1000 * 1000 * 3]);
  }

  @Test
  void primary_size_detections_are_kept_as_is() {
    ScriptedNets nets = new ScriptedNets();
    nets.bySize.put(608, List.of(new Cell(9, 9, 1, 0, 0, 3)));
    List<Detection> d = new FacePipeline(nets).detectMultiScale(image(), new int[] {608, 416}, 0.5, 0.4);
    assertThat(d).hasSize(1);
    assertThat(d.get(0).box().x() + d.get(0).box().width() / 2).isCloseTo(500, org.assertj.core.data.Offset.offset(1e-6));
  }

  @Test
  void an_extra_size_box_over_a_kept_face_is_dropped() {
    ScriptedNets nets = new ScriptedNets();
    nets.confirm = true;
    nets.bySize.put(608, List.of(new Cell(9, 9, 1, 0, 0, 3)));
    // Same place at 416 (13 cells): centre cell 6, a larger box mostly covering the first.
    nets.bySize.put(416, List.of(new Cell(6, 6, 3, 0, 0, 4)));
    List<Detection> d = new FacePipeline(nets).detectMultiScale(image(), new int[] {608, 416}, 0.5, 0.4);
    assertThat(d).hasSize(1);
  }

  @Test
  void an_extra_size_box_is_added_only_when_confirmed() {
    ScriptedNets nets = new ScriptedNets();
    // A large face found only at 320 (10 cells): centre at 450, 500 pixels wide.
    nets.bySize.put(320, List.of(new Cell(4, 4, 4, (float) Math.log(5 / 9.041765), (float) Math.log(5 / 10.66308), 3)));
    FacePipeline pipeline = new FacePipeline(nets);
    assertThat(pipeline.detectMultiScale(image(), new int[] {608, 320}, 0.5, 0.4)).isEmpty();
    nets.confirm = true;
    List<Detection> d = pipeline.detectMultiScale(image(), new int[] {608, 320}, 0.5, 0.4);
    assertThat(d).hasSize(1);
    assertThat(d.get(0).box().width()).isCloseTo(500, org.assertj.core.data.Offset.offset(1e-3));
    assertThat(nets.calls).endsWith(608, 320, FacePipeline.CONFIRM_SIZE);
  }

  @Test
  void confirmations_run_batched_with_the_result_of_one_by_one() {
    ScriptedNets nets = new ScriptedNets();
    // A at 416 (13 cells of 76.9 px): centred at 269 px, 123 px wide; C far from it. B at 320 (10 cells
    // of 100 px): centred at 250 px, 150 px wide, covering most of A. Scores A > B > C.
    float small = (float) Math.log(1.6 / 1.603231);
    float b = (float) Math.log(1.5 / 1.603231);
    nets.bySize.put(416, List.of(new Cell(3, 3, 0, small, small, 5), new Cell(9, 9, 0, small, small, 3)));
    nets.bySize.put(320, List.of(new Cell(2, 2, 0, b, b, 4)));
    // One by one: A is not confirmed, so B is tried (yes), then C (yes). Batched: A and C first, then
    // B, which depended on A; C is not confirmed twice.
    nets.confirmAnswers.addAll(List.of(false, true, true));
    List<Detection> d = new FacePipeline(nets).detectMultiScale(image(), new int[] {608, 416, 320}, 0.5, 0.4);
    assertThat(d).extracting(x -> x.score()).containsExactly(
        1 / (1 + Math.exp(-4)), 1 / (1 + Math.exp(-3)));
    assertThat(nets.confirmCalls).isEqualTo(2);
    assertThat(nets.confirmAnswers).isEmpty();
  }

  @Test
  void zoom_out_fallback_maps_faces_back_to_the_image() {
    ScriptedNets nets = new ScriptedNets();
    // Nothing on the image itself; on the 2x canvas the whole image is the central half.
    nets.findFromCall = 1;
    nets.bySize.put(224, List.of(new Cell(3, 3, 4, (float) Math.log(3.5 / 9.041765), (float) Math.log(3.5 / 10.66308), 3)));
    RgbImage img = new RgbImage(150, 150, new byte[150 * 150 * 3]);
    FacePipeline.Options opt = new FacePipeline.Options(new int[] {224}, 0.5, 0.4, false, true, false, true);
    List<Face> faces = new FacePipeline(nets).analyze(img, opt);
    assertThat(nets.calls).containsExactly(224, 224);
    assertThat(faces).hasSize(1);
    Rect b = faces.get(0).detection().box();
    assertThat(b.x()).isCloseTo(0, org.assertj.core.data.Offset.offset(1e-3));
    assertThat(b.width()).isCloseTo(150, org.assertj.core.data.Offset.offset(1e-3));
  }

  @Test
  void zoom_out_of_a_large_photo_works_on_a_shrunk_copy() {
    ScriptedNets nets = new ScriptedNets();
    nets.findFromCall = 1;
    nets.bySize.put(224, List.of(new Cell(3, 3, 4, (float) Math.log(3.5 / 9.041765), (float) Math.log(3.5 / 10.66308), 3)));
    RgbImage img = new RgbImage(3000, 3000, new byte[3000 * 3000 * 3]);
    FacePipeline.Options opt = new FacePipeline.Options(new int[] {224}, 0.5, 0.4, false, true, false, true);
    List<Face> faces = new FacePipeline(nets).analyze(img, opt);
    assertThat(faces).hasSize(1);
    Rect b = faces.get(0).detection().box();
    assertThat(b.x()).isCloseTo(0, org.assertj.core.data.Offset.offset(0.01));
    assertThat(b.width()).isCloseTo(3000, org.assertj.core.data.Offset.offset(0.01));
  }

  @Test
  void shrinking_averages_the_covered_pixels() {
    byte[] px = new byte[4 * 2 * 3];
    px[0] = 10;
    px[3] = 30;
    px[12] = 50;
    px[15] = (byte) 200;
    RgbImage small = new RgbImage(4, 2, px).shrunkTo(2);
    assertThat(small.width()).isEqualTo(2);
    assertThat(small.height()).isEqualTo(1);
    assertThat(small.get(0, 0, 0)).isEqualTo((10 + 30 + 50 + 200 + 2) / 4);
    assertThat(small.get(1, 0, 0)).isZero();
    RgbImage same = new RgbImage(4, 2, px);
    assertThat(same.shrunkTo(4)).isSameAs(same);
  }

  @Test
  void reference_options_never_zoom_out() {
    ScriptedNets nets = new ScriptedNets();
    nets.findFromCall = 1;
    nets.bySize.put(224, List.of(new Cell(3, 3, 4, 0, 0, 3)));
    RgbImage img = new RgbImage(150, 150, new byte[150 * 150 * 3]);
    assertThat(new FacePipeline(nets).analyze(img, FacePipeline.Options.reference(224, 0.5, 0.4, false))).isEmpty();
    assertThat(nets.calls).containsExactly(224);
  }
}
