package id.pantau.daily;

import id.pantau.jobs.KeyedState;
import id.pantau.jobs.LocalDays;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * The daily rollup per unit (keyed by unit ID), in event time and the unit's time zone. Each local
 * date has its figures in state from its first fact; a provisional point goes out at the next tick
 * (a quarter hour of event time) after a change, the final point at the next local midnight plus
 * the grace, and then the date is forgotten: later facts of it are ignored. See {@link
 * id.pantau.daily} for the rules.
 */
public class DailyRollups extends KeyedProcessFunction<String, DailyFact, DailyRollup> {
  /** Facts kept per unit while its time zone is unknown; more are dropped. */
  static final int MAX_PENDING = 10_000;

  private final long graceMs;
  private final long tickMs;

  private transient ValueState<DailyUnit> unit;
  private transient MapState<Long, DayFigures> days;
  private transient ListState<DailyFact> pending;
  private transient Map<String, LocalDays> daysByZone; // units share a few zones

  public DailyRollups(long graceMs, long tickMs) {
    if (graceMs < 0) throw new IllegalArgumentException("daily grace: must be zero or more");
    if (tickMs < 1) throw new IllegalArgumentException("daily tick: must be at least 1 ms");
    this.graceMs = graceMs;
    this.tickMs = tickMs;
  }

  @Override
  public void open(OpenContext ctx) {
    unit = KeyedState.value(getRuntimeContext(), "unit", DailyUnit.class);
    days =
        KeyedState.map(
            getRuntimeContext(), "days", Types.LONG, TypeInformation.of(DayFigures.class));
    pending = KeyedState.list(getRuntimeContext(), "pending", TypeInformation.of(DailyFact.class));
    daysByZone = new HashMap<>();
  }

  @Override
  public void processElement(DailyFact f, Context ctx, Collector<DailyRollup> out)
      throws Exception {
    if (f.timeMs == DailyFact.NO_TIME) {
      Long ts = ctx.timestamp();
      f.timeMs = ts != null ? ts : ctx.timerService().currentWatermark();
    }
    DailyUnit u = unit.value();
    if (u == null) {
      u = new DailyUnit();
      u.unitId = f.unitId;
    }
    if (DailyFact.UNIT.equals(f.kind)) {
      boolean first = u.timeZone == null;
      u.timeZone = f.timeZone;
      if (f.region != null) u.region = f.region;
      if (first) {
        for (DailyFact waiting : pending.get()) apply(u, waiting, ctx);
        pending.clear();
        u.pending = 0;
      }
    } else if (u.timeZone == null) {
      if (u.pending < MAX_PENDING) {
        pending.add(f);
        u.pending++;
      }
    } else {
      apply(u, f, ctx);
    }
    unit.update(u);
  }

  private void apply(DailyUnit u, DailyFact f, Context ctx) throws Exception {
    if (u.region == null) u.region = f.region;
    LocalDays local = daysByZone.computeIfAbsent(u.timeZone, LocalDays::new);
    ZoneId zone = local.zone();
    long watermark = ctx.timerService().currentWatermark();
    switch (f.kind) {
      case DailyFact.STATUS -> {
        if (u.lastTimeMs != null && f.timeMs < u.lastTimeMs) {
          // out of order: it cannot be placed in the integral any more, but it was seen
          DayFigures d = day(u, zone, local.dayStartAt(f.timeMs), ctx);
          if (d != null) {
            d.observe(f.present);
            d.dirty = true;
            days.put(d.dayStartMs, d);
          }
        } else {
          if (u.lastTimeMs != null)
            hold(u, local, u.lastTimeMs, f.timeMs, u.lastPresent, u.lastCap, ctx);
          DayFigures d = day(u, zone, local.dayStartAt(f.timeMs), ctx);
          if (d != null) {
            d.observe(f.present);
            d.dirty = true;
            days.put(d.dayStartMs, d);
          }
          u.lastTimeMs = f.timeMs;
          u.lastPresent = f.present;
          u.lastCap = f.cap;
        }
      }
      case DailyFact.COUNT -> {
        Long start = startOf(f.date, zone);
        DayFigures d = start == null ? null : day(u, zone, start, ctx);
        if (d == null) return;
        d.window(f.window, f.expected, f.reported);
        d.dirty = true;
        days.put(d.dayStartMs, d);
      }
      case DailyFact.ALERT -> {
        Long start = f.date == null ? null : startOf(f.date, zone);
        if (start == null) start = startOf(f.timeMs, zone);
        DayFigures d = day(u, zone, start, ctx);
        String id = f.alertId != null ? f.alertId : "at:" + f.timeMs;
        if (d == null || !d.alert(id)) return;
        d.dirty = true;
        days.put(d.dayStartMs, d);
      }
      default -> {
        return;
      }
    }
    if (u.tickAtMs == null) {
      long base = Math.max(f.timeMs, watermark);
      u.tickAtMs = (Math.floorDiv(base, tickMs) + 1) * tickMs;
      ctx.timerService().registerEventTimeTimer(u.tickAtMs);
    }
  }

  /** Adds present (and cap) held from fromMs to toMs to each open date the span covers. */
  private void hold(
      DailyUnit u, LocalDays local, long fromMs, long toMs, int present, Integer cap, Context ctx)
      throws Exception {
    long cursor = fromMs;
    while (cursor < toMs) {
      long start = local.dayStartAt(cursor);
      long end = local.nextDayStart(start);
      long until = Math.min(toMs, end);
      DayFigures d = day(u, local.zone(), start, ctx);
      if (d != null) {
        d.hold(until - cursor, present, cap);
        d.dirty = true;
        days.put(start, d);
      }
      cursor = until;
    }
  }

  /** The date's figures, created with their closing timer; null when the date has closed. */
  private DayFigures day(DailyUnit u, ZoneId zone, long dayStartMs, Context ctx) throws Exception {
    DayFigures d = days.get(dayStartMs);
    if (d != null) return d;
    long end = endOf(dayStartMs, zone);
    long closeAt = end + graceMs;
    if (closeAt <= ctx.timerService().currentWatermark()) return null;
    d = new DayFigures();
    d.date = Instant.ofEpochMilli(dayStartMs).atZone(zone).toLocalDate().toString();
    d.dayStartMs = dayStartMs;
    d.dayEndMs = end;
    ctx.timerService().registerEventTimeTimer(closeAt);
    return d;
  }

  @Override
  public void onTimer(long t, OnTimerContext ctx, Collector<DailyRollup> out) throws Exception {
    DailyUnit u = unit.value();
    if (u == null) return;
    if (u.tickAtMs != null && u.tickAtMs <= t) u.tickAtMs = null;
    List<DayFigures> all = new ArrayList<>();
    for (Map.Entry<Long, DayFigures> e : days.entries()) all.add(e.getValue());
    all.sort(Comparator.comparingLong(d -> d.dayStartMs));
    for (DayFigures d : all) {
      if (d.dayEndMs + graceMs <= t) {
        out.collect(rollup(u, d, d.dayEndMs, false));
        days.remove(d.dayStartMs);
      } else if (d.dirty) {
        long asOf = t;
        if (u.lastTimeMs != null) asOf = Math.max(asOf, u.lastTimeMs);
        asOf = Math.max(d.dayStartMs, Math.min(asOf, d.dayEndMs));
        out.collect(rollup(u, d, asOf, true));
        d.dirty = false;
        days.put(d.dayStartMs, d);
      }
    }
    if (days.isEmpty() && u.tickAtMs != null) {
      ctx.timerService().deleteEventTimeTimer(u.tickAtMs);
      u.tickAtMs = null;
    }
    unit.update(u);
  }

  /** The figures up to asOfMs, the last status held from its time on. */
  private static DailyRollup rollup(DailyUnit u, DayFigures day, long asOfMs, boolean provisional) {
    DayFigures d = day;
    if (u.lastTimeMs != null) {
      long from = Math.max(u.lastTimeMs, d.dayStartMs);
      if (asOfMs > from) {
        d = day.copy();
        d.hold(asOfMs - from, u.lastPresent, u.lastCap);
      }
    }
    DailyRollup r = new DailyRollup();
    r.unitId = u.unitId;
    r.region = u.region;
    r.date = d.date;
    r.dayStartMs = d.dayStartMs;
    r.attendanceRate = d.rate(false);
    int[] attendance = d.counts(false);
    if (attendance != null) {
      r.attendanceExpected = attendance[0];
      r.attendanceReported = attendance[1];
    }
    r.wfhCompliance = d.rate(true);
    int[] wfh = d.counts(true);
    if (wfh != null) {
      r.wfhExpected = wfh[0];
      r.wfhReported = wfh[1];
    }
    if (d.occupancy) {
      r.peakPresent = d.peak;
      r.meanPresent = d.coveredMs > 0 ? d.presentMs / (double) d.coveredMs : (double) d.peak;
      r.minutesOverCap = d.overCapMs / 60_000.0;
    }
    r.alerts = d.alertIds.length;
    r.breaches = d.breaches();
    r.asOfMs = asOfMs;
    r.provisional = provisional;
    return r;
  }

  static long startOf(long timeMs, ZoneId zone) {
    return Instant.ofEpochMilli(timeMs)
        .atZone(zone)
        .toLocalDate()
        .atStartOfDay(zone)
        .toInstant()
        .toEpochMilli();
  }

  static Long startOf(String date, ZoneId zone) {
    try {
      return LocalDate.parse(date).atStartOfDay(zone).toInstant().toEpochMilli();
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  static long endOf(long dayStartMs, ZoneId zone) {
    return Instant.ofEpochMilli(dayStartMs)
        .atZone(zone)
        .toLocalDate()
        .plusDays(1)
        .atStartOfDay(zone)
        .toInstant()
        .toEpochMilli();
  }
}
