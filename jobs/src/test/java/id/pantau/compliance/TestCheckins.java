package id.pantau.compliance;

import id.pantau.events.AttendanceEvent;
import id.pantau.events.LocationPing;
import id.pantau.events.Policy;
import id.pantau.events.RosterEntry;
import id.pantau.events.RosterMode;
import id.pantau.events.Unit;
import id.pantau.fixtures.Fixtures;

/**
 * The compliance tests' units and moments beside the shared fixtures: Monday 2026-11-23 under the
 * seed policy (attendance by 07:30, cutoff 12:00, location windows 07:30–09:00, 11:30–13:00,
 * 15:00–16:30, 15 minutes' lateness), for units in Kota Tangerang (WIB, UTC+7), Kota Makassar
 * (WITA, UTC+8) and Kota Jayapura (WIT, UTC+9).
 */
final class TestCheckins extends Fixtures {
  static final String UNIT = "tng-bkpsdm";
  static final String WITA_UNIT = "mks-bkpsdm";
  static final String NIP = "198703122010011002";
  static final String OTHER_NIP = "199001012015032001";

  // WIB, 2026-11-23
  static final long DEADLINE = at("2026-11-23T07:30:00+07:00");
  static final long ONE_SECOND_LATER = DEADLINE + ONE_SECOND;
  static final long CUTOFF = at("2026-11-23T12:00:00+07:00");
  static final long TWO_PM = at("2026-11-23T14:00:00+07:00");
  static final long EVENING = at("2026-11-23T23:59:00+07:00");

  static final long LOC1_START = at("2026-11-23T07:30:00+07:00");
  static final long LOC1_END = at("2026-11-23T09:00:00+07:00");
  static final long LOC1_DECIDED = at("2026-11-23T09:15:00+07:00");
  static final long LOC2_START = at("2026-11-23T11:30:00+07:00");
  static final long LOC2_END = at("2026-11-23T13:00:00+07:00");
  static final long LOC2_DECIDED = at("2026-11-23T13:15:00+07:00");
  static final long LOC3_END = at("2026-11-23T16:30:00+07:00");
  static final long LOC3_DECIDED = at("2026-11-23T16:45:00+07:00");

  // WIB, 2026-11-24
  static final long NEXT_SEVEN_TEN = at("2026-11-24T07:10:00+07:00");
  static final long NEXT_DEADLINE = at("2026-11-24T07:30:00+07:00");
  static final long NEXT_CUTOFF = at("2026-11-24T12:00:00+07:00");

  // Round-the-clock crews (WIB): the seed policy's grace is 4.5 hours (07:30 to 12:00).
  static final long AFTERNOON_SHIFT = at("2026-11-23T15:00:00+07:00");
  static final long AFTERNOON_CUTOFF = at("2026-11-23T19:30:00+07:00");
  static final long NIGHT_SHIFT = at("2026-11-23T23:00:00+07:00");
  static final long NIGHT_CUTOFF = at("2026-11-24T03:30:00+07:00");
  static final long NEXT_NIGHT_SHIFT = at("2026-11-24T23:00:00+07:00");

  // The same local deadline in the other zones: earlier instants.
  static final long DEADLINE_WITA = at("2026-11-23T07:30:00+08:00");
  static final long DEADLINE_WIT = at("2026-11-23T07:30:00+09:00");
  static final long SEVEN_TWENTY_WITA = at("2026-11-23T07:20:00+08:00");
  static final long SEVEN_TWENTY_WIT = at("2026-11-23T07:20:00+09:00");

  static final long NEXT_CUTOFF_WIT = at("2026-11-24T12:00:00+09:00");

  private TestCheckins() {}

  static Unit tangerang() {
    return unit(UNIT, REGION, "Asia/Jakarta", 40);
  }

  static Unit makassar() {
    return unit(WITA_UNIT, WITA_REGION, "Asia/Makassar", 40);
  }

  static RosterEntry wfo(String nip) {
    return roster(nip, UNIT, DATE, RosterMode.WFO);
  }

  static RosterEntry wfh(String nip) {
    return roster(nip, UNIT, DATE, RosterMode.WFH);
  }

  /** A crew member on duty (PIKET) from a shift start, local HH:mm. */
  static RosterEntry crew(String nip, String date, String shiftStart) {
    RosterEntry r = roster(nip, UNIT, date, RosterMode.PIKET);
    r.shiftStart = shiftStart;
    return r;
  }

  /**
   * The staff member's roster row of the test day for a window: WFO for attendance, WFH for a
   * location window.
   */
  static RosterEntry rosterFor(String nip, String window) {
    return WindowResult.ATTENDANCE.equals(window) ? wfo(nip) : wfh(nip);
  }

  /** A window of the test day as the tracker keeps it, planned from the seed policy. */
  static WindowState window(String name, ComplianceStatus status, Long checkinAt) {
    DayPlan plan = DayPlan.of(DATE, rosterFor(NIP, name).mode, tangerang(), Policy.seed());
    DayPlan.Slot slot =
        plan.slots.stream().filter(s -> s.window().equals(name)).findFirst().orElseThrow();
    Mark basis = checkinAt == null ? null : new Mark("e1", checkinAt, checkinAt, false, 0);
    return WindowResults.state(tangerang(), slot, plan, status, basis);
  }

  /** The staff member's result of a window of the test day, made as the tracker makes it. */
  static WindowResult result(
      String nip, String window, ComplianceStatus previous, ComplianceStatus status) {
    return WindowResults.result(
        rosterFor(nip, window),
        window,
        window(window, status, null),
        status,
        previous,
        null,
        null,
        Long.MIN_VALUE);
  }

  /** The same of the attendance window. */
  static WindowResult result(String nip, ComplianceStatus previous, ComplianceStatus status) {
    return result(nip, WindowResult.ATTENDANCE, previous, status);
  }

  /** A check-in that ingest received as it happened. */
  static AttendanceEvent checkIn(String nip, long timeMs) {
    return checkIn(UNIT, nip, timeMs);
  }

  /** A location ping that ingest received as it happened. */
  static LocationPing ping(String nip, long timeMs) {
    return ping(UNIT, nip, timeMs);
  }

  /** The same ping, as a phone that was offline uploads it later. */
  static LocationPing uploadedAt(LocationPing p, long receivedMs) {
    p.receivedAt = receivedMs;
    return p;
  }

  static AttendanceEvent uploadedAt(AttendanceEvent e, long receivedMs) {
    e.receivedAt = receivedMs;
    return e;
  }

  /** A region's policy version from the first of the month, over the seed. */
  static Policy policy(String region) {
    return policy(region, at("2026-11-01T00:00:00+07:00"));
  }
}
