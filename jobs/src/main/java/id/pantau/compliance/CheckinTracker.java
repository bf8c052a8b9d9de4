package id.pantau.compliance;

import id.pantau.events.Action;
import id.pantau.events.AttendanceEvent;
import id.pantau.events.DeadLetter;
import id.pantau.events.Json;
import id.pantau.events.LocationPing;
import id.pantau.events.Policy;
import id.pantau.events.RosterEntry;
import id.pantau.events.Topics;
import id.pantau.events.Unit;
import id.pantau.jobs.UnitWait;
import id.pantau.jobs.WaitsForUnits;
import id.pantau.serial.OneOf;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Iterator;
import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.BroadcastState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ReadOnlyBroadcastState;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.TimeDomain;
import org.apache.flink.streaming.api.functions.co.KeyedBroadcastProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Check-in compliance per employee (keyed by NIP), in event time and the unit's local time zone.
 *
 * <p>The roster row of a date says what is expected ({@link DayPlan}); check-ins and location pings
 * are kept once per eventId. Every window's status is derived from those facts at a moment, and a
 * result goes out whenever it changes: PENDING when the expectation is known, ON_TIME when the
 * watermark passes the window's end with a check-in at or before it, LATE when it passes the end
 * and a later check-in, MISSED when it passes the cutoff (attendance) or the end plus the allowed
 * lateness (location) with nothing. Event-time timers at these moments decide without traffic.
 *
 * <p>Corrections: a fact that ingest received before the decision but that reaches the job after it
 * corrects the result to what it would have been; one received after a MISSED decision (an offline
 * phone) turns it into LATE_UPLOAD. Since it is ingest's receivedAt that decides, a replay gives
 * the same results. A roster change re-evaluates the date: a window no longer expected is retracted
 * with EXCUSED. A date's state is dropped at the next day's cutoff (timers), which is after a night
 * shift's cutoff past midnight.
 *
 * <p>A roster of a unit that is not known yet waits for it; after the grace it is dead-lettered.
 * Policy versions are folded per region at the date's start; a change for a date already planned
 * moves its timers at the employee's next fact or timer.
 *
 * <p>Cost. An employee's state is one value ({@link CheckinState}: dates with their windows, and
 * the kept facts), read once per fact or timer. A fact re-derives only the windows whose [start,
 * decision] holds it, a timer only those whose [end, decision] holds its moment; a date is derived
 * whole only when its plan may have changed (a roster row, a new unit or policy version, a restore,
 * or a dropped fact it may rest on). A date's timers are set when it is derived whole, a late
 * check-in's when it is kept, and a drop time's once. Savepoints taken before this layout (three
 * map states "days", "windows", "marks") cannot be restored into it: start such a job afresh (its
 * replay re-derives every date from the topics).
 */
public class CheckinTracker
    extends KeyedBroadcastProcessFunction<
        String,
        OneOf<AttendanceEvent, LocationPing, RosterEntry>,
        OneOf<Unit, Policy, Void>,
        WindowResult>
    implements WaitsForUnits {
  public static final MapStateDescriptor<String, Unit> UNITS =
      new MapStateDescriptor<>("compliance-units", Types.STRING, TypeInformation.of(Unit.class));
  public static final MapStateDescriptor<String, Policy> POLICIES =
      new MapStateDescriptor<>(
          "compliance-policies", Types.STRING, TypeInformation.of(Policy.class));
  public static final OutputTag<DeadLetter> DEAD_LETTERS =
      new OutputTag<>("compliance-dead-letters", TypeInformation.of(DeadLetter.class));
  static final String STAGE = "compliance-tracker";

  /** Kept for facts whose unit is unknown, so their local date cannot be told yet. */
  static final long UNPLACED_MARK_MS = 2 * 24 * 3_600_000L;

  private final UnitWait unitWait;
  private final long staleAfterMs;

  private transient ValueState<CheckinState> state;

  private transient DatePlans plans;

  /**
   * @param unitGraceMs how long a roster waits for its unit (processing time)
   * @param staleAfterMs a roster for a date that ended this long before the wall clock is ignored
   *     (the facts of that date are no longer replayed); 0 keeps every date
   */
  public CheckinTracker(long unitGraceMs, long staleAfterMs) {
    this.unitWait = new UnitWait(unitGraceMs);
    this.staleAfterMs = staleAfterMs;
  }

  @Override
  public UnitWait unitWait() {
    return unitWait;
  }

  @Override
  public void open(OpenContext ctx) {
    plans = new DatePlans();
    state =
        getRuntimeContext()
            .getState(new ValueStateDescriptor<>("employee", new CheckinStateSerializer()));
  }

  @Override
  public void processBroadcastElement(
      OneOf<Unit, Policy, Void> ref, Context ctx, Collector<WindowResult> out) throws Exception {
    plans.referenceChanged();
    if (ref.value() instanceof Unit unit) {
      BroadcastState<String, Unit> units = ctx.getBroadcastState(UNITS);
      Unit before = units.get(unit.unitId);
      if (before == null || unit.effectiveFromMs >= before.effectiveFromMs) {
        units.put(unit.unitId, unit);
      }
    }
    if (ref.value() instanceof Policy policy) {
      ctx.getBroadcastState(POLICIES).put(policy.key(), policy);
    }
  }

  /** The key of an employee's facts. */
  public static String nip(OneOf<AttendanceEvent, LocationPing, RosterEntry> fact) {
    if (fact.value() instanceof AttendanceEvent e) return e.nip;
    if (fact.value() instanceof LocationPing p) return p.nip;
    return ((RosterEntry) fact.value()).nip;
  }

  @Override
  public void processElement(
      OneOf<AttendanceEvent, LocationPing, RosterEntry> fact,
      ReadOnlyContext ctx,
      Collector<WindowResult> out)
      throws Exception {
    long now = ctx.timerService().currentWatermark();
    CheckinState s = state.value();
    boolean stored = s != null;
    if (s == null) s = new CheckinState();
    boolean changed = false;
    Mark added = null;
    if (fact.value() instanceof RosterEntry r) changed = onRoster(s, r, now, ctx);
    else if (fact.value() instanceof AttendanceEvent e) added = onAttendance(s, e, now, ctx);
    else if (fact.value() instanceof LocationPing p) added = onPing(s, p, now, ctx);
    changed |= added != null;
    if (!stored && !changed) return; // nothing kept of an employee with no state
    changed |= reconcile(s, now, added, Long.MIN_VALUE, ctx, out);
    save(s, changed);
  }

  private void save(CheckinState s, boolean changed) throws Exception {
    if (s.isEmpty()) state.clear();
    else if (changed) state.update(s);
  }

  private boolean onRoster(CheckinState s, RosterEntry r, long now, ReadOnlyContext ctx)
      throws Exception {
    if (isStale(r.date, ctx.timerService().currentProcessingTime())) return false;
    Unit u = ctx.getBroadcastState(UNITS).get(r.unitId);
    if (u != null && now >= plans.plan(policies(ctx), r.date, null, null, u).dropAtMs) {
      return false; // the date is closed in event time
    }
    Day before = s.day(r.date);
    Day d = new Day(r);
    if (u == null) {
      if (before != null && before.waitUntilMs != 0) d.waitUntilMs = before.waitUntilMs;
      else {
        d.waitUntilMs = unitWait.arm(ctx.timerService());
      }
      // Looks again when the date begins anywhere, so a bounded replay decides it too.
      DayWindows.timer(earliestStart(r.date), now, ctx.timerService());
    }
    if (before == null) s.days.add(d);
    else {
      d.windows = before.windows; // what was shown under the row it replaces
      s.days.set(s.days.indexOf(before), d);
    }
    return true;
  }

  /** The earliest moment the date can begin anywhere (UTC+14). */
  static long earliestStart(String date) {
    return LocalDate.parse(date).atStartOfDay(ZoneOffset.ofHours(14)).toInstant().toEpochMilli();
  }

  private boolean isStale(String date, long wallMs) {
    if (staleAfterMs <= 0) return false;
    // The earliest moment the date can end anywhere (UTC+14).
    long end =
        LocalDate.parse(date)
            .plusDays(1)
            .atStartOfDay(ZoneOffset.ofHours(14))
            .toInstant()
            .toEpochMilli();
    return end < wallMs - staleAfterMs;
  }

  private Mark onAttendance(CheckinState s, AttendanceEvent e, long now, ReadOnlyContext ctx)
      throws Exception {
    if (e.action != Action.CHECK_IN) return null;
    return keep(s, e.eventId, e.unitId, e.timeMs, e.receivedAt, false, now, ctx);
  }

  private Mark onPing(CheckinState s, LocationPing p, long now, ReadOnlyContext ctx)
      throws Exception {
    return keep(s, p.eventId, p.unitId, p.timeMs, p.receivedAt, true, now, ctx);
  }

  /** Keeps a check-in or ping once per eventId until its date is dropped; null if it is not. */
  private Mark keep(
      CheckinState s,
      String eventId,
      String unitId,
      long timeMs,
      Long receivedAt,
      boolean ping,
      long now,
      ReadOnlyContext ctx)
      throws Exception {
    if (s.hasMark(eventId)) return null; // a duplicate counts once
    Unit u = ctx.getBroadcastState(UNITS).get(unitId);
    long dropAt = u != null ? plans.dropAt(policies(ctx), u, timeMs) : timeMs + UNPLACED_MARK_MS;
    if (now >= dropAt) return null; // its date is closed
    // Without ingest's receipt time, it was received when it reached the job.
    long received = receivedAt != null ? receivedAt : Math.max(timeMs, now);
    // Most facts of a date share its drop time: its timer is set once.
    if (!s.dropsAt(dropAt)) ctx.timerService().registerEventTimeTimer(dropAt);
    Mark m = new Mark(eventId, timeMs, received, ping, dropAt);
    s.marks.add(m);
    return m;
  }

  @Override
  public void onTimer(long t, OnTimerContext ctx, Collector<WindowResult> out) throws Exception {
    CheckinState s = state.value();
    if (s == null) return;
    if (ctx.timeDomain() == TimeDomain.PROCESSING_TIME) {
      long now = ctx.timerService().currentWatermark();
      boolean changed = deadLetterUnplaced(s, t, ctx, out);
      changed |= reconcile(s, now, null, Long.MIN_VALUE, ctx, out);
      save(s, changed);
      return;
    }
    // The end of a replay's input: a roster still waiting for its unit waits no more (UnitWait).
    boolean changed = t == Long.MAX_VALUE && deadLetterUnplaced(s, t, ctx, out);
    changed |= reconcile(s, t, null, t, ctx, out);
    for (Mark m : s.dropMarks(t)) {
      changed = true;
      // A window that rested on it is derived again (without it) at the next fact or timer.
      for (Day d : s.days) if (d.plan != null && WindowRules.counts(d.plan, m)) d.refVersion = 0;
    }
    save(s, changed);
  }

  private boolean deadLetterUnplaced(
      CheckinState s, long t, OnTimerContext ctx, Collector<WindowResult> out) throws Exception {
    ReadOnlyBroadcastState<String, Unit> units = ctx.getBroadcastState(UNITS);
    boolean changed = false;
    for (Iterator<Day> it = s.days.iterator(); it.hasNext(); ) {
      Day d = it.next();
      if (d.waitUntilMs == 0 || d.waitUntilMs > t || units.contains(d.roster.unitId)) continue;
      long end = unitWait.endOf(d.waitUntilMs, ctx.timerService());
      if (end > t) { // a wait of an earlier run: the unit topic is being read again
        changed |= end != d.waitUntilMs;
        d.waitUntilMs = end;
        continue;
      }
      DeadLetter dl =
          DeadLetter.of(
              Topics.ROSTERS,
              Json.text(d.roster),
              "unitId: unknown unit '"
                  + d.roster.unitId
                  + "'; register it first with PUT /v1/units/"
                  + d.roster.unitId,
              STAGE,
              earliestStart(d.roster.date)); // its date: no zone known, so where it starts first
      dl.key = d.roster.key();
      ctx.output(DEAD_LETTERS, dl);
      long look = earliestStart(d.roster.date);
      long now = ctx.timerService().currentWatermark();
      it.remove();
      // Unless another date or a fact needs the moment too (their timers are set once).
      if (look > now && !s.mayNeedTimerAt(look)) ctx.timerService().deleteEventTimeTimer(look);
      changed = true;
      // Results shown under the unit it had before are retracted: the date has no plan now.
      for (WindowState ws : d.windows) {
        out.collect(
            WindowResults.result(
                d.roster, ws.window, ws, ComplianceStatus.EXCUSED, ws.status, null, null, now));
      }
    }
    return changed;
  }

  /**
   * Brings every date's windows up to the moment and emits what changed. A window's status moves
   * only with its plan (roster row, unit, policy), the facts in [start, decision], and the moments
   * its timers mark (end, decision, a late check-in); so a date whose plan is current derives only
   * the windows the new fact falls in, or (at a timer) whose [end, decision] holds the moment. A
   * date whose plan may have changed is derived whole.
   *
   * @param added the check-in or ping just kept, or null
   * @param timer the event-time timer's moment, or Long.MIN_VALUE
   * @return whether the state changed
   */
  private boolean reconcile(
      CheckinState s,
      long now,
      Mark added,
      long timer,
      ReadOnlyContext ctx,
      Collector<WindowResult> out)
      throws Exception {
    boolean changed = false;
    for (Iterator<Day> it = s.days.iterator(); it.hasNext(); ) {
      Day d = it.next();
      boolean whole = false;
      if (d.refVersion != plans.version()) {
        d.refVersion = plans.version();
        d.unit = ctx.getBroadcastState(UNITS).get(d.roster.unitId);
        d.plan = null;
        if (d.unit == null) continue; // waits for its unit
        if (d.waitUntilMs != 0) {
          d.waitUntilMs = 0;
          changed = true;
        }
        d.plan =
            plans.plan(
                policies(ctx), d.roster.date, d.roster.mode, d.roster.shiftStartTime(), d.unit);
        whole = true;
      }
      DayPlan plan = d.plan;
      if (plan == null) continue; // waits for its unit
      if (now != Long.MIN_VALUE && now >= plan.dropAtMs) {
        it.remove();
        changed = true;
        continue;
      }
      if (whole) {
        changed |= DayWindows.deriveDay(d, s.marks, now, out);
        DayWindows.schedule(plan, s.marks, now, ctx.timerService());
        continue;
      }
      List<DayPlan.Slot> slots = plan.slots;
      for (int i = 0; i < slots.size(); i++) {
        DayPlan.Slot slot = slots.get(i);
        boolean touched;
        if (added != null) {
          touched = WindowRules.within(slot, added);
          // A late check-in is decided when the watermark passes it.
          if (touched && added.timeMs > slot.endMs()) {
            DayWindows.timer(added.timeMs, now, ctx.timerService());
          }
        } else {
          touched = timer != Long.MIN_VALUE && timer >= slot.endMs() && timer <= slot.decideMs();
        }
        if (touched) changed |= DayWindows.deriveWindow(d, i, slot, s.marks, now, out);
      }
    }
    return changed;
  }

  private static ReadOnlyBroadcastState<String, Policy> policies(ReadOnlyContext ctx)
      throws Exception {
    return ctx.getBroadcastState(POLICIES);
  }
}
