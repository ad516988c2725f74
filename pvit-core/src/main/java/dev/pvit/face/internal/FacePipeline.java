package dev.pvit.face.internal;

import dev.pvit.image.internal.RgbImage;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The per-image pipeline: detect, crop, landmarks, dlib alignment, descriptors, optional
 * attributes. With {@link Options#reference(int, double, double, boolean)} it reproduces face-api.js step by step; the other
 * options trade that for accuracy (multi-scale detection, landmark shift fix, flip averaging).
 */
public final class FacePipeline {
  /** Recognition net input side. */
  public static final int DESCRIPTOR_SIZE = 150;
  /** Longest side of the photo placed on the zoom-out canvas (larger photos are shrunk first). */
  static final int ZOOM_OUT_MAX_SIDE = 1024;
  /** Largest number of faces sent to a net in one batch. */
  static final int MAX_BATCH = 16;

  private final Nets nets;

  /**
   * Wraps the nets.
   *
   * @param nets the face nets (not closed by the pipeline)
   */
  public FacePipeline(Nets nets) {
    this.nets = nets;
  }

  /**
   * How to run the pipeline.
   *
   * @param detectorSizes detector input sizes; several means multi-scale detection merged by NMS
   * @param scoreThreshold minimum detector score
   * @param nmsIou NMS IoU
   * @param attributes whether to run age/gender and expression
   * @param landmarkShiftFix shift landmarks by the crop actually fed to the net (face-api shifts by
   *     the unclipped box, which misplaces landmarks of faces cut by the image border)
   * @param flipAverage average the descriptors of the aligned crop and its mirror image
   * @param zoomOutFallback when no face is found, look again with the image centred on a canvas twice
   *     its size: the tiny detector misses faces cropped so tightly that they touch every border
   */
  public record Options(
      int[] detectorSizes, double scoreThreshold, double nmsIou, boolean attributes, boolean landmarkShiftFix,
      boolean flipAverage, boolean zoomOutFallback) {
    /**
     * The face-api.js reference pipeline at one detector size.
     *
     * @param detectorSize detector input size
     * @param scoreThreshold minimum score
     * @param nmsIou NMS IoU
     * @param attributes whether to run the attribute nets
     * @return options
     */
    public static Options reference(int detectorSize, double scoreThreshold, double nmsIou, boolean attributes) {
      return new Options(new int[] {detectorSize}, scoreThreshold, nmsIou, attributes, false, false, false);
    }
  }

  /**
   * Runs the whole pipeline on one image.
   *
   * @param img the image
   * @param opt options
   * @return faces in detection order
   */
  public List<Face> analyze(RgbImage img, Options opt) {
    List<Face> faces = describe(img, detectAll(img, opt), opt);
    if (!faces.isEmpty() || !opt.zoomOutFallback()) {
      return faces;
    }
    // Faces that need this fill the photo, so a shrunk copy loses nothing and bounds the canvas memory.
    RgbImage small = img.shrunkTo(ZOOM_OUT_MAX_SIDE);
    double sx = (double) img.width() / small.width();
    double sy = (double) img.height() / small.height();
    int offX = small.width() / 2;
    int offY = small.height() / 2;
    RgbImage canvas = small.placedOn(2 * small.width(), 2 * small.height(), offX, offY);
    List<Face> found = describe(canvas, detectAll(canvas, opt), opt);
    List<Face> shifted = new ArrayList<>(found.size());
    for (Face f : found) {
      Rect b = f.detection().box();
      Rect moved = new Rect((b.x() - offX) * sx, (b.y() - offY) * sy, b.width() * sx, b.height() * sy);
      int[] inside = moved.clipAtImageBorders(img.width(), img.height());
      if (inside[2] <= 0 || inside[3] <= 0) {
        continue;
      }
      double[] pts = f.landmarks().clone();
      for (int i = 0; i < pts.length; i += 2) {
        pts[i] = (pts[i] - offX) * sx;
        pts[i + 1] = (pts[i + 1] - offY) * sy;
      }
      shifted.add(new Face(new Detection(moved, f.detection().score()), pts, f.descriptor(), f.ageGender(), f.expressions()));
    }
    return shifted;
  }

  /**
   * The whole image as one face, for tight face crops the detector misses: landmarks on the whole
   * image, dlib alignment, descriptor. The caller judges plausibility ({@link FaceCropCheck}).
   *
   * @param img the image
   * @param opt options
   * @return the face, or empty if the alignment falls outside the image
   */
  public java.util.Optional<Face> wholeImageFace(RgbImage img, Options opt) {
    // On a black canvas, so the dlib alignment box (larger than a tight crop) is not clipped: the
    // descriptor net then sees the face at its usual scale, zero-padded as face-api pads.
    int w = img.width();
    int h = img.height();
    RgbImage canvas = img.placedOn(2 * w, 2 * h, w / 2, h / 2);
    List<Face> f = describe(canvas, List.of(new Detection(new Rect(w / 2, h / 2, w, h), 0)), opt);
    if (f.isEmpty()) {
      return java.util.Optional.empty();
    }
    Face c = f.get(0);
    double[] pts = c.landmarks().clone();
    for (int i = 0; i < pts.length; i += 2) {
      pts[i] -= w / 2;
      pts[i + 1] -= h / 2;
    }
    return java.util.Optional.of(new Face(new Detection(new Rect(0, 0, w, h), 0), pts, c.descriptor(), c.ageGender(), c.expressions()));
  }

  private List<Detection> detectAll(RgbImage img, Options opt) {
    return opt.detectorSizes().length == 1
        ? detect(img, opt.detectorSizes()[0], opt.scoreThreshold(), opt.nmsIou())
        : detectMultiScale(img, opt.detectorSizes(), opt.scoreThreshold(), opt.nmsIou());
  }

  /**
   * Runs the detector at one input size.
   *
   * @param img the image
   * @param inputSize detector input size
   * @param scoreThreshold minimum score
   * @param nmsIou NMS IoU
   * @return detections, highest score first
   */
  public List<Detection> detect(RgbImage img, int inputSize, double scoreThreshold, double nmsIou) {
    float[] input = new float[3 * inputSize * inputSize];
    Tensors.write(img, 0, 0, img.width(), img.height(), false, inputSize, Tensors.DETECTOR_MEAN, input, 0);
    float[] out = nets.detect(input, 1, inputSize);
    return TinyYolo.decode(out, 0, inputSize, img.width(), img.height(), scoreThreshold, nmsIou);
  }

  /**
   * Runs the detector at one input size on the part of the input square that holds the image (see
   * {@link #window(int, int, int)}): the padding face-api adds to make a photo square holds no face
   * (every box a grid cell predicts is centred in that cell), so computing it only costs time, a
   * quarter of the detector's work on a 4:3 photo. Cells whose receptive field reaches the cut edge
   * see the net's zero padding there instead of face-api's black pixels, so a box near the bottom or
   * right border can move slightly compared with {@link #detect}.
   *
   * @param img the image
   * @param inputSize side of the square the image is resized into
   * @param scoreThreshold minimum score
   * @param nmsIou NMS IoU
   * @return detections, highest score first
   */
  List<Detection> detectWithinImage(RgbImage img, int inputSize, double scoreThreshold, double nmsIou) {
    int side = Math.max(img.width(), img.height());
    int w = window(img.width(), side, inputSize);
    int h = window(img.height(), side, inputSize);
    float[] input = new float[3 * w * h];
    Tensors.write(img, 0, 0, img.width(), img.height(), false, inputSize, w, h, Tensors.DETECTOR_MEAN, input, 0);
    float[] out = nets.detect(input, 1, h, w);
    return TinyYolo.decode(out, 0, inputSize, h / 32, w / 32, img.width(), img.height(), scoreThreshold, nmsIou);
  }

  /**
   * How many detector input pixels along one axis hold any of the image, rounded up to whole grid
   * cells (32 pixels): {@link Tensors} samples input pixel {@code o} at image coordinate {@code o *
   * side / inputSize} (single precision, as face-api), so pixels from the first one that samples at
   * or beyond the image's extent are padding.
   *
   * @param extent the image's width or height
   * @param side the image's longer side
   * @param inputSize side of the detector's input square
   * @return a multiple of 32, at most {@code inputSize}
   */
  static int window(int extent, int side, int inputSize) {
    float scale = side / (float) inputSize;
    int used = 0;
    while (used < inputSize && (int) Math.floor(used * scale) < extent) {
      used++;
    }
    return Math.min(inputSize, (used + 31) / 32 * 32);
  }

  /**
   * A box from an extra size is dropped when this fraction of the smaller box lies inside an
   * already kept box: the same face seen at two scales often overlaps by less than the NMS IoU.
   */
  static final double EXTRA_SCALE_MAX_OVERLAP = 0.5;
  /** Detector input size used to confirm a box found only at an extra size. */
  static final int CONFIRM_SIZE = 224;
  /** IoU with which the confirming detection must reproduce the box. */
  static final double CONFIRM_IOU = 0.5;

  /**
   * Runs the detector at several input sizes and merges the results. Every size runs on the part of
   * its input square that holds the image ({@link #detectWithinImage}). All detections of the first
   * size are kept. Detections of the other sizes, which exist to find faces that fill the photo
   * (smaller sizes) or are too small for the first size (a larger one), are added highest score
   * first when they do not overlap a kept box (IoU above {@code nmsIou}, or more than {@value
   * #EXTRA_SCALE_MAX_OVERLAP} of the smaller box covered) and when they are confirmed: the detector,
   * run at {@value #CONFIRM_SIZE} on a square of twice the box's size around it, finds the same box
   * again (IoU &ge; {@value #CONFIRM_IOU}). Unconfirmed boxes are mostly false ones between two
   * neighbouring faces. The confirmations run batched, with the same result as one by one.
   *
   * @param img the image
   * @param sizes detector input sizes, the primary one first
   * @param scoreThreshold minimum score
   * @param nmsIou NMS IoU
   * @return merged detections: the first size's in score order, then the added ones
   */
  public List<Detection> detectMultiScale(RgbImage img, int[] sizes, double scoreThreshold, double nmsIou) {
    List<Detection> kept = withoutBorderEchoes(detectWithinImage(img, sizes[0], scoreThreshold, nmsIou), img);
    List<Detection> extra = new ArrayList<>();
    for (int i = 1; i < sizes.length; i++) {
      extra.addAll(detectWithinImage(img, sizes[i], scoreThreshold, nmsIou));
    }
    extra.sort((a, b) -> Double.compare(b.score(), a.score()));
    addConfirmed(img, kept, extra, scoreThreshold, nmsIou);
    return kept;
  }

  /**
   * Adds the extra-size boxes to {@code kept} exactly as taking them one by one, highest score first,
   * would (a box is added if it overlaps no kept box and is confirmed), but confirms them in batches:
   * one detector call for every box that can be decided at once. A batch takes, in score order, each
   * box that overlaps neither a kept box nor an earlier box of the batch; the boxes are then decided
   * in score order until one is reached whose fate depends on an unconfirmed box of the batch (it
   * overlapped that box only), where the next batch starts.
   */
  private void addConfirmed(RgbImage img, List<Detection> kept, List<Detection> byScore, double scoreThreshold,
      double nmsIou) {
    Map<Detection, Boolean> confirmed = new IdentityHashMap<>();
    int next = 0;
    while (next < byScore.size()) {
      List<Detection> batch = new ArrayList<>();
      for (int i = next; i < byScore.size(); i++) {
        Detection d = byScore.get(i);
        if (!overlapsAny(d, kept, nmsIou) && !overlapsAny(d, batch, nmsIou)) {
          batch.add(d);
        }
      }
      List<Detection> ask = batch.stream().filter(d -> !confirmed.containsKey(d)).toList();
      boolean[] ok = confirmed(img, ask, scoreThreshold, nmsIou);
      for (int i = 0; i < ask.size(); i++) {
        confirmed.put(ask.get(i), ok[i]);
      }
      int b = 0;
      for (; next < byScore.size(); next++) {
        Detection d = byScore.get(next);
        if (overlapsAny(d, kept, nmsIou)) {
          continue;
        }
        if (b < batch.size() && batch.get(b) == d) {
          b++;
          if (confirmed.get(d)) {
            kept.add(d);
          }
          continue;
        }
        // It overlapped only a box of the batch that was not confirmed: decide it in the next batch.
        break;
      }
    }
  }

  private static boolean overlapsAny(Detection d, List<Detection> boxes, double nmsIou) {
    for (Detection k : boxes) {
      if (k.box().iou(d.box()) > nmsIou || k.box().overlapOfSmaller(d.box()) > EXTRA_SCALE_MAX_OVERLAP) {
        return true;
      }
    }
    return false;
  }

  /**
   * Drops a detection that sticks out of the image when more than {@value #EXTRA_SCALE_MAX_OVERLAP}
   * of its part inside the image lies within a higher-scoring box. On tight crops the detector
   * often echoes the one face with a shifted box running off the border, which overlaps it by less
   * than the NMS IoU and made single-face photos look like "2 faces of similar size". Boxes fully
   * inside the image are kept as they are, so neighbouring faces in a crowd are unaffected.
   */
  static List<Detection> withoutBorderEchoes(List<Detection> byScore, RgbImage img) {
    List<Detection> kept = new ArrayList<>(byScore.size());
    for (Detection d : byScore) {
      Rect b = d.box();
      double left = Math.max(0, b.x());
      double top = Math.max(0, b.y());
      Rect visible = new Rect(left, top, Math.min(b.right(), img.width()) - left, Math.min(b.bottom(), img.height()) - top);
      boolean cut = b.x() < 0 || b.y() < 0 || b.right() > img.width() || b.bottom() > img.height();
      boolean echo = cut && visible.width() > 0 && visible.height() > 0
          && kept.stream().anyMatch(k -> visible.fractionInside(k.box()) > EXTRA_SCALE_MAX_OVERLAP);
      if (!echo) {
        kept.add(d);
      }
    }
    return kept;
  }

  /**
   * Whether the detector, run at {@value #CONFIRM_SIZE} on a square of twice each box's size around
   * it (clipped to the image), finds the box again; all boxes in one batched call.
   */
  private boolean[] confirmed(RgbImage img, List<Detection> boxes, double scoreThreshold, double nmsIou) {
    boolean[] ok = new boolean[boxes.size()];
    List<int[]> crops = new ArrayList<>();
    List<Integer> which = new ArrayList<>();
    for (int i = 0; i < boxes.size(); i++) {
      Rect b = boxes.get(i).box();
      double side = 2 * Math.max(b.width(), b.height());
      double cx = b.x() + b.width() / 2;
      double cy = b.y() + b.height() / 2;
      int[] crop = new Rect(cx - side / 2, cy - side / 2, side, side).clipAtImageBorders(img.width(), img.height());
      if (crop[2] >= 1 && crop[3] >= 1) {
        crops.add(crop);
        which.add(i);
      }
    }
    int plane = 3 * CONFIRM_SIZE * CONFIRM_SIZE;
    for (int start = 0; start < crops.size(); start += MAX_BATCH) {
      int n = Math.min(MAX_BATCH, crops.size() - start);
      float[] input = new float[n * plane];
      for (int j = 0; j < n; j++) {
        int[] c = crops.get(start + j);
        Tensors.write(img, c[0], c[1], c[2], c[3], false, CONFIRM_SIZE, Tensors.DETECTOR_MEAN, input, j);
      }
      float[] out = nets.detect(input, n, CONFIRM_SIZE);
      for (int j = 0; j < n; j++) {
        int[] c = crops.get(start + j);
        Rect b = boxes.get(which.get(start + j)).box();
        for (Detection found : TinyYolo.decode(out, j, CONFIRM_SIZE, c[2], c[3], scoreThreshold, nmsIou)) {
          Rect r = found.box();
          if (new Rect(r.x() + c[0], r.y() + c[1], r.width(), r.height()).iou(b) >= CONFIRM_IOU) {
            ok[which.get(start + j)] = true;
            break;
          }
        }
      }
    }
    return ok;
  }

  /**
   * Computes landmarks, descriptors and (optionally) attributes for given detections. Detections
   * whose crop is empty after clipping to the image are dropped.
   *
   * @param img the image
   * @param dets detections in image pixels
   * @param opt options
   * @return one face per usable detection, in the given order
   */
  public List<Face> describe(RgbImage img, List<Detection> dets, Options opt) {
    List<Detection> usable = new ArrayList<>();
    List<int[]> crops = new ArrayList<>();
    for (Detection d : dets) {
      int[] c = d.box().clipAtImageBorders(img.width(), img.height());
      if (c[2] > 0 && c[3] > 0) {
        usable.add(d);
        crops.add(c);
      }
    }
    int n = usable.size();
    if (n == 0) {
      return List.of();
    }
    // Landmarks on the detection crops.
    float[] rawLm = run(img, crops, Landmarks.INPUT_SIZE, false, 136, nets::landmarks);
    List<double[]> landmarks = new ArrayList<>(n);
    List<int[]> aligned = new ArrayList<>(n);
    List<Integer> keep = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      int[] c = crops.get(i);
      Rect box = usable.get(i).box();
      double sx = opt.landmarkShiftFix() ? c[0] : box.x();
      double sy = opt.landmarkShiftFix() ? c[1] : box.y();
      double[] pts = Landmarks.postProcess(rawLm, i, c[2], c[3], sx, sy);
      int[] a = Landmarks.alignDlib(pts, c[2], c[3]).clipAtImageBorders(img.width(), img.height());
      if (a[2] > 0 && a[3] > 0) {
        keep.add(i);
        landmarks.add(pts);
        aligned.add(a);
      }
    }
    float[] desc = run(img, aligned, DESCRIPTOR_SIZE, opt.flipAverage(), 128, nets::descriptors);
    float[] ag = null;
    float[] ex = null;
    if (opt.attributes()) {
      List<int[]> attrCrops = new ArrayList<>();
      for (double[] pts : landmarks) {
        int[] c = Landmarks.alignMinBbox(pts).clipAtImageBorders(img.width(), img.height());
        attrCrops.add(c[2] > 0 && c[3] > 0 ? c : new int[] {0, 0, img.width(), img.height()});
      }
      float[] input = tensor(img, attrCrops, Landmarks.INPUT_SIZE, false);
      ag = batched(input, attrCrops.size(), Landmarks.INPUT_SIZE, 2, nets::ageGender);
      ex = batched(input, attrCrops.size(), Landmarks.INPUT_SIZE, 7, nets::expressions);
    }
    List<Face> faces = new ArrayList<>(keep.size());
    for (int k = 0; k < keep.size(); k++) {
      float[] d = new float[128];
      System.arraycopy(desc, k * 128, d, 0, 128);
      float @Nullable [] a = ag == null ? null : slice(ag, k, 2);
      float @Nullable [] e = ex == null ? null : slice(ex, k, 7);
      faces.add(new Face(usable.get(keep.get(k)), landmarks.get(k), d, a, e));
    }
    return faces;
  }

  private static float[] slice(float[] a, int k, int len) {
    float[] out = new float[len];
    System.arraycopy(a, k * len, out, 0, len);
    return out;
  }

  interface Net {
    float[] run(float[] input, int batch);
  }

  private static float[] tensor(RgbImage img, List<int[]> crops, int size, boolean withMirror) {
    int n = crops.size();
    int per = 3 * size * size;
    float[] input = new float[(withMirror ? 2 : 1) * n * per];
    for (int i = 0; i < n; i++) {
      int[] c = crops.get(i);
      Tensors.write(img, c[0], c[1], c[2], c[3], true, size, Tensors.FACE_MEAN, input, i);
      if (withMirror) {
        mirror(input, i * per, (n + i) * per, size);
      }
    }
    return input;
  }

  /** Writes the left-right mirror image of the NHWC image at {@code from} to {@code to}. */
  private static void mirror(float[] t, int from, int to, int size) {
    for (int y = 0; y < size; y++) {
      int row = y * size * 3;
      for (int x = 0; x < size; x++) {
        System.arraycopy(t, from + row + (size - 1 - x) * 3, t, to + row + x * 3, 3);
      }
    }
  }

  private float[] run(RgbImage img, List<int[]> crops, int size, boolean flipAverage, int outLen, Net net) {
    int n = crops.size();
    if (n == 0) {
      return new float[0];
    }
    float[] input = tensor(img, crops, size, flipAverage);
    float[] out = batched(input, flipAverage ? 2 * n : n, size, outLen, net);
    if (!flipAverage) {
      return out;
    }
    float[] avg = new float[n * outLen];
    for (int i = 0; i < n * outLen; i++) {
      avg[i] = (out[i] + out[n * outLen + i]) / 2;
    }
    return avg;
  }

  private static float[] batched(float[] input, int count, int size, int outLen, Net net) {
    int per = 3 * size * size;
    float[] out = new float[count * outLen];
    for (int start = 0; start < count; start += MAX_BATCH) {
      int b = Math.min(MAX_BATCH, count - start);
      float[] chunk = new float[b * per];
      System.arraycopy(input, start * per, chunk, 0, b * per);
      float[] res = net.run(chunk, b);
      if (res.length != b * outLen) {
        throw new IllegalStateException("Net returned " + res.length + " values for a batch of " + b + ", expected " + b * outLen);
      }
      System.arraycopy(res, 0, out, start * outLen, b * outLen);
    }
    return out;
  }
}
