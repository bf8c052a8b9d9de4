package id.pantau.sim.truth;

import id.pantau.events.Policy;
import id.pantau.events.ZoneLevel;
import id.pantau.sim.CityUnit;
import id.pantau.sim.SimDay;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;

/**
 * The caps and floors in force (README, "Caps, floors and breaches"): the seed policy (data shipped
 * in events) with the zone level of the unit's region at the moment; cap = floor(headcount ×
 * percent / 100); floor = minPresent of an essential unit within the service hours (local), else 0.
 */
final class Rules {
  final Policy policy = Policy.seed();
  private final SimDay day;

  Rules(SimDay day) {
    this.day = day;
  }

  ZoneLevel level(String regionId, long t) {
    ZoneLevel level = null;
    Instant best = null;
    for (SimDay.ZoneVersion z : day.zones()) {
      if (!z.regionId().equals(regionId) || z.effectiveFrom().toEpochMilli() > t) continue;
      if (best == null || z.effectiveFrom().isAfter(best)) {
        best = z.effectiveFrom();
        level = z.level();
      }
    }
    return level;
  }

  int percent(ZoneLevel level) {
    return switch (level) {
      case LOW -> policy.capPercent.low;
      case MEDIUM -> policy.capPercent.medium;
      case HIGH -> policy.capPercent.high;
    };
  }

  int cap(CityUnit u, long t) {
    return (int) Math.floor(u.headcount() * (double) percent(level(u.region().id(), t)) / 100.0);
  }

  int floor(CityUnit u, long t) {
    if (!u.essential()) return 0;
    LocalTime local = Instant.ofEpochMilli(t).atZone(u.zone()).toLocalTime();
    LocalTime from = LocalTime.parse(policy.serviceHours[0]);
    LocalTime to = LocalTime.parse(policy.serviceHours[1]);
    return !local.isBefore(from) && local.isBefore(to) ? u.minPresent() : 0;
  }

  long dwellMs() {
    return policy.breachDwellS * 1000L;
  }

  /** Instants of the local date where a cap or a floor may change: zone changes, service hours. */
  long[] ruleChanges(CityUnit u) {
    long a = localMs(policy.serviceHours[0], u.zone());
    long b = localMs(policy.serviceHours[1], u.zone());
    return java.util.stream.LongStream.concat(
            java.util.stream.LongStream.of(a, b),
            day.zones().stream()
                .filter(z -> z.regionId().equals(u.region().id()))
                .mapToLong(z -> z.effectiveFrom().toEpochMilli()))
        .toArray();
  }

  /** A local time ("HH:mm") of the day's date in a zone, as epoch ms. */
  private long localMs(String localTime, ZoneId zone) {
    return day.date().atTime(LocalTime.parse(localTime)).atZone(zone).toInstant().toEpochMilli();
  }
}
