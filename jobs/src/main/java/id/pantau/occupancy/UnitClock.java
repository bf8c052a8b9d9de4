package id.pantau.occupancy;

import id.pantau.events.Unit;
import id.pantau.occupancy.DueSeconds.Due;
import java.util.Map;
import org.apache.flink.streaming.api.TimerService;
import org.apache.flink.util.Collector;

/**
 * A unit's event time: its one event-time timer, at its next wake (the earliest second with events
 * due, or the next minute), and what each moment up to the watermark decides when it fires. The
 * moments are those a timer per second with events and per minute would have fired at, decided in
 * the same order with the same points, in one call per advance of the watermark.
 */
final class UnitClock {
  private final UnitState state;
  private final UnitDay day;
  private final UnitPoints points;
  private final long maxCatchUpMs;

  UnitClock(UnitState state, UnitDay day, UnitPoints points, long maxCatchUpMs) {
    this.state = state;
    this.day = day;
    this.points = points;
    this.maxCatchUpMs = maxCatchUpMs;
  }

  /** The unit's timer at t fired: every moment up to the watermark, then the next wake. */
  void catchUp(long t, Unit u, TimerService timers, Collector<OccupancyUpdate> out)
      throws Exception {
    if (t == state.wakeAt()) state.setWakeAt(UnitMemo.NO_TIMER);
    long watermark = timers.currentWatermark();
    WaitingFacts waiting = state.waiting();
    Moments moments = new Moments(watermark, t, state.caughtUpTo());
    for (Long m = moments.next(waiting.first(), state.nextBeat());
        m != null;
        m = moments.next(waiting.first(), state.nextBeat())) {
      decide(m, u, watermark, out);
    }
    state.setCaughtUpTo(watermark);
    wakeBy(Moments.wake(waiting.first(), state.nextBeat()), timers);
  }

  /** One moment of event time: the events due then, the day, the minute's point. */
  private void decide(long t, Unit u, long watermark, Collector<OccupancyUpdate> out)
      throws Exception {
    Long dayBefore = state.today();
    Map<String, Long> waiting = state.waiting().take(t);
    AheadOfWatermark ahead = state.ahead();
    boolean changed = false;
    for (Due d : DueSeconds.inOrder(waiting, state.waiting().takeFormer(t))) {
      changed |= day.applyOnItsDay(d.nip(), d.mark(), u);
      if (ahead != null) ahead.settled(d.nip(), d.mark());
    }
    if (ahead != null) ahead.decided(t);
    changed |= day.rollTo(day.dayOf(t, u));
    // Beats fall on whole minutes: the other seconds need not look.
    boolean isBeat = MinuteBeats.isWholeMinute(t) && Long.valueOf(t).equals(state.nextBeat());
    // Live, a second with events had a provisional point: the exact one overwrites it.
    if (changed || isBeat || (ahead != null && waiting != null)) points.exact(u, t, out);
    if (isBeat) afterBeat(t, u, watermark, dayBefore, out);
  }

  private void afterBeat(
      long t, Unit u, long watermark, Long dayBefore, Collector<OccupancyUpdate> out)
      throws Exception {
    state.setNextBeat(null);
    // A bounded replay, and the end of any bounded input, write the minutes up to the end of the
    // local day of the last fact and the midnight point, then no next minute (ReplayEnd).
    boolean toTheEnd = state.boundedReplay() || watermark == Long.MAX_VALUE;
    Long endDay = state.lastFactDayOr(dayBefore);
    long lastDayEnd = endDay == null ? Long.MIN_VALUE : day.of(u).endOf(endDay);
    switch (MinuteBeats.afterBeat(
        t, watermark, maxCatchUpMs, toTheEnd, state.waiting().any(), lastDayEnd)) {
      case NEXT -> scheduleBeat(t);
      case SKIP_TO_WATERMARK -> {
        // The missed minutes are skipped, but not the day change they contained.
        if (day.rollTo(day.dayOf(watermark, u))) points.exact(u, watermark, out);
        scheduleBeat(watermark);
      }
      case STOP -> {}
    }
  }

  /** The beat after a moment, unless one is scheduled (it schedules the next itself). */
  private Long scheduleBeat(long from) throws Exception {
    if (state.nextBeat() != null) return null;
    long next = MinuteBeats.after(from);
    state.setNextBeat(next);
    return next;
  }

  /** Schedules the next minute after a moment, unless one is scheduled. */
  void beatFrom(long from, TimerService timers) throws Exception {
    Long beat = scheduleBeat(from);
    if (beat != null) wakeBy(beat, timers);
  }

  /** Makes the unit's one timer fire by t (an earlier one that a later supersedes is deleted). */
  void wakeBy(long t, TimerService timers) {
    long registered = state.wakeAt();
    if (t >= registered) return;
    if (registered != UnitMemo.NO_TIMER) timers.deleteEventTimeTimer(registered);
    timers.registerEventTimeTimer(t);
    state.setWakeAt(t);
  }
}
