package id.pantau.occupancy;

import id.pantau.events.Action;
import id.pantau.events.AttendanceEvent;
import id.pantau.events.Unit;
import id.pantau.events.WorkMode;
import id.pantau.fixtures.Fixtures;

/** The occupancy tests' unit in Kota Tangerang and its morning, beside the shared fixtures. */
final class TestEvents extends Fixtures {
  static final String UNIT = "tng-disdukcapil";

  static final long SEVEN_TWENTY = at("2026-11-23T07:20:00+07:00");
  static final long SEVEN_THIRTY = at("2026-11-23T07:30:00+07:00");
  static final long EVENING_WIT = at("2026-11-23T20:00:00+09:00");

  private TestEvents() {}

  static Unit tangerang(int headcount) {
    return unit(UNIT, REGION, "Asia/Jakarta", headcount);
  }

  static AttendanceEvent checkIn(String nip, long timeMs) {
    return checkIn(UNIT, nip, timeMs);
  }

  static AttendanceEvent checkOut(String nip, long timeMs) {
    return checkOut(UNIT, nip, timeMs);
  }

  static AttendanceEvent homeCheckIn(String nip, long timeMs) {
    return attendance(UNIT, nip, Action.CHECK_IN, WorkMode.WFH, timeMs);
  }
}
