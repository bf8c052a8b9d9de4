package id.pantau.location;

import id.pantau.events.Action;
import id.pantau.events.AttendanceEvent;
import id.pantau.events.Boundary;
import id.pantau.events.GeoFix;
import id.pantau.events.LocationPing;
import id.pantau.events.Office;
import id.pantau.events.Region;
import id.pantau.events.RosterEntry;
import id.pantau.events.RosterMode;
import id.pantau.events.Unit;
import id.pantau.events.WorkMode;
import id.pantau.fixtures.Fixtures;
import java.time.Instant;
import org.apache.flink.runtime.state.heap.HeapKeyedStateBackend;
import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.util.KeyedBroadcastOperatorTestHarness;

/**
 * Fixtures of the location tests, beside the shared ones: offices in Jakarta (UTC+7), 2025-03-03.
 */
final class TestFixes extends Fixtures {
  static final String CIRCLE_UNIT = "U-CIRCLE";
  static final String POLYGON_UNIT = "U-POLY";
  static final double OFFICE_LAT = -6.2000;
  static final double OFFICE_LON = 106.8166;
  static final double RADIUS_M = 100;

  /** 2025-03-03 08:00 in Jakarta. */
  static final long T0 = Instant.parse("2025-03-03T01:00:00Z").toEpochMilli();

  /** Degrees of latitude per metre. */
  static final double DEG_PER_M = 1 / 111_195.0;

  private TestFixes() {}

  static Unit circleUnit() {
    Unit u = unit(CIRCLE_UNIT);
    u.office = new Office();
    u.office.lat = OFFICE_LAT;
    u.office.lon = OFFICE_LON;
    u.office.radiusM = RADIUS_M;
    return u;
  }

  /** A square of about 220 m around the office point. */
  static Unit polygonUnit() {
    Unit u = unit(POLYGON_UNIT);
    u.office = new Office();
    double d = 0.001;
    u.office.polygon =
        new double[][] {
          {OFFICE_LON - d, OFFICE_LAT - d},
          {OFFICE_LON + d, OFFICE_LAT - d},
          {OFFICE_LON + d, OFFICE_LAT + d},
          {OFFICE_LON - d, OFFICE_LAT + d},
          {OFFICE_LON - d, OFFICE_LAT - d}
        };
    return u;
  }

  /** The units' region, Jakarta Pusat. */
  static final String JAKARTA_PUSAT = "3171";

  /** Half the side of the test region's square around the office, in degrees (~11 km). */
  static final double REGION_HALF_SIDE_DEG = 0.1;

  /** The units' region: a square of 0.2° around the office point. */
  static Region homeRegion() {
    Region r = new Region();
    r.region = JAKARTA_PUSAT;
    r.name = "Jakarta Pusat";
    r.timeZone = "Asia/Jakarta";
    double d = REGION_HALF_SIDE_DEG;
    r.boundary =
        Boundary.polygon(square(OFFICE_LON - d, OFFICE_LAT - d, OFFICE_LON + d, OFFICE_LAT + d));
    return r;
  }

  /** A closed counter-clockwise [lon, lat] ring. */
  static double[][] square(double west, double south, double east, double north) {
    return new double[][] {
      {west, south}, {east, south}, {east, north}, {west, north}, {west, south}
    };
  }

  private static Unit unit(String id) {
    Unit u = unit(id, JAKARTA_PUSAT, "Asia/Jakarta", 10);
    u.name = id;
    u.setEffectiveFrom("2025-01-01T00:00:00Z");
    return u;
  }

  /** A WFO check-in metres north of the office point. */
  static AttendanceEvent checkIn(
      String eventId, String nip, String unitId, double northM, double accuracyM, long timeMs) {
    AttendanceEvent e = attendance(unitId, nip, Action.CHECK_IN, WorkMode.WFO, timeMs);
    e.eventId = eventId;
    e.location = new GeoFix(OFFICE_LAT + northM * DEG_PER_M, OFFICE_LON, accuracyM, false);
    return e;
  }

  static Fix officeFix(String eventId, String nip, String unitId, double northM, double acc) {
    return Fix.of(checkIn(eventId, nip, unitId, northM, acc, T0));
  }

  /** A location ping at a position. */
  static LocationPing ping(
      String eventId, String nip, String deviceId, double lat, double lon, long timeMs) {
    LocationPing p = new LocationPing();
    p.eventId = eventId;
    p.nip = nip;
    p.unitId = CIRCLE_UNIT;
    p.deviceId = deviceId;
    p.setTime(Instant.ofEpochMilli(timeMs).toString());
    p.location = new GeoFix(lat, lon, 10, false);
    p.receivedAt = timeMs;
    return p;
  }

  static Fix pingFix(String eventId, String nip, double lat, double lon, long timeMs) {
    return Fix.of(ping(eventId, nip, "dev-" + nip, lat, lon, timeMs));
  }

  static Fix withAccuracy(Fix f, double accuracyM) {
    f.accuracyM = accuracyM;
    return f;
  }

  /** Keyed state entries of a harness (heap backend). */
  static int keyedStateEntries(KeyedBroadcastOperatorTestHarness<?, ?, ?, ?> harness) {
    AbstractStreamOperator<?> op = (AbstractStreamOperator<?>) harness.getOperator();
    return ((HeapKeyedStateBackend<?>) op.getKeyedStateBackend()).numKeyValueStateEntries();
  }

  /** A WFH roster row of the circle unit, with a home region or none. */
  static RosterEntry roster(String nip, String date, String homeRegion) {
    RosterEntry r = new RosterEntry();
    r.nip = nip;
    r.unitId = CIRCLE_UNIT;
    r.date = date;
    r.mode = RosterMode.WFH;
    r.homeRegion = homeRegion;
    return r;
  }

  static Fix mocked(Fix f) {
    f.mock = true;
    return f;
  }
}
