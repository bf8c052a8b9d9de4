package id.pantau.caps;

import id.pantau.events.Alert;
import id.pantau.events.Policy;
import id.pantau.events.ZoneChange;
import id.pantau.events.ZoneLevel;
import id.pantau.occupancy.RosterPlan;
import id.pantau.serial.OneOf;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.TimeDomain;
import org.apache.flink.streaming.api.functions.co.KeyedBroadcastProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Planned breaches: when a day's roster puts more staff in the office than the cap allows, or fewer
 * than an essential unit's floor, it alerts as soon as the roster is known (before the day starts),
 * and again when a zone or policy change makes an accepted roster break the new cap. The cap of a
 * day is the lowest in force at any moment of it.
 *
 * <p>A roster arrives one row at a time, each row a new plan for its date, so a unit's plans are
 * checked once the roster has settled: a roster half posted is not yet under its floor, and one
 * growing past the cap alerts once, not at every row. Live, a roster has settled when no row has
 * come for {@link #DEFAULT_SETTLE_MS} of processing time. Each limit is alerted once per date; a
 * plan for a day already over is ignored (the compacted roster topic is read again from its start
 * on every fresh start).
 *
 * <p>A bounded replay reads every topic at whatever speed the machine allows, so no span of
 * processing time says a roster is whole, and the rules may be read before or after it. There a
 * date's plans are checked at the last moment of the date in event time: roster rows carry no event
 * time, so event time waits for the whole roster topic, and by then every rule in force during the
 * date has been read. A replay's alerts are the final roster's against the day's rules, whatever
 * order its sources were read in.
 */
public class RosterChecker
    extends KeyedBroadcastProcessFunction<
        String, RosterPlan, OneOf<ZoneChange, Policy, Void>, Alert> {
  public static final long DEFAULT_SETTLE_MS = 5_000L;

  /** Accepted plans by local date: checked, and checked again on every rule change. */
  static final MapStateDescriptor<String, RosterPlan> PLANS =
      new MapStateDescriptor<>("plans", Types.STRING, TypeInformation.of(RosterPlan.class));

  /** Plans whose roster is still arriving, by local date. */
  static final MapStateDescriptor<String, RosterPlan> PENDING =
      new MapStateDescriptor<>("pending-plans", Types.STRING, TypeInformation.of(RosterPlan.class));

  static final ValueStateDescriptor<Long> SETTLE_AT =
      new ValueStateDescriptor<>("settle-at", Types.LONG);

  private final long settleMs;
  private final boolean bounded;

  private transient MapState<String, RosterPlan> plans;
  private transient MapState<String, RosterPlan> pending;
  private transient ValueState<Long> settleAt;

  public RosterChecker(boolean bounded) {
    this(DEFAULT_SETTLE_MS, bounded);
  }

  /**
   * @param settleMs live: how long a unit's roster must stay unchanged before it is checked
   * @param bounded a bounded replay: a date's plans are checked at its last moment (see above)
   */
  public RosterChecker(long settleMs, boolean bounded) {
    this.settleMs = settleMs;
    this.bounded = bounded;
  }

  @Override
  public void open(OpenContext ctx) {
    plans = getRuntimeContext().getMapState(PLANS);
    pending = getRuntimeContext().getMapState(PENDING);
    settleAt = getRuntimeContext().getState(SETTLE_AT);
  }

  @Override
  public void processElement(RosterPlan p, ReadOnlyContext ctx, Collector<Alert> out)
      throws Exception {
    if (dayEnd(p) <= ctx.timerService().currentWatermark()) return; // a day already over
    RosterPlan before = pending.get(p.date);
    if (before == null) before = plans.get(p.date);
    if (before != null) {
      p.alertedOverCap = before.alertedOverCap;
      p.alertedUnderFloor = before.alertedUnderFloor;
    }
    pending.put(p.date, p);
    ctx.timerService().registerEventTimeTimer(dayEnd(p));
    if (bounded) {
      ctx.timerService().registerEventTimeTimer(dayEnd(p) - 1);
      return;
    }
    Long due = settleAt.value();
    if (due != null) ctx.timerService().deleteProcessingTimeTimer(due);
    due = ctx.timerService().currentProcessingTime() + settleMs;
    ctx.timerService().registerProcessingTimeTimer(due);
    settleAt.update(due);
  }

  @Override
  public void processBroadcastElement(
      OneOf<ZoneChange, Policy, Void> change, Context ctx, Collector<Alert> out) throws Exception {
    RegionRules.keep(change, ctx);
    Iterable<Map.Entry<String, ZoneChange>> zones =
        ctx.getBroadcastState(RegionRules.ZONES).entries();
    Iterable<Map.Entry<String, Policy>> policies =
        ctx.getBroadcastState(RegionRules.POLICIES).entries();
    ctx.applyToKeyedState(
        PLANS,
        (unit, state) -> {
          List<RosterPlan> changed = new ArrayList<>();
          for (RosterPlan p : state.values()) if (check(p, zones, policies, out)) changed.add(p);
          for (RosterPlan p : changed) state.put(p.date, p);
        });
  }

  @Override
  public void onTimer(long t, OnTimerContext ctx, Collector<Alert> out) throws Exception {
    if (ctx.timeDomain() == TimeDomain.PROCESSING_TIME) {
      settleAt.clear();
      settle(ctx.timerService().currentWatermark(), Long.MAX_VALUE, ctx, out);
      return;
    }
    if (bounded) settle(t, t + 1, ctx, out); // the dates whose last moment is t
    dropEndedBy(t, plans);
    dropEndedBy(t, pending);
    Long due = settleAt.value();
    if (pending.isEmpty() && due != null) {
      ctx.timerService().deleteProcessingTimeTimer(due);
      settleAt.clear();
    }
  }

  /**
   * Accepts the pending plans of the dates ending by {@code endingBy} and checks those of a date
   * not over at {@code now}.
   */
  private void settle(long now, long endingBy, OnTimerContext ctx, Collector<Alert> out)
      throws Exception {
    Iterable<Map.Entry<String, ZoneChange>> zones =
        ctx.getBroadcastState(RegionRules.ZONES).immutableEntries();
    Iterable<Map.Entry<String, Policy>> policies =
        ctx.getBroadcastState(RegionRules.POLICIES).immutableEntries();
    List<RosterPlan> settled = new ArrayList<>();
    for (RosterPlan p : pending.values()) if (dayEnd(p) <= endingBy) settled.add(p);
    for (RosterPlan p : settled) {
      pending.remove(p.date);
      if (dayEnd(p) <= now) continue;
      check(p, zones, policies, out);
      plans.put(p.date, p);
    }
  }

  private static void dropEndedBy(long t, MapState<String, RosterPlan> state) throws Exception {
    for (Iterator<RosterPlan> it = state.values().iterator(); it.hasNext(); ) {
      if (dayEnd(it.next()) <= t) it.remove();
    }
    if (state.isEmpty()) state.clear();
  }

  /** Alerts what the plan breaks now and had not alerted before; returns whether that changed. */
  static boolean check(
      RosterPlan p,
      Iterable<Map.Entry<String, ZoneChange>> zones,
      Iterable<Map.Entry<String, Policy>> policies,
      Collector<Alert> out) {
    long start = dayStart(p);
    long end = dayEnd(p);
    Integer cap = null;
    List<Long> moments = new ArrayList<>(List.of(start));
    for (Map.Entry<String, ZoneChange> z : zones) {
      long from = z.getValue().effectiveFromMs;
      if (z.getValue().region.equals(p.region) && from > start && from < end) moments.add(from);
    }
    for (Map.Entry<String, Policy> pol : policies) {
      long from = pol.getValue().effectiveFromMs;
      if (pol.getValue().region.equals(p.region) && from > start && from < end) moments.add(from);
    }
    for (long m : moments) {
      ZoneLevel level = RegionRules.levelAt(zones, p.region, m);
      Policy policy = RegionRules.policyAt(policies, p.region, m);
      Integer percent =
          p.exposed
              ? policy.capPercent.exposed
              : level == null ? null : policy.capPercent.forLevel(level);
      if (percent != null) {
        int c = RegionRules.cap(p.headcount, percent);
        cap = cap == null ? c : Math.min(cap, c);
      }
    }
    boolean changed = false;
    // What was alerted is the limit, not the count: a roster growing row by row alerts once.
    String over = cap != null && p.scheduledOffice > cap ? String.valueOf(cap) : null;
    if (over != null && !over.equals(p.alertedOverCap)) {
      out.collect(
          alert(
              p,
              "ROSTER_OVER_CAP",
              cap,
              "the roster for "
                  + p.date
                  + " puts "
                  + p.scheduledOffice
                  + " staff in the office; the cap is "
                  + cap));
    }
    if (!Objects.equals(over, p.alertedOverCap)) {
      p.alertedOverCap = over;
      changed = true;
    }
    String under =
        p.essential && p.scheduledOffice < p.minPresent ? String.valueOf(p.minPresent) : null;
    if (under != null && !under.equals(p.alertedUnderFloor)) {
      out.collect(
          alert(
              p,
              "ROSTER_UNDER_FLOOR",
              p.minPresent,
              "the roster for "
                  + p.date
                  + " puts "
                  + p.scheduledOffice
                  + " staff in the office; the floor is "
                  + p.minPresent));
    }
    if (!Objects.equals(under, p.alertedUnderFloor)) {
      p.alertedUnderFloor = under;
      changed = true;
    }
    return changed;
  }

  private static Alert alert(RosterPlan p, String kind, int limit, String message) {
    Alert a = new Alert();
    a.alertId = kind + ":" + p.unitId + ":" + p.date + ":" + limit;
    a.kind = kind;
    a.phase = Alert.RAISED;
    a.unitId = p.unitId;
    a.region = p.region;
    a.date = p.date;
    a.limit = limit;
    a.scheduled = p.scheduledOffice;
    a.message = message;
    return a;
  }

  static long dayStart(RosterPlan p) {
    return LocalDate.parse(p.date).atStartOfDay(ZoneId.of(p.timeZone)).toInstant().toEpochMilli();
  }

  static long dayEnd(RosterPlan p) {
    return LocalDate.parse(p.date)
        .plusDays(1)
        .atStartOfDay(ZoneId.of(p.timeZone))
        .toInstant()
        .toEpochMilli();
  }
}
