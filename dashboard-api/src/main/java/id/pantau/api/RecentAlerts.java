package id.pantau.api;

import id.pantau.events.Alert;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;

/**
 * The last alerts the feed read, each with its event id, so a client that reconnects with {@code
 * Last-Event-ID} gets what it missed while it was away. Bounded: a client away for longer than the
 * kept alerts took to arrive gets none replayed. Not thread-safe: the feed guards it.
 */
final class RecentAlerts {
  /** One alert as sent: its event id, the alert and its JSON. */
  record Kept(String id, Alert alert, String json) {}

  private final int capacity;
  private final Deque<Kept> kept = new ArrayDeque<>();

  RecentAlerts(int capacity) {
    if (capacity < 1) throw new IllegalArgumentException("capacity: must be at least 1");
    this.capacity = capacity;
  }

  /** The SSE event id of an alert: {@code alertId:phase} (null without an alertId). */
  static String eventId(Alert alert) {
    return alert.alertId == null ? null : alert.alertId + ":" + alert.phase;
  }

  void add(Alert alert, String json) {
    if (kept.size() == capacity) kept.removeFirst();
    kept.addLast(new Kept(eventId(alert), alert, json));
  }

  /**
   * The alerts read after the latest one with event id {@code lastId}, oldest first; empty when the
   * id is not (or no longer) kept: what came before cannot be told apart from what did not.
   */
  List<Kept> after(String lastId) {
    if (lastId == null || lastId.isBlank()) return List.of();
    List<Kept> newer = new ArrayList<>();
    for (Iterator<Kept> it = kept.descendingIterator(); it.hasNext(); ) {
      Kept k = it.next();
      if (lastId.equals(k.id())) {
        Collections.reverse(newer);
        return newer;
      }
      newer.add(k);
    }
    return List.of();
  }
}
