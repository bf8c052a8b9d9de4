package id.pantau.location;

import static id.pantau.location.LocationAlerts.*;

import id.pantau.events.Alert;
import id.pantau.events.Region;
import id.pantau.events.RosterEntry;
import id.pantau.events.Unit;
import id.pantau.jobs.KeyedState;
import id.pantau.serial.EventTypes;
import id.pantau.serial.OneOf;
import id.pantau.serial.OneOfType;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.BroadcastState;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.co.KeyedBroadcastProcessFunction;
import org.apache.flink.util.Collector;

/**
 * The per-fix location rules of an employee (keyed by NIP): OUTSIDE_OFFICE for a WFO check-in
 * beyond the unit's geofence and OUT_OF_REGION for a WFH fix beyond the boundary of the home region
 * (the roster's homeRegion of the fix's local date, else the unit's region; both with the fix's
 * accuracy as slack: a fix whose accuracy circle still touches the area is not flagged),
 * LOW_ACCURACY, MOCK_LOCATION, and IMPOSSIBLE_TRAVEL between consecutive fixes by event time. Units
 * (office, time zone, region) and regions (boundary) come broadcast, rosters (home region) on the
 * keyed input. A fix is judged once event time passes it, against what is known by then: its unit,
 * its home region and that region's boundary are all read from topics of their own, and a bounded
 * replay reads every topic at once, so a fix judged when it arrives could miss a boundary that is a
 * few records away, and the answer would depend on how the sources interleave. (Reference topics
 * carry no event time, so in a replay event time passes a fix only after they are read whole.) A
 * fix whose unit or region boundary is still unknown then gets no geofence judgement (no alert
 * rather than a guessed one). The latest fix is kept until 24 h after it (event-time timer).
 *
 * <p>State: {@code last-fix} (a {@link LastFix}; since the timer change it also records when its
 * pending timer fires, {@code timerMs}: a fix no longer deletes and re-registers the timer, the
 * timer moves itself once it fires early; a value restored from before has {@code timerMs} 0 and is
 * read as having its timer at its own expiry, as it had) and {@code home-regions} (local date →
 * homeRegion) and {@code waiting} (fixes event time has not passed yet, each with a timer at its
 * time). Units get their zone parsed once per version ({@link UnitZones}, not checkpointed).
 */
public class FixRules
    extends KeyedBroadcastProcessFunction<
        String, OneOf<Fix, RosterEntry, Void>, OneOf<Unit, Region, Void>, Alert> {
  /**
   * What the rules read, keyed by NIP: a fix, or a roster row (its {@code homeRegion}, when given,
   * is the region a WFH fix of its date must be in).
   */
  public static final OneOfType<Fix, RosterEntry, Void> FACTS =
      OneOfType.of(FixSerializer.TYPE, EventTypes.ROSTER);

  /** The reference data broadcast to the rules: a unit (office, region, zone) or a region. */
  public static final OneOfType<Unit, Region, Void> REFS =
      OneOfType.of(TypeInformation.of(Unit.class), TypeInformation.of(Region.class));

  public static final MapStateDescriptor<String, Unit> UNITS =
      new MapStateDescriptor<>("location-units", Types.STRING, TypeInformation.of(Unit.class));
  public static final MapStateDescriptor<String, Region> REGIONS =
      new MapStateDescriptor<>("location-regions", Types.STRING, TypeInformation.of(Region.class));

  private final LocationRules rules;
  private transient ValueState<LastFix> last;
  private transient MapState<String, String> homes; // local date -> the roster's homeRegion
  private transient ListState<Fix> waiting; // fixes event time has not passed yet
  private transient RegionShapes shapes;
  private transient UnitZones zones;

  public FixRules(LocationRules rules) {
    this.rules = rules;
  }

  /** The key: the employee. */
  public static String nip(OneOf<Fix, RosterEntry, Void> x) {
    return x.value() instanceof Fix f ? f.nip : ((RosterEntry) x.value()).nip;
  }

  @Override
  public void open(OpenContext ctx) {
    last = KeyedState.value(getRuntimeContext(), "last-fix", LastFix.class);
    homes = KeyedState.map(getRuntimeContext(), "home-regions", Types.STRING, Types.STRING);
    waiting = KeyedState.list(getRuntimeContext(), "waiting", FixSerializer.TYPE);
    shapes = new RegionShapes();
    zones = new UnitZones(rules.defaultZone());
  }

  @Override
  public void processBroadcastElement(
      OneOf<Unit, Region, Void> ref, Context ctx, Collector<Alert> out) throws Exception {
    if (ref.value() instanceof Unit unit) {
      keepUnit(ctx.getBroadcastState(UNITS), unit);
      zones.forget(unit.unitId);
    }
    // A region's latest record is its boundary (compacted topic, keyed by region).
    if (ref.value() instanceof Region region && region.region != null) {
      ctx.getBroadcastState(REGIONS).put(region.region, region);
    }
  }

  /** Keeps the newest version of a unit (by effectiveFrom). */
  static void keepUnit(BroadcastState<String, Unit> units, Unit unit) throws Exception {
    if (unit == null || unit.unitId == null) return;
    Unit before = units.get(unit.unitId);
    if (before == null || unit.effectiveFromMs >= before.effectiveFromMs) {
      units.put(unit.unitId, unit);
    }
  }

  @Override
  public void processElement(
      OneOf<Fix, RosterEntry, Void> x, ReadOnlyContext ctx, Collector<Alert> out) throws Exception {
    if (x.value() instanceof Fix f) {
      if (f.timeMs <= ctx.timerService().currentWatermark()) judge(f, ctx, out);
      else {
        waiting.add(f);
        ctx.timerService().registerEventTimeTimer(f.timeMs);
      }
    } else onRoster((RosterEntry) x.value(), ctx);
  }

  /**
   * Keeps the homeRegion of a roster row for its date (the latest row decides, as on the compacted
   * topic), until two days after the date began in UTC: past the date's end anywhere.
   */
  private void onRoster(RosterEntry r, ReadOnlyContext ctx) throws Exception {
    if (r.date == null) return;
    if (r.homeRegion == null) {
      homes.remove(r.date);
      if (homes.isEmpty()) homes.clear(); // an empty map still counts as state
      return;
    }
    long dropAt = dropAt(r.date);
    if (dropAt <= ctx.timerService().currentWatermark()) return; // a date long gone
    homes.put(r.date, r.homeRegion);
    ctx.timerService().registerEventTimeTimer(dropAt);
  }

  static long dropAt(String date) {
    return LocalDate.parse(date)
        .plusDays(2)
        .atStartOfDay(ZoneOffset.UTC)
        .toInstant()
        .toEpochMilli();
  }

  private void judge(Fix f, ReadOnlyContext ctx, Collector<Alert> out) throws Exception {
    UnitZones.UnitZone uz = zones.of(f.unitId, id -> ctx.getBroadcastState(UNITS).get(id));
    Unit unit = uz.unit;
    ZoneId zone = uz.zone;
    double acc = f.slackM();

    if (f.isOfficeCheckIn && unit != null && Geo.outside(unit.office, f.lat, f.lon, acc)) {
      out.collect(raise(OUTSIDE_OFFICE, f, unit, zone, "WFO check-in outside the office geofence"));
    }
    if (f.isWfh && unit != null && unit.region != null) {
      String homeRegion = homes.get(uz.dateText(f.timeMs));
      if (homeRegion == null) homeRegion = unit.region;
      RegionShapes.Shape home = shapes.of(ctx.getBroadcastState(REGIONS).get(homeRegion));
      double beyondM = home == null ? 0 : Geo.beyondRegionM(home, f.lat, f.lon);
      if (beyondM > acc) {
        out.collect(
            raise(
                OUT_OF_REGION,
                f,
                unit,
                zone,
                String.format(
                    Locale.ROOT,
                    "WFH location about %.1f km outside the home region %s",
                    beyondM / 1000,
                    homeRegion)));
      }
    }
    if (f.accuracyM != null && f.accuracyM > rules.lowAccuracyM()) {
      out.collect(
          raise(
              LOW_ACCURACY,
              f,
              unit,
              zone,
              String.format(
                  Locale.ROOT,
                  "location accuracy %.0f m is worse than %.0f m",
                  f.accuracyM,
                  rules.lowAccuracyM())));
    }
    if (f.mock) {
      out.collect(raise(MOCK_LOCATION, f, unit, zone, "the phone reported a mock location"));
    }
    travel(f, unit, zone, ctx, out);
  }

  private void travel(Fix f, Unit unit, ZoneId zone, ReadOnlyContext ctx, Collector<Alert> out)
      throws Exception {
    LastFix prev = last.value();
    if (prev != null && !f.eventId.equals(prev.eventId)) {
      double distM = Geo.haversineM(prev.lat, prev.lon, f.lat, f.lon);
      long gapMs = Math.abs(f.timeMs - prev.timeMs);
      boolean jitter = gapMs < rules.minGapMs() && distM <= prev.accuracyM + f.slackM();
      if (!jitter && distM > 0) {
        double kmh = gapMs == 0 ? Double.POSITIVE_INFINITY : distM / 1000 / (gapMs / 3_600_000.0);
        if (kmh > rules.maxSpeedKmh()) {
          out.collect(
              raise(
                  IMPOSSIBLE_TRAVEL,
                  f,
                  unit,
                  zone,
                  String.format(
                      Locale.ROOT,
                      "%.1f km in %d s since the previous fix (%s km/h)",
                      distM / 1000,
                      gapMs / 1000,
                      Double.isInfinite(kmh) ? "inf" : String.format(Locale.ROOT, "%.0f", kmh))));
        }
      }
    }
    if (prev == null || f.timeMs > prev.timeMs) {
      // Only a later fix replaces the last one; an out-of-order one is only compared. The pending
      // timer stays: when it fires, it moves itself to the expiry of the fix kept by then.
      LastFix next = LastFix.of(f);
      if (prev != null) {
        next.timerMs = prev.timerAt(rules.lastFixTtlMs());
      } else {
        next.timerMs = f.timeMs + rules.lastFixTtlMs();
        ctx.timerService().registerEventTimeTimer(next.timerMs);
      }
      last.update(next);
    }
  }

  @Override
  public void onTimer(long t, OnTimerContext ctx, Collector<Alert> out) throws Exception {
    judgeWaiting(t, ctx, out);
    LastFix prev = last.value();
    if (prev != null && prev.timeMs + rules.lastFixTtlMs() <= t) {
      last.clear();
    } else if (prev != null && prev.timerAt(rules.lastFixTtlMs()) <= t) {
      // The timer of an earlier fix: the kept one is younger, so wait for its own expiry.
      prev.timerMs = prev.timeMs + rules.lastFixTtlMs();
      last.update(prev);
      ctx.timerService().registerEventTimeTimer(prev.timerMs);
    }
    // Every timer of the employee comes here (compliance's too): most find no date to drop, and
    // then cost one read of the map, not three.
    List<String> gone = null;
    for (String date : homes.keys()) {
      if (dropAt(date) > t) continue;
      if (gone == null) gone = new ArrayList<>(1);
      gone.add(date);
    }
    if (gone == null) return;
    for (String date : gone) homes.remove(date);
    if (homes.isEmpty()) homes.clear(); // an empty map still counts as state
  }

  /** Judges the waiting fixes event time has passed, in time order; the others wait on. */
  private void judgeWaiting(long t, OnTimerContext ctx, Collector<Alert> out) throws Exception {
    List<Fix> due = null;
    List<Fix> later = new ArrayList<>();
    for (Fix f : waiting.get()) {
      if (f.timeMs > t) later.add(f);
      else {
        if (due == null) due = new ArrayList<>(1);
        due.add(f);
      }
    }
    if (due == null) return; // a timer of another fix, of the last fix or of compliance
    if (later.isEmpty()) waiting.clear();
    else waiting.update(later);
    due.sort(Comparator.comparingLong((Fix f) -> f.timeMs).thenComparing(f -> f.eventId));
    for (Fix f : due) judge(f, ctx, out);
  }
}
