package dev.pvit.pipeline.curation;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pvit.pipeline.internal.ImageCodec;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A {@link PersonDetector} backed by an HTTP service, for users who run a real person detector
 * (e.g. GroundingDINO with the prompt "person", as PVIT did, or any YOLO server) behind a small
 * endpoint.
 *
 * <p>Protocol: {@code POST <url>} with the scene as a JPEG body ({@code Content-Type: image/jpeg});
 * the service answers {@code 200} with JSON, either an array or an object with a {@code
 * detections} array, of {@code {"box": [x, y, width, height], "score": 0.91}} in image pixels.
 * Detections below {@link Builder#minScore(double)} (default 0.35, PVIT's box threshold) are
 * dropped, boxes are clipped to the image. Connection failures, timeouts and 5xx answers throw
 * {@link DetectorUnavailableException} (retried by the pipeline); 4xx answers and unreadable JSON
 * throw {@link InvalidDetectorResponseException} (the input is rejected). Thread-safe.
 *
 * <pre>{@code
 * PersonDetector people = HttpPersonDetector.builder().url(URI.create("http://localhost:8500/detect")).build();
 * CurationStage curation = CurationStage.builder().faces(faces).personDetector(people).build();
 * }</pre>
 */
public final class HttpPersonDetector implements PersonDetector {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final URI url;
  private final Duration timeout;
  private final double minScore;
  private final HttpClient client;

  private HttpPersonDetector(Builder b, URI url) {
    this.url = url;
    this.timeout = b.timeout;
    this.minScore = b.minScore;
    this.client = HttpClient.newBuilder().connectTimeout(b.timeout).build();
  }

  /**
   * A builder; {@link Builder#url(URI)} is required.
   *
   * @return the builder
   */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public List<Detection> detect(BufferedImage image, List<Detection> faces) {
    byte[] jpeg = ImageCodec.jpeg(image, ImageCodec.JPEG_QUALITY);
    HttpRequest request = HttpRequest.newBuilder(url).timeout(timeout)
        .header("Content-Type", "image/jpeg")
        .POST(HttpRequest.BodyPublishers.ofByteArray(jpeg)).build();
    HttpResponse<String> response;
    try {
      response = client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new DetectorUnavailableException("Person detector at " + url + " is unreachable or timed out ("
          + e.getMessage() + "); check that the service is running.", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DetectorUnavailableException("Interrupted while calling the person detector at " + url, e);
    }
    int status = response.statusCode();
    if (status >= 500) {
      throw new DetectorUnavailableException("Person detector at " + url + " answered HTTP " + status + ".", null);
    }
    if (status != 200) {
      throw new InvalidDetectorResponseException("Person detector at " + url + " refused the image with HTTP "
          + status + "; check the URL and that it accepts image/jpeg.");
    }
    return parse(response.body(), image.getWidth(), image.getHeight());
  }

  private List<Detection> parse(String body, int width, int height) {
    JsonNode root;
    try {
      root = JSON.readTree(body);
    } catch (IOException e) {
      throw new InvalidDetectorResponseException("Person detector at " + url + " did not answer JSON.");
    }
    JsonNode list = root != null && root.isObject() ? root.path("detections") : root;
    if (list == null || !list.isArray()) {
      throw new InvalidDetectorResponseException("Person detector at " + url
          + " answered JSON without a detections array; expected [{\"box\": [x, y, w, h], \"score\": s}, ...].");
    }
    List<Detection> out = new ArrayList<>();
    for (JsonNode d : list) {
      JsonNode box = d.path("box");
      double score = d.path("score").asDouble(Double.NaN);
      if (!box.isArray() || box.size() != 4 || !(score >= 0 && score <= 1)) {
        throw new InvalidDetectorResponseException("Person detector at " + url + " answered a detection "
            + "without a 4-number box and a score in [0, 1]: " + abbreviate(d.toString()));
      }
      if (score < minScore) {
        continue;
      }
      int x = (int) Math.floor(box.get(0).asDouble());
      int y = (int) Math.floor(box.get(1).asDouble());
      int r = (int) Math.ceil(box.get(0).asDouble() + box.get(2).asDouble());
      int b = (int) Math.ceil(box.get(1).asDouble() + box.get(3).asDouble());
      Box clipped = Box.fromEdges(x, y, Math.max(x, r), Math.max(y, b)).clip(width, height);
      if (!clipped.isEmpty()) {
        out.add(new Detection(clipped, score));
      }
    }
    return out;
  }

  private static String abbreviate(String s) {
    return s.length() <= 200 ? s : s.substring(0, 200) + "...";
  }

  /** Options for {@link HttpPersonDetector}. */
  public static final class Builder {
    private @Nullable URI url;
    private Duration timeout = Duration.ofSeconds(30);
    private double minScore = 0.35;

    private Builder() {}

    /**
     * The endpoint (required).
     *
     * @param endpoint an http or https URL
     * @return this builder
     */
    public Builder url(URI endpoint) {
      checkNotNull(endpoint, "endpoint");
      checkArgument("http".equals(endpoint.getScheme()) || "https".equals(endpoint.getScheme()),
          "The person detector URL must be http or https, got '%s'", endpoint);
      this.url = endpoint;
      return this;
    }

    /**
     * Connect and request timeout (default 30 s).
     *
     * @param limit a positive duration
     * @return this builder
     */
    public Builder timeout(Duration limit) {
      checkArgument(limit != null && !limit.isNegative() && !limit.isZero(), "timeout must be positive");
      this.timeout = limit;
      return this;
    }

    /**
     * Lowest detection score kept (default 0.35).
     *
     * @param score in [0, 1]
     * @return this builder
     */
    public Builder minScore(double score) {
      checkArgument(score >= 0 && score <= 1, "minScore must be in [0, 1], got %s", score);
      this.minScore = score;
      return this;
    }

    /**
     * Builds the detector.
     *
     * @return the detector
     * @throws IllegalStateException if no URL was given
     */
    public HttpPersonDetector build() {
      if (url == null) {
        throw new IllegalStateException("No URL: call url(URI) with the person detector's endpoint.");
      }
      return new HttpPersonDetector(this, url);
    }
  }
}
