package id.pantau.occupancy;

import id.pantau.events.AttendanceEvent;
import id.pantau.events.DeadLetter;
import id.pantau.events.Exposure;
import id.pantau.events.Json;
import id.pantau.events.RosterEntry;
import id.pantau.events.Topics;
import id.pantau.events.Unit;
import id.pantau.jobs.UnitWait;
import id.pantau.jobs.WaitsForUnits;
import id.pantau.serial.OneOf;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.TimeDomain;
import org.apache.flink.streaming.api.TimerService;
import org.apache.flink.streaming.api.functions.co.KeyedCoProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Per unit: who is in the office now (checked in WFO, not checked out, today in the unit's own time
 * zone), and the unit's reference data. Events wait until the watermark passes the second they fall
 * due ({@link DueSeconds}) and are then applied in event-time order, so the point written for each
 * minute is exact; an event older than the watermark is applied at once as a correction. A point
 * goes out on every change and at every minute boundary ({@link MinuteBeats}); at local midnight
 * the day's state is dropped ({@link UnitDay}).
 *
 * <p>A unit has one event-time timer, at its next wake: the earliest second with events due, or its
 * next minute. When the watermark passes it, every due second and minute up to the watermark is
 * applied in time order in that one call, each writing the point a timer of its own would, so the
 * timers follow the watermark's advances rather than the seconds with events.
 *
 * <p>Live (not a bounded replay), an event that waits for the watermark is also shown at once: a
 * provisional point at the second it falls due, counting the events that wait ({@link
 * AheadOfWatermark}). When the watermark passes that second the exact point is written at the same
 * time and overwrites it; the breach detector and the daily rollup ignore provisional points.
 */
public class OccupancyTracker
    extends KeyedCoProcessFunction<
        String, AttendanceEvent, OneOf<Unit, Exposure, RosterEntry>, OccupancyUpdate>
    implements WaitsForUnits {
  public static final OutputTag<DeadLetter> DEAD_LETTERS =
      new OutputTag<>("occupancy-dead-letters", TypeInformation.of(DeadLetter.class));
  public static final OutputTag<RosterPlan> ROSTER_PLANS =
      new OutputTag<>("roster-plans", TypeInformation.of(RosterPlan.class));
  static final long MAX_CATCH_UP_MS = 60 * MinuteBeats.MINUTE;

  /** How often a unit's provisional point may go out (processing time). */
  static final long SHOW_EVERY_MS = 100;

  /** Events kept for a unit that is not known yet; beyond this they are dead-lettered at once. */
  static final int MAX_PENDING = 10_000;

  private final long maxCatchUpMs;
  private final boolean provisional;

  private transient UnitState state; // the current key's, after state.focus
  private transient UnitDay day;
  private transient UnitPoints points;
  private transient UnitClock clock;
  private final UnitWait unitWait;

  /** Exact points only (no provisional ones). */
  public OccupancyTracker(long unitGraceMs) {
    this(unitGraceMs, MAX_CATCH_UP_MS, false);
  }

  /** Exact points only (no provisional ones). */
  public OccupancyTracker(long unitGraceMs, long maxCatchUpMs) {
    this(unitGraceMs, maxCatchUpMs, false);
  }

  /**
   * @param maxCatchUpMs when event time jumps further than this (a restart after a quiet night),
   *     the missed minute points are skipped; a bounded replay passes Long.MAX_VALUE, so it writes
   *     every minute as the live job did (its watermark jumps hours at once, and a cap change at a
   *     minute without a check-in only shows at a minute point)
   * @param provisional whether to show waiting events at once (live), not in a bounded replay
   */
  public OccupancyTracker(long unitGraceMs, long maxCatchUpMs, boolean provisional) {
    this.unitWait = new UnitWait(unitGraceMs);
    this.maxCatchUpMs = maxCatchUpMs;
    this.provisional = provisional;
  }

  @Override
  public UnitWait unitWait() {
    return unitWait;
  }

  @Override
  public void open(OpenContext ctx) {
    // A bounded replay is the one run that writes every minute however far event time jumps.
    state = new UnitState(getRuntimeContext(), provisional, maxCatchUpMs == Long.MAX_VALUE);
    day = new UnitDay(state);
    points = new UnitPoints(state, day);
    clock = new UnitClock(state, day, points, maxCatchUpMs);
  }

  /** How many units have a memo (for tests). */
  int memoCount() {
    return state.memoCount();
  }

  /** The key of a unit's facts. */
  public static String unitId(OneOf<Unit, Exposure, RosterEntry> fact) {
    if (fact.value() instanceof Unit u) return u.unitId;
    if (fact.value() instanceof Exposure x) return x.unitId;
    return ((RosterEntry) fact.value()).unitId;
  }

  @Override
  public void processElement1(AttendanceEvent e, Context ctx, Collector<OccupancyUpdate> out)
      throws Exception {
    state.focus(ctx.getCurrentKey());
    Unit u = state.unit();
    if (u == null) {
      hold(e, ctx);
      state.forget(ctx.getCurrentKey());
      return;
    }
    accept(e, u, ctx.timerService().currentWatermark(), ctx, out);
  }

  private void accept(
      AttendanceEvent e, Unit u, long watermark, Context ctx, Collector<OccupancyUpdate> out)
      throws Exception {
    long mark = PresenceMark.of(e.timeMs, e.isOfficeCheckIn());
    if (state.boundedReplay()) {
      Long stoppedAt = state.noteFactDay(day.dayOf(e.timeMs, u));
      // The minutes stopped at the end of the last fact's day: they go on from there.
      if (stoppedAt != null && state.nextBeat() == null) {
        clock.beatFrom(day.of(u).endOf(stoppedAt), ctx.timerService());
      }
    }
    if (e.timeMs > watermark) {
      waitForWatermark(e, mark, ctx);
      return;
    }
    // Late: the watermark has passed it, so it corrects the present state at once.
    boolean rolled = day.rollTo(day.dayOf(watermark, u));
    if (day.applyOnItsDay(e.nip, mark, u) | rolled) points.exact(u, watermark, out);
  }

  private void waitForWatermark(AttendanceEvent e, long mark, Context ctx) throws Exception {
    long due = DueSeconds.dueAt(e.timeMs);
    state.waiting().add(due, e.nip, mark);
    clock.wakeBy(due, ctx.timerService());
    AheadOfWatermark ahead = state.ahead();
    // Shown at the next tick, not per event: a busy unit's arrivals of a tick make one point.
    if (ahead != null && ahead.arrive(e.nip, mark, state.mark(e.nip)) && ahead.show(due)) {
      long now = ctx.timerService().currentProcessingTime();
      ctx.timerService()
          .registerProcessingTimeTimer(
              Math.floorDiv(now, SHOW_EVERY_MS) * SHOW_EVERY_MS + SHOW_EVERY_MS);
    }
  }

  @Override
  public void processElement2(
      OneOf<Unit, Exposure, RosterEntry> fact, Context ctx, Collector<OccupancyUpdate> out)
      throws Exception {
    state.focus(ctx.getCurrentKey());
    if (fact.value() instanceof Unit unit) {
      onUnit(unit, ctx, out);
      return;
    }
    long watermark = ctx.timerService().currentWatermark();
    Unit u = state.unit();
    if (fact.value() instanceof Exposure exposure) {
      state.record(exposure);
      // The cap follows at the next point; a change for later waits for its minute.
      if (u != null && watermark != Long.MIN_VALUE && exposure.effectiveFromMs <= watermark) {
        points.exact(u, watermark, out);
      }
    } else {
      RosterEntry roster = (RosterEntry) fact.value();
      state.record(roster);
      day.rosterChanged(roster);
      if (u != null) ctx.output(ROSTER_PLANS, points.plan(u, roster.date));
    }
    if (u == null) state.forget(ctx.getCurrentKey());
  }

  private void onUnit(Unit next, Context ctx, Collector<OccupancyUpdate> out) throws Exception {
    Unit before = state.unit();
    state.setUnit(next);
    long watermark = ctx.timerService().currentWatermark();
    List<AttendanceEvent> waiting = new ArrayList<>();
    state.pending().forEach(waiting::add);
    state.clearPending();
    // A replay's wait ends with the input (UnitWait); the unit came, so that timer goes.
    if (!waiting.isEmpty()) ctx.timerService().deleteEventTimeTimer(Long.MAX_VALUE);
    for (AttendanceEvent e : waiting) accept(e, next, watermark, ctx, out);

    long at = watermark == Long.MIN_VALUE ? next.effectiveFromMs : watermark;
    if (at == Long.MIN_VALUE) return;
    day.rollTo(day.dayOf(at, next));
    state.noteFactDay(day.dayOf(at, next));
    boolean changed =
        before == null
            || before.headcount.intValue() != next.headcount.intValue()
            || !before.region.equals(next.region);
    if (changed) points.exact(next, at, out);
    clock.beatFrom(at, ctx.timerService());
    if (before == null) {
      for (String date : state.rosterDates()) ctx.output(ROSTER_PLANS, points.plan(next, date));
    }
  }

  private void hold(AttendanceEvent e, Context ctx) throws Exception {
    int size = 0;
    for (AttendanceEvent ignored : state.pending()) size++;
    if (size >= MAX_PENDING) {
      ctx.output(DEAD_LETTERS, unknownUnit(e));
      return;
    }
    state.addPending(e);
    if (size == 0) unitWait.arm(ctx.timerService());
  }

  /** The unit did not come: the events that waited for it are dead letters. */
  private void giveUpWaiting(OnTimerContext ctx) throws Exception {
    for (AttendanceEvent e : state.pending()) ctx.output(DEAD_LETTERS, unknownUnit(e));
    state.clearPending();
    state.forget(ctx.getCurrentKey());
  }

  @Override
  public void onTimer(long t, OnTimerContext ctx, Collector<OccupancyUpdate> out) throws Exception {
    state.focus(ctx.getCurrentKey());
    Unit u = state.unit();
    TimerService timers = ctx.timerService();
    if (ctx.timeDomain() == TimeDomain.PROCESSING_TIME) {
      if (u == null) {
        if (unitWait.endOf(t, timers) <= t) giveUpWaiting(ctx);
        return;
      }
      AheadOfWatermark ahead = state.ahead();
      long at = ahead == null ? Long.MIN_VALUE : ahead.takeShown();
      // Only while the exact point of that second is still to come, which then overwrites it.
      if (at > timers.currentWatermark()) points.provisional(u, at, out);
      return;
    }
    if (u == null) {
      if (t == Long.MAX_VALUE && unitWait.endOf(t, timers) <= t) giveUpWaiting(ctx);
      else state.forget(ctx.getCurrentKey());
      return;
    }
    clock.catchUp(t, u, timers, out);
  }

  private static DeadLetter unknownUnit(AttendanceEvent e) {
    DeadLetter d =
        DeadLetter.of(
            Topics.ATTENDANCE,
            Json.text(e),
            "unitId: unknown unit '"
                + e.unitId
                + "'; register it first with PUT /v1/units/"
                + e.unitId,
            "occupancy-tracker",
            e.timeMs); // the event's own time, so a replay counts it in the same minute
    d.key = e.nip;
    return d;
  }
}
