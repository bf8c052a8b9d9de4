package id.pantau.location;

import id.pantau.events.Unit;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.util.HashMap;
import java.util.Map;

/**
 * Each unit's broadcast record with its time zone parsed, and the local day last asked for in it: a
 * cache per operator instance (not checkpointed) so that a fix costs no zone parsing and, mostly,
 * no date arithmetic. The broadcast state stays the truth: an entry is dropped whenever its unit's
 * record arrives (see {@link #forget}), and a unit not known yet is never cached.
 */
final class UnitZones {
  /** A unit (null when unknown) in its zone, with the local day last asked for. */
  static final class UnitZone {
    final Unit unit;
    final ZoneId zone;
    // The local day last asked for answers every instant inside it when the zone's offset does not
    // change during that day (no transition in [start, end)): then the local date of every instant
    // there is that day. A day with a transition (summer time) is computed for each instant.
    private boolean steady;
    private long dayStartMs = Long.MAX_VALUE;
    private long dayEndMs = Long.MIN_VALUE;
    private LocalDate day;
    private String dayText;

    UnitZone(Unit unit, ZoneId zone) {
      this.unit = unit;
      this.zone = zone;
    }

    /** How many times the day was computed (the rest came from the cache); for tests. */
    int computed;

    /** The local date of an instant in this zone. */
    LocalDate date(long timeMs) {
      at(timeMs);
      return day;
    }

    /** {@link #date} as YYYY-MM-DD. */
    String dateText(long timeMs) {
      at(timeMs);
      return dayText;
    }

    /** The first instant of the day after the local date of the instant. */
    long endOfDayMs(long timeMs) {
      at(timeMs);
      return dayEndMs;
    }

    private void at(long timeMs) {
      if (steady && timeMs >= dayStartMs && timeMs < dayEndMs) return;
      computed++;
      day = LocationAlerts.localDate(timeMs, zone);
      dayText = day.toString();
      dayStartMs = day.atStartOfDay(zone).toInstant().toEpochMilli();
      dayEndMs = LocationAlerts.endOfDay(day, zone);
      ZoneOffsetTransition next = zone.getRules().nextTransition(Instant.ofEpochMilli(dayStartMs));
      steady = next == null || next.getInstant().toEpochMilli() >= dayEndMs;
    }
  }

  /** Reads the broadcast state on a miss. */
  interface Units {
    Unit get(String unitId) throws Exception;
  }

  private final Map<String, UnitZone> known = new HashMap<>();
  private final UnitZone unknown;
  private final String defaultZone;

  UnitZones(String defaultZone) {
    this.defaultZone = defaultZone;
    this.unknown = new UnitZone(null, LocationAlerts.zone(null, defaultZone));
  }

  /** The unit of a fix with its zone; the default zone and no unit when it is not known. */
  UnitZone of(String unitId, Units units) throws Exception {
    if (unitId == null) return unknown;
    UnitZone z = known.get(unitId);
    if (z != null) return z;
    Unit u = units.get(unitId);
    if (u == null) return unknown;
    z = new UnitZone(u, LocationAlerts.zone(u, defaultZone));
    known.put(unitId, z);
    return z;
  }

  /** Call when a unit's record arrives: the next fix reads the broadcast state again. */
  void forget(String unitId) {
    if (unitId != null) known.remove(unitId);
  }
}
