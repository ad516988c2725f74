package dev.pvit.langchain4j.internal;

import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.PartialResponse;
import dev.langchain4j.model.chat.response.PartialResponseContext;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.chat.response.StreamingHandle;
import dev.pvit.client.ModelConnectionException;
import dev.pvit.client.ModelTimeoutException;
import dev.pvit.client.StreamListener;
import dev.pvit.client.VisionChatResponse;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns LangChain4j's callback streaming (callbacks on the provider's threads) into PVIT's blocking
 * contract: deltas are handed to the {@link StreamListener} on the calling thread, in order, and the
 * call returns the complete reply. When the listener throws, the caller is interrupted or the stream
 * stalls, the LangChain4j stream is cancelled through its {@link StreamingHandle} (where the
 * provider supports cancellation), so it stops using the network.
 */
public final class StreamBridge {
  private static final Logger LOG = LoggerFactory.getLogger(StreamBridge.class);

  private sealed interface Event permits Delta, Done, Failed {}

  private record Delta(String text) implements Event {}

  private record Done(ChatResponse response) implements Event {}

  private record Failed(Throwable error) implements Event {}

  private StreamBridge() {}

  /**
   * Streams one request.
   *
   * @param model the LangChain4j streaming model
   * @param request the request
   * @param listener receives the deltas on the calling thread
   * @param idleTimeout longest wait for the next event before the stream is cancelled
   * @param where names the model for messages
   * @param fallbackModelId the model id when the response names none
   * @return the complete reply; its text is the concatenation of the deltas
   */
  public static VisionChatResponse stream(StreamingChatModel model, ChatRequest request, StreamListener listener,
      Duration idleTimeout, String where, String fallbackModelId) {
    BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    AtomicReference<@Nullable StreamingHandle> handle = new AtomicReference<>();
    AtomicBoolean cancelled = new AtomicBoolean();
    StreamingChatResponseHandler handler = new StreamingChatResponseHandler() {
      @Override
      public void onPartialResponse(String partialResponse) {
        if (!cancelled.get() && !partialResponse.isEmpty()) {
          events.add(new Delta(partialResponse));
        }
      }

      @Override
      public void onPartialResponse(PartialResponse partialResponse, PartialResponseContext context) {
        handle.set(context.streamingHandle());
        if (cancelled.get()) {
          cancel(context.streamingHandle());
          return;
        }
        onPartialResponse(partialResponse.text());
      }

      @Override
      public void onCompleteResponse(ChatResponse completeResponse) {
        events.add(new Done(completeResponse));
      }

      @Override
      public void onError(Throwable error) {
        events.add(new Failed(error));
      }
    };
    try {
      model.chat(request, handler);
    } catch (RuntimeException e) {
      throw Failures.map(e, where);
    }
    StringBuilder text = new StringBuilder();
    long idleNanos = idleTimeout.toNanos();
    try {
      while (true) {
        Event e = events.poll(idleNanos, TimeUnit.NANOSECONDS);
        if (e == null) {
          abort(cancelled, handle);
          throw new ModelTimeoutException(where + " sent nothing for " + idleTimeout + " while streaming (after "
              + text.length() + " characters). Raise idleTimeout if the model is slow between tokens.",
              ModelTimeoutException.Phase.IDLE);
        }
        if (e instanceof Delta d) {
          text.append(d.text());
          deliver(listener, d.text(), cancelled, handle);
        } else if (e instanceof Done done) {
          String full = Responses.text(done.response());
          if (text.length() == 0 && !full.isEmpty()) {
            // A provider that answered without partial responses: its reply is one delta.
            text.append(full);
            deliver(listener, full, cancelled, handle);
          }
          return Responses.toPvit(done.response(), text.toString(), fallbackModelId);
        } else if (e instanceof Failed f) {
          throw Failures.map(f.error(), where);
        }
      }
    } catch (InterruptedException ie) {
      abort(cancelled, handle);
      Thread.currentThread().interrupt();
      throw new ModelConnectionException(where + " stream was interrupted; the request was abandoned.");
    }
  }

  private static void deliver(StreamListener listener, String delta, AtomicBoolean cancelled,
      AtomicReference<@Nullable StreamingHandle> handle) {
    try {
      listener.onText(delta);
    } catch (RuntimeException | Error e) {
      abort(cancelled, handle);
      throw e;
    }
  }

  private static void abort(AtomicBoolean cancelled, AtomicReference<@Nullable StreamingHandle> handle) {
    cancelled.set(true);
    StreamingHandle h = handle.get();
    if (h != null) {
      cancel(h);
    }
  }

  private static void cancel(StreamingHandle h) {
    try {
      if (!h.isCancelled()) {
        h.cancel();
      }
    } catch (RuntimeException e) {
      // Some providers cannot cancel; their remaining events are then dropped here.
      LOG.debug("The LangChain4j stream could not be cancelled: {}", e.toString());
    }
  }
}
