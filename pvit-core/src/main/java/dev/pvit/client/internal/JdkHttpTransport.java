package dev.pvit.client.internal;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Flow;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;

/**
 * {@link HttpTransport} on the JDK {@link HttpClient}, forced to HTTP/1.1: otherwise the client
 * offers {@code Upgrade: h2c} on plain-http connections, which vLLM and LM Studio answer by
 * dropping the body. The response body is pulled one chunk at a time through a queue so each read
 * can have its own (idle) timeout; {@link HttpRequest#timeout} only covers the wait for headers.
 */
public final class JdkHttpTransport implements HttpTransport {
  private final HttpClient client;

  /**
   * Creates the transport.
   *
   * @param connectTimeout longest wait to establish a connection
   */
  public JdkHttpTransport(Duration connectTimeout) {
    this.client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(connectTimeout)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  @Override
  public Response send(Request request) throws IOException, InterruptedException {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(request.uri())
            .timeout(request.firstByteTimeout())
            .POST(HttpRequest.BodyPublishers.ofByteArray(request.body()));
    request.headers().forEach(builder::header);
    HttpResponse<Flow.Publisher<List<ByteBuffer>>> response =
        client.send(builder.build(), HttpResponse.BodyHandlers.ofPublisher());
    QueueSubscriber body = new QueueSubscriber();
    response.body().subscribe(body);
    return new JdkResponse(response, body);
  }

  @Override
  public void close() {
    // HttpClient is AutoCloseable from Java 21 on; on 17 its threads end once it is unreachable.
    if ((Object) client instanceof AutoCloseable closeable) {
      try {
        closeable.close();
      } catch (Exception e) {
        // Closing only releases idle connections; nothing useful to report.
      }
    }
  }

  private static final class JdkResponse implements Response {
    private final HttpResponse<?> response;
    private final QueueSubscriber body;

    JdkResponse(HttpResponse<?> response, QueueSubscriber body) {
      this.response = response;
      this.body = body;
    }

    @Override
    public int statusCode() {
      return response.statusCode();
    }

    @Override
    public Optional<String> header(String name) {
      return response.headers().firstValue(name);
    }

    @Override
    public byte @Nullable [] read(Duration timeout)
        throws IOException, InterruptedException, TimeoutException {
      return body.read(timeout);
    }

    @Override
    public void close() {
      body.cancel();
    }
  }

  /** Buffers at most one outstanding item: the next one is requested only after it is read. */
  private static final class QueueSubscriber implements Flow.Subscriber<List<ByteBuffer>> {
    private static final Object END = new Object();
    private final BlockingQueue<Object> queue = new LinkedBlockingQueue<>();
    private volatile Flow.@Nullable Subscription subscription;
    private volatile boolean finished;

    @Override
    public void onSubscribe(Flow.Subscription s) {
      subscription = s;
      s.request(1);
    }

    @Override
    public void onNext(List<ByteBuffer> item) {
      queue.add(item);
    }

    @Override
    public void onError(Throwable t) {
      queue.add(t);
    }

    @Override
    public void onComplete() {
      queue.add(END);
    }

    byte @Nullable [] read(Duration timeout)
        throws IOException, InterruptedException, TimeoutException {
      if (finished) {
        return null;
      }
      Object item = queue.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
      if (item == null) {
        throw new TimeoutException("no data within " + timeout);
      }
      if (item == END) {
        finished = true;
        return null;
      }
      if (item instanceof Throwable t) {
        finished = true;
        throw t instanceof IOException io ? io : new IOException(t.getMessage(), t);
      }
      @SuppressWarnings("unchecked")
      List<ByteBuffer> buffers = (List<ByteBuffer>) item;
      int size = 0;
      for (ByteBuffer b : buffers) {
        size += b.remaining();
      }
      byte[] out = new byte[size];
      int pos = 0;
      for (ByteBuffer b : buffers) {
        int n = b.remaining();
        b.get(out, pos, n);
        pos += n;
      }
      Flow.Subscription s = subscription;
      if (s != null) {
        s.request(1);
      }
      return out;
    }

    void cancel() {
      finished = true;
      Flow.Subscription s = subscription;
      if (s != null) {
        s.cancel();
      }
    }
  }
}
