package dev.pvit.face.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * Decodes the tiny face detector's raw output and suppresses overlaps, as face-api's {@code
 * TinyYolov2Base.extractBoxes}, {@code nonMaxSuppression} and {@code FaceDetection} do, including
 * their floating-point steps, so boxes match the reference.
 */
public final class TinyYolo {
  /** Anchor widths and heights in grid cells (face-api {@code BOX_ANCHORS}). */
  static final double[][] ANCHORS = {
    {1.603231, 2.094468}, {6.041143, 7.080126}, {2.882459, 3.518061}, {4.266906, 5.178857}, {9.041765, 10.66308}
  };
  /** Values per anchor: tx, ty, tw, th, score. */
  static final int BOX_ENCODING = 5;

  private TinyYolo() {}

  /**
   * Decodes and suppresses one image's detections.
   *
   * @param out raw conv8 output, NHWC {@code [batch, S, S, 25]}
   * @param batchIndex which image of the batch
   * @param inputSize detector input size (S = inputSize / 32)
   * @param imgWidth original image width
   * @param imgHeight original image height
   * @param scoreThreshold minimum score (exclusive)
   * @param nmsIou IoU above which the lower-scored box is dropped
   * @return detections in image pixels, highest score first
   */
  public static List<Detection> decode(
      float[] out, int batchIndex, int inputSize, int imgWidth, int imgHeight, double scoreThreshold, double nmsIou) {
    return decode(out, batchIndex, inputSize, inputSize / 32, inputSize / 32, imgWidth, imgHeight, scoreThreshold, nmsIou);
  }

  /**
   * Decodes and suppresses one image's detections from the top-left {@code rows x cols} cells of the
   * {@code inputSize} square (an input cut to the part that holds the image): the same boxes as the
   * square's cells there.
   *
   * @param out raw conv8 output, NHWC {@code [batch, rows, cols, 25]}
   * @param batchIndex which image of the batch
   * @param inputSize side of the square the image was resized into
   * @param rows grid rows present, at most {@code inputSize / 32}
   * @param cols grid columns present, at most {@code inputSize / 32}
   * @param imgWidth original image width
   * @param imgHeight original image height
   * @param scoreThreshold minimum score (exclusive)
   * @param nmsIou IoU above which the lower-scored box is dropped
   * @return detections in image pixels, highest score first
   */
  public static List<Detection> decode(float[] out, int batchIndex, int inputSize, int rows, int cols, int imgWidth,
      int imgHeight, double scoreThreshold, double nmsIou) {
    int cells = inputSize / 32;
    if (rows < 1 || cols < 1 || rows > cells || cols > cells) {
      throw new IllegalArgumentException(rows + "x" + cols + " cells do not fit the " + cells + "x" + cells + " grid");
    }
    int anchors = ANCHORS.length;
    // computeReshapedDimensions: the image as scaled into the padded square.
    double s = inputSize / (double) Math.max(imgHeight, imgWidth);
    long reshapedW = Math.round(imgWidth * s);
    long reshapedH = Math.round(imgHeight * s);
    double side = Math.max(reshapedW, reshapedH);
    double cfX = side / reshapedW;
    double cfY = side / reshapedH;
    int base = batchIndex * rows * cols * anchors * BOX_ENCODING;
    List<Rect> boxes = new ArrayList<>();
    List<Double> scores = new ArrayList<>();
    for (int row = 0; row < rows; row++) {
      for (int col = 0; col < cols; col++) {
        for (int a = 0; a < anchors; a++) {
          int p = base + ((row * cols + col) * anchors + a) * BOX_ENCODING;
          double score = sigmoid(out[p + 4]);
          if (score > scoreThreshold) {
            double ctX = ((col + sigmoid(out[p])) / cells) * cfX;
            double ctY = ((row + sigmoid(out[p + 1])) / cells) * cfY;
            double w = ((Math.exp(out[p + 2]) * ANCHORS[a][0]) / cells) * cfX;
            double h = ((Math.exp(out[p + 3]) * ANCHORS[a][1]) / cells) * cfY;
            double x = ctX - w / 2;
            double y = ctY - h / 2;
            // BoundingBox(left, top, right, bottom) -> Box: width = right - left.
            double right = x + w;
            double bottom = y + h;
            boxes.add(new Rect(x, y, right - x, bottom - y));
            scores.add(score);
          }
        }
      }
    }
    List<Rect> scaled = new ArrayList<>(boxes.size());
    for (Rect r : boxes) {
      scaled.add(new Rect(r.x() * inputSize, r.y() * inputSize, r.width() * inputSize, r.height() * inputSize));
    }
    List<Detection> result = new ArrayList<>();
    for (int idx : nms(scaled, scores, nmsIou)) {
      result.add(new Detection(toImage(boxes.get(idx), imgWidth, imgHeight), scores.get(idx)));
    }
    return result;
  }

  /**
   * face-api's relative-to-pixel round trips: {@code ObjectDetection} scales the relative box to the
   * image, {@code relativeBox} scales back by the reciprocal, and {@code FaceDetection} scales again.
   */
  static Rect toImage(Rect rel, int w, int h) {
    double rw = 1.0 / w;
    double rh = 1.0 / h;
    double x = rel.x() * w * rw * w;
    double y = rel.y() * h * rh * h;
    double bw = rel.width() * w * rw * w;
    double bh = rel.height() * h * rh * h;
    return new Rect(x, y, bw, bh);
  }

  /**
   * face-api's greedy NMS: repeatedly keep the highest score (on ties, the later box) and drop every
   * remaining box overlapping it by more than {@code iouThreshold}.
   *
   * @param boxes the boxes
   * @param scores their scores
   * @param iouThreshold IoU above which a box is dropped
   * @return indices kept, highest score first
   */
  public static List<Integer> nms(List<Rect> boxes, List<Double> scores, double iouThreshold) {
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < boxes.size(); i++) {
      order.add(i);
    }
    // Stable ascending sort, then take from the end: same tie order as the reference.
    order.sort((a, b) -> Double.compare(scores.get(a), scores.get(b)));
    List<Integer> pick = new ArrayList<>();
    while (!order.isEmpty()) {
      int curr = order.remove(order.size() - 1);
      pick.add(curr);
      List<Integer> keep = new ArrayList<>(order.size());
      for (int idx : order) {
        if (boxes.get(curr).iou(boxes.get(idx)) <= iouThreshold) {
          keep.add(idx);
        }
      }
      order = keep;
    }
    return pick;
  }

  static double sigmoid(double x) {
    return 1 / (1 + Math.exp(-x));
  }
}
