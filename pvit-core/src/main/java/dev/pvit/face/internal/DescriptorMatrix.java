package dev.pvit.face.internal;

import java.util.Arrays;
import java.util.List;

/**
 * All reference descriptors of a gallery in one flat {@code float[]} (row-major, 128 per row) with
 * the person each row belongs to, for matching a face against large galleries in one linear,
 * cache-friendly scan. Distances are accumulated in eight independent float lanes, which the JIT
 * turns into SIMD code; a 1M-descriptor scan takes tens of milliseconds where the per-object loop
 * takes several times longer and allocates.
 *
 * <p>Immutable and thread-safe. Holds biometric data: never log it.
 */
public final class DescriptorMatrix {
  /** Values per descriptor. */
  public static final int DIM = 128;

  private final float[] rows;
  private final int[] owner;
  private final int[] perPerson;
  /** Index of each person's first row: a person's rows are contiguous. */
  private final int[] first;
  private final int people;

  private DescriptorMatrix(float[] rows, int[] owner, int[] perPerson) {
    this.rows = rows;
    this.owner = owner;
    this.perPerson = perPerson;
    this.people = perPerson.length;
    this.first = new int[people];
    for (int p = 1; p < people; p++) {
      first[p] = first[p - 1] + perPerson[p - 1];
    }
  }

  /**
   * Builds the matrix.
   *
   * @param descriptorsPerPerson for each person in order, their descriptors (each 128 floats)
   * @return the matrix
   */
  public static DescriptorMatrix of(List<List<float[]>> descriptorsPerPerson) {
    int n = 0;
    for (List<float[]> ds : descriptorsPerPerson) {
      n += ds.size();
    }
    float[] rows = new float[Math.multiplyExact(n, DIM)];
    int[] owner = new int[n];
    int[] perPerson = new int[descriptorsPerPerson.size()];
    int r = 0;
    for (int p = 0; p < descriptorsPerPerson.size(); p++) {
      for (float[] d : descriptorsPerPerson.get(p)) {
        if (d.length != DIM) {
          throw new IllegalArgumentException("a descriptor has " + DIM + " values, got " + d.length);
        }
        System.arraycopy(d, 0, rows, r * DIM, DIM);
        owner[r++] = p;
      }
      perPerson[p] = descriptorsPerPerson.get(p).size();
    }
    return new DescriptorMatrix(rows, owner, perPerson);
  }

  /**
   * Number of people.
   *
   * @return people
   */
  public int people() {
    return people;
  }

  /**
   * Number of descriptors.
   *
   * @return rows
   */
  public int size() {
    return owner.length;
  }

  /**
   * Number of descriptors of one person.
   *
   * @param person person index
   * @return rows of that person
   */
  public int count(int person) {
    return perPerson[person];
  }

  /**
   * The person a row belongs to.
   *
   * @param row row index
   * @return person index
   */
  public int owner(int row) {
    return owner[row];
  }

  /**
   * A copy of one row.
   *
   * @param row row index
   * @return 128 values
   */
  public float[] row(int row) {
    return Arrays.copyOfRange(rows, row * DIM, (row + 1) * DIM);
  }

  /**
   * The mean Euclidean distance from a query to one person's descriptors, optionally leaving one
   * row out (for the leave-one-out distance of a person's own reference).
   *
   * @param query 128 values
   * @param person person index
   * @param skipRow a row to leave out, or -1
   * @return the mean distance, or NaN if no row is left
   */
  public double meanDistance(float[] query, int person, int skipRow) {
    double sum = 0;
    int n = 0;
    for (int r = first[person]; r < first[person] + perPerson[person]; r++) {
      if (r != skipRow) {
        sum += Math.sqrt(squaredDistance(query, rows, r * DIM));
        n++;
      }
    }
    return n == 0 ? Double.NaN : sum / n;
  }

  /**
   * The mean Euclidean distance from a query to each person's descriptors.
   *
   * @param query 128 values
   * @return one distance per person, in person order
   */
  public double[] meanDistances(float[] query) {
    if (query.length != DIM) {
      throw new IllegalArgumentException("a descriptor has " + DIM + " values, got " + query.length);
    }
    double[] sum = new double[people];
    for (int r = 0; r < owner.length; r++) {
      sum[owner[r]] += Math.sqrt(squaredDistance(query, rows, r * DIM));
    }
    for (int p = 0; p < people; p++) {
      sum[p] = perPerson[p] == 0 ? Double.POSITIVE_INFINITY : sum[p] / perPerson[p];
    }
    return sum;
  }

  private static float squaredDistance(float[] q, float[] m, int off) {
    float s0 = 0;
    float s1 = 0;
    float s2 = 0;
    float s3 = 0;
    float s4 = 0;
    float s5 = 0;
    float s6 = 0;
    float s7 = 0;
    for (int i = 0; i < DIM; i += 8) {
      float d0 = q[i] - m[off + i];
      float d1 = q[i + 1] - m[off + i + 1];
      float d2 = q[i + 2] - m[off + i + 2];
      float d3 = q[i + 3] - m[off + i + 3];
      float d4 = q[i + 4] - m[off + i + 4];
      float d5 = q[i + 5] - m[off + i + 5];
      float d6 = q[i + 6] - m[off + i + 6];
      float d7 = q[i + 7] - m[off + i + 7];
      s0 += d0 * d0;
      s1 += d1 * d1;
      s2 += d2 * d2;
      s3 += d3 * d3;
      s4 += d4 * d4;
      s5 += d5 * d5;
      s6 += d6 * d6;
      s7 += d7 * d7;
    }
    return ((s0 + s1) + (s2 + s3)) + ((s4 + s5) + (s6 + s7));
  }

  /**
   * The people worth reporting for one query: everyone closer than {@code threshold} and the
   * {@code k} closest, closest first. Selection is linear in the number of people, so large
   * galleries are never fully sorted.
   *
   * @param distances per-person distances from {@link #meanDistances}
   * @param threshold distances below this are always included
   * @param k how many closest people to include in any case
   * @return person indexes, closest first
   */
  public static int[] closest(double[] distances, double threshold, int k) {
    int n = distances.length;
    int keep = Math.min(k, n);
    // A bounded max-heap of the k closest so far, by distance.
    int[] heap = new int[keep];
    int size = 0;
    int below = 0;
    for (int i = 0; i < n; i++) {
      if (distances[i] < threshold) {
        below++;
      }
      if (size < keep) {
        heap[size] = i;
        siftUp(heap, size++, distances);
      } else if (keep > 0 && after(heap[0], i, distances)) {
        heap[0] = i;
        siftDown(heap, size, distances);
      }
    }
    int[] out = new int[size + below];
    int m = 0;
    for (int j = 0; j < size; j++) {
      out[m++] = heap[j];
    }
    if (below > 0) {
      boolean[] inHeap = new boolean[n];
      for (int j = 0; j < size; j++) {
        inHeap[heap[j]] = true;
      }
      for (int i = 0; i < n; i++) {
        if (distances[i] < threshold && !inHeap[i]) {
          out[m++] = i;
        }
      }
    }
    Integer[] boxed = new Integer[m];
    for (int j = 0; j < m; j++) {
      boxed[j] = out[j];
    }
    // Ties keep person order, as a stable sort of all people would.
    Arrays.sort(boxed, (a, b) -> distances[a] != distances[b] ? Double.compare(distances[a], distances[b])
        : Integer.compare(a, b));
    int[] sorted = new int[m];
    for (int j = 0; j < m; j++) {
      sorted[j] = boxed[j];
    }
    return sorted;
  }

  /**
   * Whether person {@code a} sorts after person {@code b}: farther, or as far and registered later.
   * The heap must order ties by index too, or an equally distant earlier person can be evicted in
   * favour of a later one, unlike the stable sort the result promises.
   */
  private static boolean after(int a, int b, double[] d) {
    return d[a] != d[b] ? d[a] > d[b] : a > b;
  }

  private static void siftUp(int[] heap, int i, double[] d) {
    while (i > 0) {
      int parent = (i - 1) / 2;
      if (!after(heap[i], heap[parent], d)) {
        return;
      }
      int t = heap[i];
      heap[i] = heap[parent];
      heap[parent] = t;
      i = parent;
    }
  }

  private static void siftDown(int[] heap, int size, double[] d) {
    int i = 0;
    while (true) {
      int l = 2 * i + 1;
      int r = l + 1;
      int largest = i;
      if (l < size && after(heap[l], heap[largest], d)) {
        largest = l;
      }
      if (r < size && after(heap[r], heap[largest], d)) {
        largest = r;
      }
      if (largest == i) {
        return;
      }
      int t = heap[i];
      heap[i] = heap[largest];
      heap[largest] = t;
      i = largest;
    }
  }
}
