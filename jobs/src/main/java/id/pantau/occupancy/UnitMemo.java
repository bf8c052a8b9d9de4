package id.pantau.occupancy;

import id.pantau.events.Unit;
import java.io.IOException;
import java.util.TreeSet;
import org.apache.flink.api.common.state.ValueState;

/**
 * What the occupancy tracker reads of one unit many times per event and per timer, kept between
 * calls by {@link UnitState}: each state lookup costs a walk through the state table. Not Flink
 * state, so a restore starts with nothing read.
 */
final class UnitMemo {
  /** No event-time timer of the unit's wake is known (none, or the job was just restored). */
  static final long NO_TIMER = Long.MAX_VALUE;

  /** The events that wait for the watermark, for provisional points (null in a bounded replay). */
  final AheadOfWatermark ahead;

  final Read<Unit> unit = new Read<>();

  boolean countRead;
  int present;
  Long day;

  final Read<Long> nextBeat = new Read<>();

  /** Exposure versions sorted by effectiveFrom (null: not read). */
  long[] exposureFrom;

  boolean[] exposed;

  /** The scheduled-in-office count of one date (the one asked for last). */
  String scheduledDate;

  Integer scheduled;

  /** The seconds with facts waiting, in order (null: not read). */
  TreeSet<Long> dueSeconds;

  /** The event-time timer registered for the unit's next wake, or {@link #NO_TIMER}. */
  long wakeAt = NO_TIMER;

  /** The watermark up to which the due seconds and minutes are applied. */
  long caughtUpTo = Long.MIN_VALUE;

  UnitMemo(boolean provisional) {
    this.ahead = provisional ? new AheadOfWatermark() : null;
  }

  /** Whether the unit had a confirmed case at a moment; null when the versions are not read. */
  Boolean exposedAt(long timeMs) {
    if (exposureFrom == null) return null;
    boolean at = false;
    for (int i = 0; i < exposureFrom.length && exposureFrom[i] <= timeMs; i++) at = exposed[i];
    return at;
  }

  /** A value of keyed state read once, then kept; every write goes through to the state. */
  static final class Read<T> {
    private boolean read;
    private T value;

    T get(ValueState<T> state) throws IOException {
      if (!read) {
        value = state.value();
        read = true;
      }
      return value;
    }

    void set(ValueState<T> state, T next) throws IOException {
      if (next == null) state.clear();
      else state.update(next);
      value = next;
      read = true;
    }
  }
}
