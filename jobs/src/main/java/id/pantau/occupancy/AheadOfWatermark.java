package id.pantau.occupancy;

import java.util.HashMap;
import java.util.Map;

/**
 * A unit's in-order events that wait for the watermark, seen at once for the provisional count: per
 * employee the latest such mark and the difference it makes to the exact count (+1 checked in ahead
 * of the exact state, -1 checked out, 0 neither). The provisional count is the exact count plus
 * their sum. Not Flink state: after a restore it refills from arrivals, and every provisional point
 * is overwritten by the exact point of the same second.
 */
final class AheadOfWatermark {
  private final Map<String, Entry> latest = new HashMap<>();
  private int delta;
  private long showAt = Long.MIN_VALUE; // the second to show at the next tick, if any
  private boolean tickPending;

  private static final class Entry {
    long mark;
    int contribution;
  }

  /** The exact count's difference to the provisional one. */
  int delta() {
    return delta;
  }

  /**
   * An event arrived ahead of the watermark; exact is the employee's exact mark now (null: none).
   * Returns whether the provisional count changed.
   */
  boolean arrive(String nip, long mark, Long exact) {
    Entry e = latest.get(nip);
    if (e != null && mark <= e.mark) return false;
    if (e == null) {
      if (exact != null && mark <= exact) return false;
      e = new Entry();
      latest.put(nip, e);
    }
    int before = e.contribution;
    e.mark = mark;
    e.contribution = in(mark) - in(exact);
    delta += e.contribution - before;
    return e.contribution != before;
  }

  /** The employee's exact mark moved to `exact` (a due or a late event applied). */
  void exactMoved(String nip, long exact) {
    Entry e = latest.get(nip);
    if (e == null) return;
    int next = in(e.mark) - in(exact);
    delta += next - e.contribution;
    e.contribution = next;
  }

  /** The event with this mark was taken by the exact state (or dropped as a past day's). */
  void settled(String nip, long mark) {
    Entry e = latest.get(nip);
    if (e == null || e.mark > mark) return; // a later event of the employee still waits
    delta -= e.contribution;
    latest.remove(nip);
  }

  /**
   * The provisional count changed for the second `due`: it is shown at the next tick, at the latest
   * such second. Returns whether a tick must be asked for (none is pending).
   */
  boolean show(long due) {
    showAt = Math.max(showAt, due);
    if (tickPending) return false;
    tickPending = true;
    return true;
  }

  /** At a tick: the second to show a provisional point at, or Long.MIN_VALUE for none. */
  long takeShown() {
    long at = showAt;
    showAt = Long.MIN_VALUE;
    tickPending = false;
    return at;
  }

  /** The exact point of second t is out: nothing up to it needs showing any more. */
  void decided(long t) {
    if (showAt <= t) showAt = Long.MIN_VALUE;
  }

  /** A new local day: the exact marks are gone, so are the differences to them. */
  void clear() {
    latest.clear();
    delta = 0;
  }

  boolean isEmpty() {
    return latest.isEmpty();
  }

  private static int in(Long mark) {
    return mark != null && PresenceMark.inOffice(mark) ? 1 : 0;
  }
}
