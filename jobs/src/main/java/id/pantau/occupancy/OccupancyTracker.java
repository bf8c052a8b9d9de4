package id.pantau.occupancy;

import id.pantau.events.AttendanceEvent;
import id.pantau.events.DeadLetter;
import id.pantau.events.Exposure;
import id.pantau.events.Json;
import id.pantau.events.RosterEntry;
import id.pantau.events.Topics;
import id.pantau.events.Unit;
import id.pantau.jobs.LocalDays;
import id.pantau.jobs.UnitWait;
import id.pantau.serial.OneOf;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.TimeDomain;
import org.apache.flink.streaming.api.functions.co.KeyedCoProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Per unit: who is in the office now (checked in WFO, not checked out, today in the unit's own time
 * zone), and the unit's reference data. Events wait in a buffer, one entry per second they fall
 * due, until the watermark passes them and are then applied in event-time order, so the point
 * written for each minute is exact; an event older than the watermark is applied at once as a
 * correction. A point goes out on every change and at every minute boundary; at local midnight the
 * day's state is dropped, so a forgotten check-out does not carry into the next day.
 *
 * <p>Live (not a bounded replay), an event that waits for the watermark is also shown at once: a
 * provisional point at the second it falls due, counting the events that wait ({@link
 * AheadOfWatermark}). When the watermark passes that second the exact point is written at the same
 * time and overwrites it; the breach detector and the daily rollup ignore provisional points.
 */
public class OccupancyTracker
    extends KeyedCoProcessFunction<
        String, AttendanceEvent, OneOf<Unit, Exposure, RosterEntry>, OccupancyUpdate> {
  public static final OutputTag<DeadLetter> DEAD_LETTERS =
      new OutputTag<>("occupancy-dead-letters", TypeInformation.of(DeadLetter.class));
  public static final OutputTag<RosterPlan> ROSTER_PLANS =
      new OutputTag<>("roster-plans", TypeInformation.of(RosterPlan.class));
  static final long SECOND = 1_000L;
  static final long MINUTE = 60_000L;
  static final long MAX_CATCH_UP_MS = 60 * MINUTE;

  /** How often a unit's provisional point may go out (processing time). */
  static final long SHOW_EVERY_MS = 100;

  /** Events kept for a unit that is not known yet; beyond this they are dead-lettered at once. */
  static final int MAX_PENDING = 10_000;

  private final long unitGraceMs;
  private final long maxCatchUpMs;
  private final boolean provisional;

  private transient ValueState<Unit> unit;
  private transient MapState<String, Long> marks; // nip -> PresenceMark, for the current local day
  // due second -> (nip@time -> PresenceMark): events not yet due, keyed by the timer that applies
  // them, so a timer reads its own second instead of walking every event still waiting.
  private transient MapState<Long, Map<String, Long>> dueBySecond;
  // The layout before "due-by-second" (nip@time -> PresenceMark); only read, to apply what a
  // savepoint from before still held.
  private transient MapState<String, Long> buffered;
  // nip -> true: in the office today but not scheduled there. Kept as marks and rosters change, so
  // a
  // point does not walk every employee of the unit (thousands, once a second in a busy unit).
  private transient MapState<String, Boolean> unscheduled;
  private transient ValueState<Integer> present;
  private transient ValueState<Long> day; // local epoch day the marks belong to
  private transient ValueState<Long> nextBeat;
  private transient ListState<AttendanceEvent> pending; // events before their unit is known
  private transient UnitWait unitWait;
  private transient RosterBook rosters;
  private transient ExposureBook exposures;
  private transient Map<String, LocalDays> daysByZone;
  private transient LocalDays days; // the last unit's
  private transient Map<String, UnitMemo> memos; // unit -> what is read of it, between calls
  private transient UnitMemo memo; // the current key's
  private transient AheadOfWatermark aheadNow; // the current key's, or null in a bounded replay
  private transient ReplayEnd replayEnd; // a bounded replay's, else null

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
    this.unitGraceMs = unitGraceMs;
    this.maxCatchUpMs = maxCatchUpMs;
    this.provisional = provisional;
  }

  @Override
  public void open(OpenContext ctx) {
    unit =
        getRuntimeContext()
            .getState(new ValueStateDescriptor<>("unit", TypeInformation.of(Unit.class)));
    marks =
        getRuntimeContext()
            .getMapState(new MapStateDescriptor<>("marks", Types.STRING, Types.LONG));
    dueBySecond =
        getRuntimeContext()
            .getMapState(
                new MapStateDescriptor<>(
                    "due-by-second", Types.LONG, Types.MAP(Types.STRING, Types.LONG)));
    buffered =
        getRuntimeContext()
            .getMapState(new MapStateDescriptor<>("buffered", Types.STRING, Types.LONG));
    unscheduled =
        getRuntimeContext()
            .getMapState(
                new MapStateDescriptor<>("unscheduled-present", Types.STRING, Types.BOOLEAN));
    present = getRuntimeContext().getState(new ValueStateDescriptor<>("present", Types.INT));
    day = getRuntimeContext().getState(new ValueStateDescriptor<>("day", Types.LONG));
    nextBeat = getRuntimeContext().getState(new ValueStateDescriptor<>("next-beat", Types.LONG));
    pending =
        getRuntimeContext()
            .getListState(
                new ListStateDescriptor<>("pending", TypeInformation.of(AttendanceEvent.class)));
    unitWait = new UnitWait(unitGraceMs);
    rosters = new RosterBook(getRuntimeContext());
    exposures = new ExposureBook(getRuntimeContext());
    memos = new HashMap<>();
    daysByZone = new HashMap<>();
    // A bounded replay is the one run that writes every minute however far event time jumps.
    replayEnd = maxCatchUpMs == Long.MAX_VALUE ? new ReplayEnd(getRuntimeContext()) : null;
  }

  /**
   * Starts work on a unit: `memo` holds what is read of it (read once, kept between calls; every
   * write goes through to the state as well), `aheadNow` its waiting events (none in a bounded
   * replay). Every path that reads or writes the unit's values starts here.
   */
  private void focus(String unitId) {
    memo = memos.get(unitId);
    if (memo == null) {
      memo = new UnitMemo(provisional);
      memos.put(unitId, memo);
    }
    aheadNow = memo.ahead;
  }

  /**
   * Drops the memo of a key with no unit: records naming units that do not exist must not grow the
   * memos without bound (its state stays the truth; a memo is made again when needed).
   */
  private void forget(String unitId) {
    memos.remove(unitId);
    memo = null;
    aheadNow = null;
  }

  /** How many units have a memo (for tests). */
  int memoCount() {
    return memos.size();
  }

  private Unit unitNow() throws Exception {
    if (!memo.unitRead) {
      memo.unit = unit.value();
      memo.unitRead = true;
    }
    return memo.unit;
  }

  private void setUnit(Unit u) throws Exception {
    unit.update(u);
    memo.unit = u;
    memo.unitRead = true;
  }

  private Long beat() throws Exception {
    if (!memo.beatRead) {
      memo.nextBeat = nextBeat.value();
      memo.beatRead = true;
    }
    return memo.nextBeat;
  }

  private void setBeat(Long next) throws Exception {
    if (next == null) nextBeat.clear();
    else nextBeat.update(next);
    memo.nextBeat = next;
    memo.beatRead = true;
  }

  private boolean exposedAt(long timeMs) throws Exception {
    Boolean at = memo.exposedAt(timeMs);
    if (at != null) return at;
    exposures.readInto(memo);
    return memo.exposedAt(timeMs);
  }

  private Integer scheduledInOffice(String date) throws Exception {
    if (!date.equals(memo.scheduledDate)) {
      memo.scheduled = rosters.scheduledInOffice(date);
      memo.scheduledDate = date;
    }
    return memo.scheduled;
  }

  @Override
  public void processElement1(AttendanceEvent e, Context ctx, Collector<OccupancyUpdate> out)
      throws Exception {
    focus(ctx.getCurrentKey());
    Unit u = unitNow();
    if (u == null) {
      hold(e, ctx);
      forget(ctx.getCurrentKey());
      return;
    }
    accept(e, u, ctx.timerService().currentWatermark(), ctx, out);
  }

  private void accept(
      AttendanceEvent e, Unit u, long watermark, Context ctx, Collector<OccupancyUpdate> out)
      throws Exception {
    long mark = PresenceMark.of(e.timeMs, e.isOfficeCheckIn());
    if (replayEnd != null) {
      Long stoppedAt = replayEnd.note(localDay(e.timeMs, u));
      // The minutes stopped at the end of the last fact's day: they go on from there.
      if (stoppedAt != null && beat() == null) scheduleBeat(dayEnd(stoppedAt, u), ctx);
    }
    if (e.timeMs > watermark) {
      // Due at the next whole second: one timer and at most one point per unit and second.
      long due = Math.floorDiv(e.timeMs + SECOND - 1, SECOND) * SECOND;
      String key = e.nip + "@" + e.timeMs;
      Map<String, Long> waiting = dueBySecond.get(due);
      Long before = waiting == null ? null : waiting.get(key);
      if (before == null || mark > before) {
        // A copy, never the stored map changed in place: a snapshot may share it.
        Map<String, Long> next = waiting == null ? new HashMap<>(4) : new HashMap<>(waiting);
        next.put(key, mark);
        dueBySecond.put(due, next);
      }
      if (waiting == null) ctx.timerService().registerEventTimeTimer(due);
      if (aheadNow != null && aheadNow.arrive(e.nip, mark, marks.get(e.nip))) {
        // Shown at the next tick, not per event: a busy unit's arrivals of a tick make one point.
        if (aheadNow.show(due)) {
          long now = ctx.timerService().currentProcessingTime();
          ctx.timerService()
              .registerProcessingTimeTimer(
                  Math.floorDiv(now, SHOW_EVERY_MS) * SHOW_EVERY_MS + SHOW_EVERY_MS);
        }
      }
      return;
    }
    // Late: the watermark has passed it, so it corrects the present state at once.
    boolean rolled = rollTo(localDay(watermark, u));
    if (applyOnItsDay(e.nip, mark, u) | rolled) emit(u, watermark, out);
  }

  /** The key of a unit's facts. */
  public static String unitId(OneOf<Unit, Exposure, RosterEntry> fact) {
    if (fact.value() instanceof Unit u) return u.unitId;
    if (fact.value() instanceof Exposure x) return x.unitId;
    return ((RosterEntry) fact.value()).unitId;
  }

  @Override
  public void processElement2(
      OneOf<Unit, Exposure, RosterEntry> fact, Context ctx, Collector<OccupancyUpdate> out)
      throws Exception {
    focus(ctx.getCurrentKey());
    if (fact.value() instanceof Unit unit) {
      onUnit(unit, ctx, out);
      return;
    }
    long watermark = ctx.timerService().currentWatermark();
    Unit u = unitNow();
    if (fact.value() instanceof Exposure exposure) {
      exposures.record(exposure);
      memo.exposureFrom = null; // read again at the next point
      // The cap follows at the next point; a change for later waits for its minute.
      if (u != null && watermark != Long.MIN_VALUE && exposure.effectiveFromMs <= watermark) {
        emit(u, watermark, out);
      }
      if (u == null) forget(ctx.getCurrentKey());
      return;
    }
    RosterEntry roster = (RosterEntry) fact.value();
    rosters.record(roster);
    if (roster.date.equals(memo.scheduledDate)) memo.scheduledDate = null;
    Long today = today();
    if (today != null && roster.date.equals(LocalDate.ofEpochDay(today).toString())) {
      Long m = marks.get(roster.nip);
      track(roster.nip, m != null && PresenceMark.inOffice(m), roster.date);
    }
    if (u != null) ctx.output(ROSTER_PLANS, plan(u, roster.date));
    else forget(ctx.getCurrentKey());
  }

  private void onUnit(Unit next, Context ctx, Collector<OccupancyUpdate> out) throws Exception {
    Unit before = unitNow();
    setUnit(next);
    long watermark = ctx.timerService().currentWatermark();
    List<AttendanceEvent> waiting = new ArrayList<>();
    pending.get().forEach(waiting::add);
    pending.clear();
    // A replay's wait ends with the input (UnitWait); the unit came, so that timer goes.
    if (!waiting.isEmpty()) ctx.timerService().deleteEventTimeTimer(Long.MAX_VALUE);
    for (AttendanceEvent e : waiting) accept(e, next, watermark, ctx, out);

    long at = watermark == Long.MIN_VALUE ? next.effectiveFromMs : watermark;
    if (at == Long.MIN_VALUE) return;
    rollTo(localDay(at, next));
    if (replayEnd != null) replayEnd.note(localDay(at, next));
    boolean changed =
        before == null
            || before.headcount.intValue() != next.headcount.intValue()
            || !before.region.equals(next.region);
    if (changed) emit(next, at, out);
    scheduleBeat(at, ctx);
    if (before == null) {
      for (String date : rosters.dates()) ctx.output(ROSTER_PLANS, plan(next, date));
    }
  }

  private RosterPlan plan(Unit u, String date) throws Exception {
    RosterPlan p = new RosterPlan();
    p.unitId = u.unitId;
    p.region = u.region;
    p.timeZone = u.timeZone;
    p.date = date;
    Integer scheduled = scheduledInOffice(date);
    p.scheduledOffice = scheduled == null ? 0 : scheduled;
    p.headcount = u.headcount;
    p.essential = Boolean.TRUE.equals(u.essential);
    p.minPresent = u.minPresent == null ? 0 : u.minPresent;
    long dayStart = days(u).startOf(date);
    p.exposed = exposedAt(dayStart);
    return p;
  }

  private void hold(AttendanceEvent e, Context ctx) throws Exception {
    int size = 0;
    for (AttendanceEvent ignored : pending.get()) size++;
    if (size >= MAX_PENDING) {
      ctx.output(DEAD_LETTERS, unknownUnit(e));
      return;
    }
    pending.add(e);
    if (size == 0) unitWait.arm(ctx.timerService());
  }

  /** The unit did not come: the events that waited for it are dead letters. */
  private void giveUpWaiting(OnTimerContext ctx) throws Exception {
    for (AttendanceEvent e : pending.get()) ctx.output(DEAD_LETTERS, unknownUnit(e));
    pending.clear();
    forget(ctx.getCurrentKey());
  }

  @Override
  public void onTimer(long t, OnTimerContext ctx, Collector<OccupancyUpdate> out) throws Exception {
    focus(ctx.getCurrentKey());
    Unit u = unitNow();
    if (ctx.timeDomain() == TimeDomain.PROCESSING_TIME) {
      if (u == null) {
        if (unitWait.endOf(t, ctx.timerService()) <= t) giveUpWaiting(ctx);
        return;
      }
      long at = aheadNow == null ? Long.MIN_VALUE : aheadNow.takeShown();
      // Only while the exact point of that second is still to come, which then overwrites it.
      if (at > ctx.timerService().currentWatermark()) emitProvisional(u, at, out);
      return;
    }
    if (u == null) {
      if (t == Long.MAX_VALUE && unitWait.endOf(t, ctx.timerService()) <= t) giveUpWaiting(ctx);
      else forget(ctx.getCurrentKey());
      return;
    }
    Long dayBefore = today();
    List<Map.Entry<Long, String>> due = new ArrayList<>();
    // Every event waits under the second it falls due, and that second has a timer; timers fire in
    // time order, so the earlier seconds are applied already and this one is all that is due.
    Map<String, Long> waiting = dueBySecond.get(t);
    if (waiting != null) {
      for (Map.Entry<String, Long> b : waiting.entrySet()) {
        due.add(Map.entry(b.getValue(), b.getKey()));
      }
      dueBySecond.remove(t);
    }
    if (!buffered.isEmpty()) drainBefore(t, due);
    due.sort(Map.Entry.comparingByKey());
    boolean changed = false;
    for (Map.Entry<Long, String> d : due) {
      String nip = d.getValue().substring(0, d.getValue().lastIndexOf('@'));
      changed |= applyOnItsDay(nip, d.getKey(), u);
      if (aheadNow != null) aheadNow.settled(nip, d.getKey());
    }
    if (aheadNow != null) aheadNow.decided(t);
    changed |= rollTo(localDay(t, u));
    // Beats fall on whole minutes: the other seconds need not look.
    Long beat = t % MINUTE == 0 ? beat() : null;
    boolean isBeat = beat != null && beat == t;
    // Live, a second with events had a provisional point: the exact one overwrites it.
    if (changed || isBeat || (aheadNow != null && waiting != null)) emit(u, t, out);
    if (isBeat) {
      setBeat(null);
      long watermark = ctx.timerService().currentWatermark();
      if (replayEnd != null || watermark == Long.MAX_VALUE) {
        // A bounded replay, and the end of any bounded input: the minutes up to the end of the
        // local day of the last fact, as the live job wrote them (a cap change at a quiet minute
        // shows only at a minute point), and the midnight point; then no next minute, however far
        // the watermark runs (ReplayEnd).
        Long endDay = replayEnd == null ? dayBefore : replayEnd.lastDayOr(dayBefore);
        if (!dueBySecond.isEmpty()
            || !buffered.isEmpty()
            || (endDay != null && t < dayEnd(endDay, u))) {
          scheduleBeat(t, ctx);
        }
        return;
      }
      if (watermark - t > maxCatchUpMs) {
        // Event time jumped (a restart after a quiet night): skip the missed minutes, but not the
        // day change they contained.
        if (rollTo(localDay(watermark, u))) emit(u, watermark, out);
        scheduleBeat(watermark, ctx);
      } else {
        scheduleBeat(t, ctx);
      }
    }
  }

  /**
   * Takes what is due from the buffer's layout before "due-by-second" (a savepoint from before).
   */
  private void drainBefore(long t, List<Map.Entry<Long, String>> due) throws Exception {
    for (Iterator<Map.Entry<String, Long>> it = buffered.iterator(); it.hasNext(); ) {
      Map.Entry<String, Long> b = it.next();
      if (PresenceMark.timeMs(b.getValue()) <= t) {
        due.add(Map.entry(b.getValue(), b.getKey()));
        it.remove();
      }
    }
    if (buffered.isEmpty()) buffered.clear(); // drop the empty map, not only its entries
  }

  /**
   * Applies a mark unless it belongs to a day already closed; returns whether the count changed.
   */
  private boolean applyOnItsDay(String nip, long mark, Unit u) throws Exception {
    long itsDay = localDay(PresenceMark.timeMs(mark), u);
    Long today = today();
    if (today != null && itsDay < today) return false; // a past day's fact does not change today
    boolean rolled = rollTo(itsDay);
    return apply(nip, mark, u) | rolled;
  }

  /** Applies a mark if it is the employee's latest; returns whether the count changed. */
  private boolean apply(String nip, long mark, Unit u) throws Exception {
    Long old = marks.get(nip);
    if (old != null && old >= mark) return false;
    marks.put(nip, mark);
    if (aheadNow != null) aheadNow.exactMoved(nip, mark);
    boolean wasIn = old != null && PresenceMark.inOffice(old);
    boolean isIn = PresenceMark.inOffice(mark);
    if (wasIn == isIn) return false;
    track(nip, isIn, days(u).dateOf(today()));
    setPresent(count() + (isIn ? 1 : -1));
    return true;
  }

  /** Keeps the employee in the unscheduled set exactly while in the office and not scheduled. */
  private void track(String nip, boolean isIn, String date) throws Exception {
    if (isIn && !rosters.isScheduledInOffice(date, nip)) unscheduled.put(nip, Boolean.TRUE);
    else unscheduled.remove(nip);
  }

  /**
   * Starts a new local day: yesterday's check-ins without check-outs stop counting. Returns whether
   * that changed the count.
   */
  private boolean rollTo(long localDay) throws Exception {
    Long current = today();
    if (current != null && current >= localDay) return false;
    int before = count();
    marks.clear();
    if (aheadNow != null) aheadNow.clear();
    unscheduled.clear();
    setPresent(0);
    memo.day = localDay;
    day.update(localDay);
    rosters.dropBefore(LocalDate.ofEpochDay(localDay).toString());
    memo.scheduledDate = null;
    return before != 0;
  }

  private void scheduleBeat(long from, Context ctx) throws Exception {
    long next = Math.floorDiv(from, MINUTE) * MINUTE + MINUTE;
    if (beat() != null) return; // one beat at a time; it reschedules itself
    setBeat(next);
    ctx.timerService().registerEventTimeTimer(next);
  }

  private void emit(Unit u, long timeMs, Collector<OccupancyUpdate> out) throws Exception {
    // The final watermark of a bounded input (a replay) is not a moment of the day.
    if (timeMs == Long.MAX_VALUE) return;
    OccupancyUpdate o = new OccupancyUpdate(u.unitId, u.region, timeMs, count(), u.headcount);
    o.timeZone = u.timeZone;
    o.essential = Boolean.TRUE.equals(u.essential);
    o.minPresent = u.minPresent == null ? 0 : u.minPresent;
    o.exposed = exposedAt(timeMs);
    String today = days(u).dateOf(localDay(timeMs, u));
    o.scheduledOffice = scheduledInOffice(today);
    if (o.scheduledOffice != null) {
      List<String> names = new ArrayList<>();
      for (String nip : unscheduled.keys()) names.add(nip);
      o.unscheduled = names.size();
      o.unscheduledNips = names.toArray(new String[0]);
    }
    out.collect(o);
  }

  /** The count with the waiting events, at the second they fall due; overwritten by the exact. */
  private void emitProvisional(Unit u, long timeMs, Collector<OccupancyUpdate> out)
      throws Exception {
    OccupancyUpdate o =
        new OccupancyUpdate(
            u.unitId, u.region, timeMs, Math.max(0, count() + aheadNow.delta()), u.headcount);
    o.timeZone = u.timeZone;
    o.essential = Boolean.TRUE.equals(u.essential);
    o.minPresent = u.minPresent == null ? 0 : u.minPresent;
    o.exposed = exposedAt(timeMs);
    o.provisional = true;
    out.collect(o);
  }

  private void load() throws Exception {
    if (memo.countRead) return;
    Integer p = present.value();
    memo.present = p == null ? 0 : p;
    memo.day = day.value();
    memo.countRead = true;
  }

  private int count() throws Exception {
    load();
    return memo.present;
  }

  private void setPresent(int n) throws Exception {
    load();
    memo.present = n;
    present.update(n);
  }

  /** The local epoch day the marks belong to, or null before the first. */
  private Long today() throws Exception {
    load();
    return memo.day;
  }

  private long dayEnd(long localDay, Unit u) {
    return days(u).endOf(localDay);
  }

  private long localDay(long timeMs, Unit u) {
    return days(u).dayOf(timeMs);
  }

  /** The unit's local days; units share a few zones, so this is a lookup, not a zone parse. */
  private LocalDays days(Unit u) {
    if (days == null || !days.zoneName.equals(u.timeZone)) {
      days = daysByZone.computeIfAbsent(u.timeZone, LocalDays::new);
    }
    return days;
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
