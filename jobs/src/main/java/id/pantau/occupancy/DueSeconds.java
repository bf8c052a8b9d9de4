package id.pantau.occupancy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Events that wait for the watermark: each falls due at the next whole second of event time (so a
 * unit gets at most one exact point per second), waits there under its employee and time, and the
 * marks due at one second are applied in event-time order ({@link PresenceMark}: at the same
 * millisecond a check-out after a check-in).
 */
final class DueSeconds {
  static final long SECOND = 1_000L;

  /** A mark that is due: whose, and the fact. */
  record Due(String nip, long mark) {}

  private static final Comparator<Due> IN_EVENT_TIME = Comparator.comparingLong(Due::mark);

  private DueSeconds() {}

  /** The second an event at this time falls due: the next whole second, or its own if whole. */
  static long dueAt(long timeMs) {
    return Math.floorDiv(timeMs + SECOND - 1, SECOND) * SECOND;
  }

  /** The key of a waiting fact: one per employee and millisecond. */
  static String key(String nip, long timeMs) {
    return nip + "@" + timeMs;
  }

  static String nipOf(String key) {
    return key.substring(0, key.lastIndexOf('@'));
  }

  /**
   * A second's waiting facts with one more, or null when it adds nothing (the same fact again). A
   * copy, never the given map changed: a snapshot of the state may share it.
   */
  static Map<String, Long> with(Map<String, Long> waiting, String nip, long mark) {
    String key = key(nip, PresenceMark.timeMs(mark));
    Long before = waiting == null ? null : waiting.get(key);
    if (before != null && before >= mark) return null;
    Map<String, Long> next = waiting == null ? new HashMap<>(4) : new HashMap<>(waiting);
    next.put(key, mark);
    return next;
  }

  /** A second's waiting facts (null: none), and any more, in the order they apply. */
  static List<Due> inOrder(Map<String, Long> waiting, List<Due> more) {
    List<Due> due = new ArrayList<>((waiting == null ? 0 : waiting.size()) + more.size());
    if (waiting != null) {
      for (Map.Entry<String, Long> w : waiting.entrySet()) {
        due.add(new Due(nipOf(w.getKey()), w.getValue()));
      }
    }
    due.addAll(more);
    due.sort(IN_EVENT_TIME);
    return due;
  }
}
