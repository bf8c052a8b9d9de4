package id.pantau.daily;

import id.pantau.caps.OccupancyStatus;
import id.pantau.compliance.ComplianceCount;
import id.pantau.events.Alert;
import id.pantau.events.Unit;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.apache.flink.util.Collector;

/**
 * One input of the daily rollup, keyed by unit: an occupancy status, a compliance count, an alert
 * or a unit's reference data (its time zone). Only what the rollup needs; no NIP.
 */
public class DailyFact {
  public static final String STATUS = "STATUS";
  public static final String COUNT = "COUNT";
  public static final String ALERT = "ALERT";
  public static final String UNIT = "UNIT";

  /** No time of its own: the rollup takes the record's timestamp. */
  public static final long NO_TIME = Long.MIN_VALUE;

  public String kind;
  public String unitId;
  public String region;
  public long timeMs = NO_TIME;

  // STATUS
  public int present;
  public Integer cap;

  // COUNT and ALERT: the local date (YYYY-MM-DD), when the input names one
  public String date;

  // COUNT
  public String window;
  public int expected;

  /** On time plus late. */
  public int reported;

  // ALERT
  public String alertId;

  // UNIT
  public String timeZone;

  public DailyFact() {}

  public static DailyFact of(OccupancyStatus s) {
    DailyFact f = fact(STATUS, s.unitId, s.region);
    f.timeMs = s.timeMs;
    f.present = s.present;
    f.cap = s.cap;
    return f;
  }

  public static DailyFact of(ComplianceCount c) {
    DailyFact f = fact(COUNT, c.unitId, c.region);
    f.timeMs = c.timeMs;
    f.date = c.date;
    f.window = c.window;
    f.expected = c.expected;
    f.reported = c.onTime + c.late;
    return f;
  }

  /**
   * An alert counts on its local date: the date it names (roster and compliance alerts), else the
   * date of its start (a breach's OPEN and CLOSE share it), else the date of its record.
   */
  public static DailyFact of(Alert a) {
    DailyFact f = fact(ALERT, a.unitId, a.region);
    f.alertId = a.alertId;
    f.date = a.date;
    if (a.startedAt != null) {
      try {
        f.timeMs = Instant.parse(a.startedAt).toEpochMilli();
      } catch (DateTimeParseException e) {
        f.timeMs = NO_TIME;
      }
    }
    return f;
  }

  public static DailyFact of(Unit u) {
    DailyFact f = fact(UNIT, u.unitId, u.region);
    f.timeZone = u.timeZone;
    return f;
  }

  /** For flatMaps: facts without a unit go nowhere (there is no key to count them under). */
  public static void emit(OccupancyStatus s, Collector<DailyFact> out) {
    if (s.unitId != null && !s.provisional) out.collect(of(s));
  }

  public static void emit(ComplianceCount c, Collector<DailyFact> out) {
    if (c.unitId != null && c.date != null && c.window != null) out.collect(of(c));
  }

  public static void emit(Alert a, Collector<DailyFact> out) {
    if (a.unitId != null) out.collect(of(a));
  }

  public static void emit(Unit u, Collector<DailyFact> out) {
    if (u.unitId != null && u.timeZone != null) out.collect(of(u));
  }

  private static DailyFact fact(String kind, String unitId, String region) {
    DailyFact f = new DailyFact();
    f.kind = kind;
    f.unitId = unitId;
    f.region = region;
    return f;
  }

  @Override
  public String toString() {
    return kind + " " + unitId + "@" + timeMs;
  }
}
