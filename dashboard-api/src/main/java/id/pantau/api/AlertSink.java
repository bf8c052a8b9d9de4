package id.pantau.api;

import id.pantau.events.Alert;

/**
 * Where one client's alerts go (an SSE connection). The feed calls a sink from one thread at a time
 * and never from its consumer thread, so a sink may block: a slow client delays only itself.
 */
public interface AlertSink {
  /** Sends the alert, {@code json} being its JSON; false when the client is gone. */
  boolean alert(Alert alert, String json);

  /** Sends a comment (a heartbeat, a state change); false when the client is gone. */
  boolean comment(String text);

  /** Ends the client's stream: the feed is closing, or the client fell too far behind. */
  void close();
}
