package id.pantau.location;

import id.pantau.events.Alert;
import id.pantau.events.Times;
import id.pantau.events.Unit;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/** The alerts of the location rules: RAISED, for human review, never a penalty. */
public final class LocationAlerts {
  public static final String OUTSIDE_OFFICE = "OUTSIDE_OFFICE";
  public static final String OUT_OF_REGION = "OUT_OF_REGION";
  public static final String LOW_ACCURACY = "LOW_ACCURACY";
  public static final String MOCK_LOCATION = "MOCK_LOCATION";
  public static final String IMPOSSIBLE_TRAVEL = "IMPOSSIBLE_TRAVEL";
  public static final String SHARED_DEVICE = "SHARED_DEVICE";

  private LocationAlerts() {}

  /** Deterministic from nip, eventId and kind: a replay or a duplicate gives the same id. */
  public static String alertId(String nip, String eventId, String kind) {
    return kind + ":" + nip + ":" + eventId;
  }

  static Alert raise(String kind, Fix f, Unit unit, ZoneId zone, String message) {
    Alert a = new Alert();
    a.alertId = alertId(f.nip, f.eventId, kind);
    a.kind = kind;
    a.phase = Alert.RAISED;
    a.nip = f.nip;
    a.unitId = f.unitId;
    a.region = unit == null ? null : unit.region;
    a.date = localDate(f.timeMs, zone).toString();
    a.startedAt = Instant.ofEpochMilli(f.timeMs).toString();
    a.message = message;
    return a;
  }

  /** The unit's time zone, else the default one. */
  static ZoneId zone(Unit unit, String defaultZone) {
    if (unit != null && unit.timeZone != null && Times.isZone(unit.timeZone)) {
      try {
        return ZoneId.of(unit.timeZone);
      } catch (DateTimeException e) {
        // fall through
      }
    }
    return ZoneId.of(defaultZone);
  }

  static LocalDate localDate(long timeMs, ZoneId zone) {
    return Instant.ofEpochMilli(timeMs).atZone(zone).toLocalDate();
  }

  /** The first instant of the day after the given one. */
  static long endOfDay(LocalDate date, ZoneId zone) {
    return date.plusDays(1).atStartOfDay(zone).toInstant().toEpochMilli();
  }
}
