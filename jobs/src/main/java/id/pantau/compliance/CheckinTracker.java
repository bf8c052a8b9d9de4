package id.pantau.compliance;

import id.pantau.events.Action;
import id.pantau.events.AttendanceEvent;
import id.pantau.events.DeadLetter;
import id.pantau.events.Json;
import id.pantau.events.LocationPing;
import id.pantau.events.Policy;
import id.pantau.events.RosterEntry;
import id.pantau.events.RosterMode;
import id.pantau.events.Topics;
import id.pantau.events.Unit;
import id.pantau.policy.RegionRules;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.BroadcastState;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ReadOnlyBroadcastState;
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
 */
public class CheckinTracker
    extends KeyedBroadcastProcessFunction<String, EmployeeFact, ComplianceRef, WindowResult> {
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

  private final long unitGraceMs;
  private final long staleAfterMs;

  private transient MapState<String, Day> days; // local date -> roster row
  private transient MapState<String, WindowState> windows; // date|window -> last result
  private transient MapState<String, Mark> marks; // eventId -> check-in or ping

  // date|unit|mode -> plan: a handful of plans serve every employee of a unit, and deriving one
  // parses dates, times and zones. Derived from the broadcast units and policies, so any new
  // version of those drops them all.
  private transient Map<String, DayPlan> plans;

  static final int MAX_PLANS = 10_000;

  /**
   * @param unitGraceMs how long a roster waits for its unit (processing time)
   * @param staleAfterMs a roster for a date that ended this long before the wall clock is ignored
   *     (the facts of that date are no longer replayed); 0 keeps every date
   */
  public CheckinTracker(long unitGraceMs, long staleAfterMs) {
    this.unitGraceMs = unitGraceMs;
    this.staleAfterMs = staleAfterMs;
  }

  @Override
  public void open(OpenContext ctx) {
    plans = new HashMap<>();
    days =
        getRuntimeContext()
            .getMapState(
                new MapStateDescriptor<>("days", Types.STRING, TypeInformation.of(Day.class)));
    windows =
        getRuntimeContext()
            .getMapState(
                new MapStateDescriptor<>(
                    "windows", Types.STRING, TypeInformation.of(WindowState.class)));
    marks =
        getRuntimeContext()
            .getMapState(
                new MapStateDescriptor<>("marks", Types.STRING, TypeInformation.of(Mark.class)));
  }

  @Override
  public void processBroadcastElement(ComplianceRef ref, Context ctx, Collector<WindowResult> out)
      throws Exception {
    plans.clear();
    if (ref.unit != null) {
      BroadcastState<String, Unit> units = ctx.getBroadcastState(UNITS);
      Unit before = units.get(ref.unit.unitId);
      if (before == null || ref.unit.effectiveFromMs >= before.effectiveFromMs) {
        units.put(ref.unit.unitId, ref.unit);
      }
    }
    if (ref.policy != null) ctx.getBroadcastState(POLICIES).put(ref.policy.key(), ref.policy);
  }

  @Override
  public void processElement(EmployeeFact fact, ReadOnlyContext ctx, Collector<WindowResult> out)
      throws Exception {
    long now = ctx.timerService().currentWatermark();
    if (fact.roster != null) onRoster(fact.roster, now, ctx);
    else if (fact.attendance != null) onAttendance(fact.attendance, now, ctx);
    else if (fact.ping != null) onPing(fact.ping, now, ctx);
    reconcileAll(now, ctx, out);
  }

  private void onRoster(RosterEntry r, long now, ReadOnlyContext ctx) throws Exception {
    if (isStale(r.date, ctx.timerService().currentProcessingTime())) return;
    Unit u = ctx.getBroadcastState(UNITS).get(r.unitId);
    if (u != null && now >= plan(ctx, r.date, null, u).dropAtMs) {
      return; // the date is closed in event time
    }
    Day d = new Day(r);
    if (u == null) {
      Day before = days.get(r.date);
      if (before != null && before.waitUntilMs != 0) d.waitUntilMs = before.waitUntilMs;
      else {
        d.waitUntilMs = ctx.timerService().currentProcessingTime() + unitGraceMs;
        ctx.timerService().registerProcessingTimeTimer(d.waitUntilMs);
      }
      // Looks again when the date begins anywhere, so a bounded replay decides it too.
      timer(earliestStart(r.date), now, ctx);
    }
    days.put(r.date, d);
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

  private void onAttendance(AttendanceEvent e, long now, ReadOnlyContext ctx) throws Exception {
    if (e.action != Action.CHECK_IN) return;
    keep(e.eventId, e.unitId, e.timeMs, e.receivedAt, false, now, ctx);
  }

  private void onPing(LocationPing p, long now, ReadOnlyContext ctx) throws Exception {
    keep(p.eventId, p.unitId, p.timeMs, p.receivedAt, true, now, ctx);
  }

  private void keep(
      String eventId,
      String unitId,
      long timeMs,
      Long receivedAt,
      boolean ping,
      long now,
      ReadOnlyContext ctx)
      throws Exception {
    if (marks.contains(eventId)) return; // a duplicate counts once
    Unit u = ctx.getBroadcastState(UNITS).get(unitId);
    long dropAt;
    if (u != null) {
      String date = DayPlan.localDate(timeMs, u.timeZone);
      dropAt = plan(ctx, date, null, u).dropAtMs;
    } else {
      dropAt = timeMs + UNPLACED_MARK_MS;
    }
    if (now >= dropAt) return; // its date is closed
    // Without ingest's receipt time, it was received when it reached the job.
    long received = receivedAt != null ? receivedAt : Math.max(timeMs, now);
    marks.put(eventId, new Mark(timeMs, received, ping, dropAt));
    ctx.timerService().registerEventTimeTimer(dropAt);
  }

  @Override
  public void onTimer(long t, OnTimerContext ctx, Collector<WindowResult> out) throws Exception {
    if (ctx.timeDomain() == TimeDomain.PROCESSING_TIME) {
      deadLetterUnplaced(t, ctx, out);
      reconcileAll(ctx.timerService().currentWatermark(), ctx, out);
      tidy();
      return;
    }
    reconcileAll(t, ctx, out);
    for (Iterator<Map.Entry<String, Mark>> it = marks.iterator(); it.hasNext(); ) {
      if (it.next().getValue().dropAtMs <= t) it.remove();
    }
    tidy();
  }

  private void deadLetterUnplaced(long t, OnTimerContext ctx, Collector<WindowResult> out)
      throws Exception {
    ReadOnlyBroadcastState<String, Unit> units = ctx.getBroadcastState(UNITS);
    List<String> gone = new ArrayList<>();
    for (Map.Entry<String, Day> e : days.entries()) {
      Day d = e.getValue();
      if (d.waitUntilMs == 0 || d.waitUntilMs > t || units.contains(d.roster.unitId)) continue;
      DeadLetter dl =
          DeadLetter.of(
              Topics.ROSTERS,
              Json.text(d.roster),
              "unitId: unknown unit '"
                  + d.roster.unitId
                  + "'; register it first with PUT /v1/units/"
                  + d.roster.unitId,
              STAGE);
      dl.key = d.roster.key();
      ctx.output(DEAD_LETTERS, dl);
      long look = earliestStart(d.roster.date);
      if (look > ctx.timerService().currentWatermark()) {
        ctx.timerService().deleteEventTimeTimer(look);
      }
      gone.add(e.getKey());
    }
    for (String date : gone) {
      RosterEntry roster = days.get(date).roster;
      days.remove(date);
      // Results shown under the unit it had before are retracted: the date has no plan now.
      List<String> shown = new ArrayList<>();
      for (String key : windows.keys()) if (key.startsWith(date + "|")) shown.add(key);
      for (String key : shown) {
        WindowState ws = windows.get(key);
        String window = key.substring(key.indexOf('|') + 1);
        long now = ctx.timerService().currentWatermark();
        out.collect(
            result(roster, window, ws, ComplianceStatus.EXCUSED, ws.status, null, null, now));
        windows.remove(key);
      }
    }
  }

  /** Re-derives every date's windows at the moment, emits what changed, sets the next timers. */
  private void reconcileAll(long now, ReadOnlyContext ctx, Collector<WindowResult> out)
      throws Exception {
    // Most facts concern an employee with no roster row (yet): nothing to derive, and walking all
    // their marks for each fact would cost quadratic time over a day.
    if (days.isEmpty()) return;
    List<Mark> facts = new ArrayList<>();
    for (Mark m : marks.values()) facts.add(m);
    Map<String, Map<String, WindowState>> shown = new HashMap<>();
    for (Map.Entry<String, WindowState> w : windows.entries()) {
      String key = w.getKey();
      int bar = key.indexOf('|');
      shown
          .computeIfAbsent(key.substring(0, bar), k -> new HashMap<>())
          .put(key.substring(bar + 1), w.getValue());
    }
    List<Map.Entry<String, Day>> all = new ArrayList<>();
    for (Map.Entry<String, Day> e : days.entries()) all.add(Map.entry(e.getKey(), e.getValue()));
    for (Map.Entry<String, Day> e : all) {
      String date = e.getKey();
      Day d = e.getValue();
      Unit u = ctx.getBroadcastState(UNITS).get(d.roster.unitId);
      Map<String, WindowState> before = shown.getOrDefault(date, Map.of());
      if (u == null) continue; // waits for its unit
      if (d.waitUntilMs != 0) {
        d.waitUntilMs = 0;
        days.put(date, d);
      }
      DayPlan plan = plan(ctx, date, d.roster.mode, d.roster.shiftStartTime(), u);
      if (now != Long.MIN_VALUE && now >= plan.dropAtMs) {
        days.remove(date);
        for (String w : before.keySet()) windows.remove(date + "|" + w);
        continue;
      }
      reconcile(d.roster, u, plan, before, facts, now, out);
      schedule(plan, facts, now, ctx);
    }
    // Results of dates without a roster any more cannot happen: a roster row is only replaced.
  }

  private void reconcile(
      RosterEntry roster,
      Unit u,
      DayPlan plan,
      Map<String, WindowState> before,
      List<Mark> facts,
      long now,
      Collector<WindowResult> out)
      throws Exception {
    Map<String, DayPlan.Slot> expected = new HashMap<>();
    for (DayPlan.Slot s : plan.slots) expected.put(s.window(), s);
    for (Map.Entry<String, WindowState> w : before.entrySet()) {
      WindowState ws = w.getValue();
      if (expected.containsKey(w.getKey()) && ws.unitId.equals(roster.unitId)) continue;
      out.collect(
          result(roster, w.getKey(), ws, ComplianceStatus.EXCUSED, ws.status, null, null, now));
      windows.remove(plan.date + "|" + w.getKey());
    }
    for (DayPlan.Slot s : plan.slots) {
      WindowState ws = before.get(s.window());
      if (ws != null && !ws.unitId.equals(roster.unitId)) ws = null;
      Mark basis = basis(s, facts, now);
      ComplianceStatus status = status(s, basis, now);
      // Same status in the same window: nothing new. A window a policy change moved is told
      // again, so the per-employee record shows the deadline that now applies.
      if (ws != null
          && ws.status == status
          && ws.windowEndMs == s.endMs()
          && ws.decideAtMs == s.decideMs()) continue;
      ComplianceStatus previous = ws == null ? null : ws.status;
      if (status == ComplianceStatus.LATE_UPLOAD && previous != ComplianceStatus.MISSED) {
        // As it happened live: decided MISSED, then corrected; a replay tells the same story.
        WindowState missed = state(u, s, plan, ComplianceStatus.MISSED, null);
        out.collect(result(roster, s.window(), missed, missed.status, previous, null, null, now));
        previous = ComplianceStatus.MISSED;
      }
      WindowState next = state(u, s, plan, status, basis);
      windows.put(plan.date + "|" + s.window(), next);
      out.collect(
          result(
              roster,
              s.window(),
              next,
              status,
              previous,
              basis == null ? null : basis.timeMs,
              basis == null ? null : basis.receivedMs,
              now));
    }
  }

  private static WindowState state(
      Unit u, DayPlan.Slot s, DayPlan plan, ComplianceStatus status, Mark basis) {
    WindowState next = new WindowState();
    next.unitId = u.unitId;
    next.region = u.region;
    next.timeZone = u.timeZone;
    next.status = status;
    next.checkinAt = basis == null ? null : basis.timeMs;
    next.windowStartMs = s.startMs();
    next.windowEndMs = s.endMs();
    next.decideAtMs = s.decideMs();
    next.countAtMs = s.countAtMs();
    next.dropAtMs = plan.dropAtMs;
    return next;
  }

  /**
   * The fact a window's status rests on at the moment: the earliest check-in in the window received
   * in time, else the earliest late one, else the earliest uploaded after the decision.
   */
  static Mark basis(DayPlan.Slot s, List<Mark> facts, long now) {
    Mark onTime = null;
    Mark late = null;
    Mark uploaded = null;
    for (Mark m : facts) {
      if (m.ping != s.ping() || m.timeMs < s.startMs() || m.timeMs > s.decideMs()) continue;
      if (m.receivedMs > s.decideMs()) uploaded = earliest(uploaded, m);
      else if (m.timeMs <= s.endMs()) onTime = earliest(onTime, m);
      else late = earliest(late, m);
    }
    if (onTime != null) return onTime;
    if (late != null) return late.timeMs <= now || now >= s.decideMs() ? late : null;
    return now >= s.decideMs() ? uploaded : null;
  }

  /** The status of a window at the moment, given its basis. */
  static ComplianceStatus status(DayPlan.Slot s, Mark basis, long now) {
    if (now == Long.MIN_VALUE || now < s.endMs()) return ComplianceStatus.PENDING;
    if (basis == null)
      return now >= s.decideMs() ? ComplianceStatus.MISSED : ComplianceStatus.PENDING;
    if (basis.receivedMs > s.decideMs()) return ComplianceStatus.LATE_UPLOAD;
    return basis.timeMs <= s.endMs() ? ComplianceStatus.ON_TIME : ComplianceStatus.LATE;
  }

  private static Mark earliest(Mark a, Mark b) {
    return a == null || b.timeMs < a.timeMs ? b : a;
  }

  private void schedule(DayPlan plan, List<Mark> facts, long now, ReadOnlyContext ctx) {
    for (DayPlan.Slot s : plan.slots) {
      timer(s.endMs(), now, ctx);
      timer(s.decideMs(), now, ctx);
      for (Mark m : facts) {
        if (m.ping == s.ping() && m.timeMs > s.endMs() && m.timeMs <= s.decideMs()) {
          timer(m.timeMs, now, ctx); // a late check-in is decided when the watermark passes it
        }
      }
    }
    timer(plan.dropAtMs, now, ctx);
  }

  private static void timer(long t, long now, ReadOnlyContext ctx) {
    if (t > now) ctx.timerService().registerEventTimeTimer(t);
  }

  private void tidy() throws Exception {
    if (days.isEmpty()) days.clear();
    if (windows.isEmpty()) windows.clear();
    if (marks.isEmpty()) marks.clear();
  }

  /** The plan of a date for a mode (null: none expected, only the date's drop time). */
  private DayPlan plan(ReadOnlyContext ctx, String date, RosterMode mode, Unit u) throws Exception {
    return plan(ctx, date, mode, null, u);
  }

  /** The plan of a date for a mode and a crew's shift start (null: office hours). */
  private DayPlan plan(ReadOnlyContext ctx, String date, RosterMode mode, LocalTime shift, Unit u)
      throws Exception {
    String key = date + '|' + u.unitId + '|' + mode + '|' + shift;
    DayPlan p = plans.get(key);
    if (p == null) {
      if (plans.size() >= MAX_PLANS) plans.clear();
      p = DayPlan.of(date, mode, shift, u, policy(ctx, u, date));
      plans.put(key, p);
    }
    return p;
  }

  private static Policy policy(ReadOnlyContext ctx, Unit u, String date) throws Exception {
    return RegionRules.policyAt(
        ctx.getBroadcastState(POLICIES), u.region, DayPlan.dayStart(date, u.timeZone));
  }

  private WindowResult result(
      RosterEntry roster,
      String window,
      WindowState ws,
      ComplianceStatus status,
      ComplianceStatus previous,
      Long checkinAt,
      Long receivedAt,
      long now) {
    WindowResult r = new WindowResult();
    r.nip = roster.nip;
    r.unitId = ws.unitId;
    r.region = ws.region;
    r.timeZone = ws.timeZone;
    r.date = roster.date;
    r.window = window;
    r.mode = roster.mode;
    r.status = status;
    r.previousStatus = previous;
    r.eventTimeMs = now == Long.MIN_VALUE ? ws.windowStartMs : now;
    r.checkinAt = checkinAt;
    r.receivedAt = receivedAt;
    r.windowStartMs = ws.windowStartMs;
    r.windowEndMs = ws.windowEndMs;
    r.decideAtMs = ws.decideAtMs;
    r.countAtMs = ws.countAtMs != 0 ? ws.countAtMs : ws.windowEndMs;
    r.dropAtMs = ws.dropAtMs;
    return r;
  }
}
