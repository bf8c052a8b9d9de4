package id.pantau.api;

import id.pantau.events.Alert;
import java.util.function.Predicate;

/**
 * One caller's view of the alert feed, checked and not yet connected: {@link #open} attaches the
 * caller's sink once the HTTP side is ready, and it gets only the alerts {@code visible} lets
 * through.
 */
public record AlertStream(AlertFeed feed, Predicate<Alert> visible) {
  public AlertFeed.Subscription open(AlertSink sink) {
    return open(sink, null);
  }

  /** Attaches the sink, replaying first what came after {@code lastEventId} (null: nothing). */
  public AlertFeed.Subscription open(AlertSink sink, String lastEventId) {
    return feed.subscribe(visible, sink, lastEventId);
  }
}
