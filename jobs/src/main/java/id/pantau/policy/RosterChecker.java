package id.pantau.policy;

import id.pantau.events.Alert;
import id.pantau.events.Policy;
import id.pantau.events.ZoneChange;
import id.pantau.events.ZoneLevel;
import id.pantau.occupancy.RosterPlan;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.co.KeyedBroadcastProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Planned breaches: when a day's roster puts more staff in the office than the cap allows, or fewer
 * than an essential unit's floor, it alerts as soon as the roster is known (before the day starts),
 * and again when a zone or policy change makes an accepted roster break the new cap. The cap of a
 * day is the lowest in force at any moment of it.
 */
public class RosterChecker
    extends KeyedBroadcastProcessFunction<String, RosterPlan, RuleChange, Alert> {
  static final MapStateDescriptor<String, RosterPlan> PLANS =
      new MapStateDescriptor<>("plans", Types.STRING, TypeInformation.of(RosterPlan.class));

  private transient MapState<String, RosterPlan> plans;

  @Override
  public void open(org.apache.flink.api.common.functions.OpenContext ctx) {
    plans = getRuntimeContext().getMapState(PLANS);
  }

  @Override
  public void processElement(RosterPlan p, ReadOnlyContext ctx, Collector<Alert> out)
      throws Exception {
    RosterPlan before = plans.get(p.date);
    if (before != null) {
      p.alertedOverCap = before.alertedOverCap;
      p.alertedUnderFloor = before.alertedUnderFloor;
    }
    check(
        p,
        ctx.getBroadcastState(RegionRules.ZONES).immutableEntries(),
        ctx.getBroadcastState(RegionRules.POLICIES).immutableEntries(),
        out);
    plans.put(p.date, p);
    ctx.timerService().registerEventTimeTimer(dayEnd(p));
  }

  @Override
  public void processBroadcastElement(RuleChange r, Context ctx, Collector<Alert> out)
      throws Exception {
    if (r.zone != null) ctx.getBroadcastState(RegionRules.ZONES).put(r.zone.key(), r.zone);
    if (r.policy != null) ctx.getBroadcastState(RegionRules.POLICIES).put(r.policy.key(), r.policy);
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
    for (Iterator<RosterPlan> it = plans.values().iterator(); it.hasNext(); ) {
      if (dayEnd(it.next()) <= t) it.remove();
    }
    if (plans.isEmpty()) plans.clear();
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
    String over = cap != null && p.scheduledOffice > cap ? cap + "/" + p.scheduledOffice : null;
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
    if (!java.util.Objects.equals(over, p.alertedOverCap)) {
      p.alertedOverCap = over;
      changed = true;
    }
    String under =
        p.essential && p.scheduledOffice < p.minPresent
            ? p.minPresent + "/" + p.scheduledOffice
            : null;
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
    if (!java.util.Objects.equals(under, p.alertedUnderFloor)) {
      p.alertedUnderFloor = under;
      changed = true;
    }
    return changed;
  }

  private static Alert alert(RosterPlan p, String kind, int limit, String message) {
    Alert a = new Alert();
    a.alertId = kind + ":" + p.unitId + ":" + p.date + ":" + limit + ":" + p.scheduledOffice;
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

  static String iso(long ms) {
    return Instant.ofEpochMilli(ms).toString();
  }
}
