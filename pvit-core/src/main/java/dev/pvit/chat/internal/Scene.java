package dev.pvit.chat.internal;

import static dev.pvit.chat.internal.Wording.join;
import static dev.pvit.chat.internal.Wording.ordinal;
import static dev.pvit.chat.internal.Wording.whoWhere;

import dev.pvit.face.RecognizedFace;
import dev.pvit.face.SceneRecognition;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Where the faces of a recognised scene stand: their left-to-right order (all faces, across rows)
 * and the rows they form. Relations such as "next to" count in this order; "the front row" and
 * "behind" need the rows.
 *
 * @param recognition the recognised scene
 * @param faces its faces, left to right
 */
record Scene(SceneRecognition recognition, List<RecognizedFace> faces) {
  /** A face's place in the left-to-right order, 0 for the leftmost. */
  int index(RecognizedFace f) {
    return faces.indexOf(f);
  }

  /** The face of a named person, who the caller knows is present. */
  RecognizedFace of(String name) {
    return recognition.find(name).orElseThrow();
  }

  /**
   * The rows, from the back (highest in the photo) to the front, each left to right: sorted by
   * the vertical centre of their boxes, a new row starts where two neighbours are further apart
   * than a face height (people of different heights in one row are not rows).
   */
  List<List<RecognizedFace>> rowList() {
    if (faces.isEmpty()) {
      return List.of();
    }
    List<RecognizedFace> byY = faces.stream().sorted(Comparator.comparingDouble(f -> f.box().centerY())).toList();
    double height = faces.stream().mapToDouble(f -> f.box().height()).sorted().toArray()[faces.size() / 2];
    List<List<RecognizedFace>> rows = new ArrayList<>();
    List<RecognizedFace> row = new ArrayList<>(List.of(byY.get(0)));
    for (int i = 1; i < byY.size(); i++) {
      if (byY.get(i).box().centerY() - byY.get(i - 1).box().centerY() > height) {
        rows.add(row);
        row = new ArrayList<>();
      }
      row.add(byY.get(i));
    }
    rows.add(row);
    return rows.stream().map(r -> r.stream().sorted(Comparator.comparingInt(this::index)).toList()).toList();
  }

  /** Faces in two or more rows. */
  boolean rows() {
    return rowList().size() > 1;
  }

  /** The row of a face, 0 for the back row. */
  int row(RecognizedFace f) {
    List<List<RecognizedFace>> rows = rowList();
    for (int i = 0; i < rows.size(); i++) {
      if (rows.get(i).contains(f)) {
        return i;
      }
    }
    throw new IllegalArgumentException("not a face of this scene");
  }

  /** The name of a row: "the back row", "the front row", "the 2nd row from the back". */
  String rowName(int row) {
    int n = rowList().size();
    return row == 0 ? "the back row" : row == n - 1 ? "the front row" : "the " + ordinal(row + 1) + " row from the back";
  }

  /** Whether two faces overlap left to right, so that one stands directly behind the other. */
  static boolean overlaps(RecognizedFace a, RecognizedFace b) {
    return Math.abs(a.box().centerX() - b.box().centerX()) < (a.box().width() + b.box().width()) / 2;
  }

  /** "The front row" in a photo of one row means nothing. */
  void requireRows() {
    if (!rows()) {
      throw new Unclear("I can't tell which row you mean: everyone I see stands in one row. What I can tell: "
          + (faces().isEmpty() ? "I can't find any face in this photo."
              : "from left to right I see " + join(faces().stream().map(x -> whoWhere(x, recognition())).toList())
                  + "."));
    }
  }
}
