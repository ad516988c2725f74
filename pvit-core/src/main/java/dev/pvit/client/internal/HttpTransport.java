package dev.pvit.client.internal;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;

/**
 * The one HTTP operation the chat clients need: POST a body, then read the response body chunk by
 * chunk with a per-read timeout. Kept minimal so tests can substitute a fake.
 */
public interface HttpTransport extends AutoCloseable {

  /**
   * Sends a POST and waits for the response headers.
   *
   * @param request what to send
   * @return the response, whose body must be read or closed
   * @throws java.net.http.HttpConnectTimeoutException if connecting took too long
   * @throws java.net.http.HttpTimeoutException if the headers did not arrive within {@link
   *     Request#firstByteTimeout()}
   * @throws IOException if the connection failed or was closed before the headers
   * @throws InterruptedException if the calling thread was interrupted
   */
  Response send(Request request) throws IOException, InterruptedException;

  /** Releases the underlying client. */
  @Override
  void close();

  /**
   * A POST request.
   *
   * @param uri the endpoint
   * @param headers request headers (names as given)
   * @param body the body
   * @param firstByteTimeout how long to wait for the response headers
   */
  record Request(URI uri, Map<String, String> headers, byte[] body, Duration firstByteTimeout) {
    /**
     * Creates a request; the header map is copied.
     *
     * @param uri the endpoint
     * @param headers request headers
     * @param body the body
     * @param firstByteTimeout how long to wait for the response headers
     */
    public Request {
      headers = Map.copyOf(headers);
    }
  }

  /** A response whose headers have arrived; the body is read incrementally. */
  interface Response extends AutoCloseable {
    /**
     * The HTTP status.
     *
     * @return e.g. 200
     */
    int statusCode();

    /**
     * A response header (case-insensitive name).
     *
     * @param name the header name
     * @return its first value
     */
    Optional<String> header(String name);

    /**
     * The next chunk of the body, waiting at most {@code timeout}.
     *
     * @param timeout longest wait for the next chunk
     * @return the bytes (possibly empty), or null at the end of the body
     * @throws TimeoutException if nothing arrived in time
     * @throws IOException if the connection failed
     * @throws InterruptedException if the calling thread was interrupted
     */
    byte @Nullable [] read(Duration timeout)
        throws IOException, InterruptedException, TimeoutException;

    /** Stops reading and releases the connection. Idempotent. */
    @Override
    void close();
  }
}
