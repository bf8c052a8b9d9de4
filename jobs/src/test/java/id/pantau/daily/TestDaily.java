package id.pantau.daily;

import static java.util.Collections.nCopies;

import id.pantau.caps.OccupancyStatus;
import id.pantau.compliance.ComplianceCount;
import id.pantau.compliance.ComplianceStatus;
import id.pantau.compliance.Counts;
import id.pantau.events.Alert;
import id.pantau.events.Unit;
import id.pantau.fixtures.Fixtures;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The daily tests' unit and moments beside the shared fixtures: Monday 2026-11-23 for a unit in
 * Kota Tangerang (WIB, UTC+7) and one in Kota Jayapura (WIT, UTC+9), with a grace of two hours and
 * quarter-hour ticks.
 */
final class TestDaily extends Fixtures {
  static final String UNIT = "tng-bkpsdm";

  static final long GRACE = 2 * ONE_HOUR;
  static final long TICK = 15 * ONE_MINUTE;

  // WIB, 2026-11-23
  static final long NINE_AM = at("2026-11-23T09:00:00+07:00");
  static final long HALF_NINE = at("2026-11-23T09:30:00+07:00");
  static final long TEN_PM = at("2026-11-23T22:00:00+07:00");
  static final long TEN_TO_MIDNIGHT = at("2026-11-23T23:50:00+07:00");

  // WIB, 2026-11-24
  static final long TWENTY_PAST_MIDNIGHT = at("2026-11-24T00:20:00+07:00");
  static final long TWO_AM = at("2026-11-24T02:00:00+07:00");
  static final long CLOSE = MIDNIGHT_WIB + GRACE;

  // WIT
  static final long HALF_ELEVEN_PM_WIT = at("2026-11-23T23:30:00+09:00");

  private TestDaily() {}

  static Unit tangerang() {
    return unit(UNIT, REGION, "Asia/Jakarta", 40);
  }

  static OccupancyStatus status(String unitId, long timeMs, int present, Integer cap) {
    String region = UNIT.equals(unitId) ? REGION : WIT_REGION;
    OccupancyStatus s = new OccupancyStatus(unitId, region, timeMs, present, 40);
    s.cap = cap;
    return s;
  }

  static OccupancyStatus status(long timeMs, int present) {
    return status(UNIT, timeMs, present, 20);
  }

  /** The unit's count of a window: of {@code expected}, those not on time or late missed. */
  static ComplianceCount count(String window, int expected, int onTime, int late, long timeMs) {
    List<ComplianceStatus> results = new ArrayList<>(nCopies(onTime, ComplianceStatus.ON_TIME));
    results.addAll(nCopies(late, ComplianceStatus.LATE));
    results.addAll(nCopies(expected - onTime - late, ComplianceStatus.MISSED));
    return Counts.of(UNIT, REGION, DATE, window, timeMs, results);
  }

  static Alert breach(String phase, long startedMs) {
    Alert a = new Alert();
    a.alertId = "OVER_CAP:" + UNIT + ":" + startedMs;
    a.kind = "OVER_CAP";
    a.phase = phase;
    a.unitId = UNIT;
    a.region = REGION;
    a.startedAt = Instant.ofEpochMilli(startedMs).toString();
    return a;
  }

  static Alert compliance(String phase, String nip) {
    Alert a = new Alert();
    a.alertId = "COMPLIANCE:" + UNIT + ":" + nip + ":" + DATE + ":ATTENDANCE";
    a.kind = "MISSED_ATTENDANCE";
    a.phase = phase;
    a.unitId = UNIT;
    a.region = REGION;
    a.date = DATE;
    a.nip = nip;
    a.startedAt = Instant.ofEpochMilli(NOON).toString();
    return a;
  }
}
