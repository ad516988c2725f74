package dev.pvit.client;

/**
 * Receives the reply text as it arrives. Called on the thread that called {@link
 * VisionChatModel#chat(VisionChatRequest, StreamListener)}, one delta at a time, in order.
 *
 * <p>An exception thrown by the listener aborts the call and is rethrown from {@code chat} as is.
 *
 * <pre>{@code
 * model.chat(request, delta -> System.out.print(delta));
 * }</pre>
 */
@FunctionalInterface
public interface StreamListener {
  /**
   * A new piece of the reply.
   *
   * @param delta non-empty text to append to what was received so far
   */
  void onText(String delta);
}
