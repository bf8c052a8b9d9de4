package id.pantau.occupancy;

import id.pantau.events.Unit;
import java.util.TreeSet;

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

  boolean unitRead;
  Unit unit;

  boolean countRead;
  int present;
  Long day;

  boolean beatRead;
  Long nextBeat;

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
}
