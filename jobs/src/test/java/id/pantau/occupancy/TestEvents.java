package id.pantau.occupancy;

import id.pantau.events.Action;
import id.pantau.events.AttendanceEvent;
import id.pantau.events.Exposure;
import id.pantau.events.GeoFix;
import id.pantau.events.Source;
import id.pantau.events.Unit;
import id.pantau.events.WorkMode;
import java.time.OffsetDateTime;
import java.util.UUID;

/** Fixtures with named times: a Monday in Kota Tangerang (WIB, UTC+7) and Jayapura (WIT, UTC+9). */
final class TestEvents {
  static final String UNIT = "tng-disdukcapil";
  static final String REGION = "kota-tangerang";
  static final String WIT_UNIT = "jyp-bkpsdm";

  static final long SEVEN_AM = at("2026-11-23T07:00:00+07:00");
  static final long SEVEN_TEN = at("2026-11-23T07:10:00+07:00");
  static final long SEVEN_TWENTY = at("2026-11-23T07:20:00+07:00");
  static final long SEVEN_THIRTY = at("2026-11-23T07:30:00+07:00");
  static final long ONE_MINUTE = 60_000L;
  static final long ONE_SECOND = 1_000L;
  static final long MIDNIGHT_WIB = at("2026-11-24T00:00:00+07:00");
  static final long MIDNIGHT_WIT = at("2026-11-24T00:00:00+09:00");
  static final long EVENING_WIT = at("2026-11-23T20:00:00+09:00");

  private TestEvents() {}

  static long at(String iso) {
    return OffsetDateTime.parse(iso).toInstant().toEpochMilli();
  }

  static Unit unit(String id, String zone, int headcount) {
    Unit u = new Unit();
    u.unitId = id;
    u.name = "Unit " + id;
    u.region = id.equals(WIT_UNIT) ? "kota-jayapura" : REGION;
    u.timeZone = zone;
    u.headcount = headcount;
    u.essential = false;
    u.setEffectiveFrom("2026-11-01T00:00:00+07:00");
    return u;
  }

  static Unit tangerang(int headcount) {
    return unit(UNIT, "Asia/Jakarta", headcount);
  }

  /** A confirmed case in the unit from a moment on (or its end, exposed false). */
  static Exposure exposure(String unitId, boolean exposed, long fromMs) {
    Exposure x = new Exposure();
    x.unitId = unitId;
    x.exposed = exposed;
    x.setEffectiveFrom(java.time.Instant.ofEpochMilli(fromMs).toString());
    return x;
  }

  static AttendanceEvent checkIn(String nip, long timeMs) {
    return event(UNIT, nip, Action.CHECK_IN, WorkMode.WFO, timeMs);
  }

  static AttendanceEvent checkOut(String nip, long timeMs) {
    return event(UNIT, nip, Action.CHECK_OUT, WorkMode.WFO, timeMs);
  }

  static AttendanceEvent homeCheckIn(String nip, long timeMs) {
    return event(UNIT, nip, Action.CHECK_IN, WorkMode.WFH, timeMs);
  }

  static AttendanceEvent event(
      String unitId, String nip, Action action, WorkMode mode, long timeMs) {
    AttendanceEvent e = new AttendanceEvent();
    e.eventId = UUID.randomUUID().toString();
    e.nip = nip;
    e.unitId = unitId;
    e.action = action;
    e.mode = mode;
    e.setTime(
        java.time.Instant.ofEpochMilli(timeMs)
            .atOffset(java.time.ZoneOffset.ofHours(7))
            .toString());
    e.location = new GeoFix(-6.17, 106.63, 10, false);
    e.deviceId = "dev-" + nip;
    e.source = Source.APP;
    return e;
  }
}
