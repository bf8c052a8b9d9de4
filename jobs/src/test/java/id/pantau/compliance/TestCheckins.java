package id.pantau.compliance;

import id.pantau.events.Action;
import id.pantau.events.AttendanceEvent;
import id.pantau.events.GeoFix;
import id.pantau.events.LocationPing;
import id.pantau.events.Policy;
import id.pantau.events.RosterEntry;
import id.pantau.events.RosterMode;
import id.pantau.events.Source;
import id.pantau.events.Unit;
import id.pantau.events.WorkMode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * Fixtures with named times: Monday 2026-11-23 under the seed policy (attendance by 07:30, cutoff
 * 12:00, location windows 07:30–09:00, 11:30–13:00, 15:00–16:30, 15 minutes' lateness), for units
 * in Kota Tangerang (WIB, UTC+7), Kota Makassar (WITA, UTC+8) and Kota Jayapura (WIT, UTC+9).
 */
final class TestCheckins {
  static final String DATE = "2026-11-23";
  static final String NEXT_DATE = "2026-11-24";
  static final String UNIT = "tng-bkpsdm";
  static final String REGION = "kota-tangerang";
  static final String WITA_UNIT = "mks-bkpsdm";
  static final String WIT_UNIT = "jyp-bkpsdm";
  static final String NIP = "198703122010011002";
  static final String OTHER_NIP = "199001012015032001";

  static final long ONE_SECOND = 1_000L;
  static final long ONE_MINUTE = 60_000L;

  // WIB, 2026-11-23
  static final long DAY_START = at("2026-11-23T00:00:00+07:00");
  static final long SIX_AM = at("2026-11-23T06:00:00+07:00");
  static final long SEVEN_TEN = at("2026-11-23T07:10:00+07:00");
  static final long DEADLINE = at("2026-11-23T07:30:00+07:00");
  static final long ONE_SECOND_LATER = DEADLINE + ONE_SECOND;
  static final long EIGHT_AM = at("2026-11-23T08:00:00+07:00");
  static final long TEN_AM = at("2026-11-23T10:00:00+07:00");
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

  /** Half past midnight in Jayapura on the 24th is still 22:30 on the 23rd in Tangerang. */
  static final long AFTER_MIDNIGHT_WIT = at("2026-11-24T00:30:00+09:00");

  static final long NEXT_CUTOFF_WIT = at("2026-11-24T12:00:00+09:00");

  private TestCheckins() {}

  static long at(String iso) {
    return OffsetDateTime.parse(iso).toInstant().toEpochMilli();
  }

  static Unit unit(String id, String zone, String region) {
    Unit u = new Unit();
    u.unitId = id;
    u.name = "Unit " + id;
    u.region = region;
    u.timeZone = zone;
    u.headcount = 40;
    u.essential = false;
    u.setEffectiveFrom("2026-11-01T00:00:00+07:00");
    return u;
  }

  static Unit tangerang() {
    return unit(UNIT, "Asia/Jakarta", REGION);
  }

  static Unit makassar() {
    return unit(WITA_UNIT, "Asia/Makassar", "kota-makassar");
  }

  static Unit jayapura() {
    return unit(WIT_UNIT, "Asia/Jayapura", "kota-jayapura");
  }

  static RosterEntry roster(String nip, String unitId, String date, RosterMode mode) {
    RosterEntry r = new RosterEntry();
    r.nip = nip;
    r.unitId = unitId;
    r.date = date;
    r.mode = mode;
    return r;
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

  /** A check-in that ingest received as it happened. */
  static AttendanceEvent checkIn(String nip, long timeMs) {
    return attendance(nip, UNIT, Action.CHECK_IN, timeMs);
  }

  static AttendanceEvent attendance(String nip, String unitId, Action action, long timeMs) {
    AttendanceEvent e = new AttendanceEvent();
    e.eventId = UUID.randomUUID().toString();
    e.nip = nip;
    e.unitId = unitId;
    e.action = action;
    e.mode = WorkMode.WFO;
    e.setTime(Instant.ofEpochMilli(timeMs).toString());
    e.location = new GeoFix(-6.17, 106.63, 10, false);
    e.deviceId = "dev-" + nip;
    e.source = Source.APP;
    e.receivedAt = timeMs;
    return e;
  }

  /** A location ping that ingest received as it happened. */
  static LocationPing ping(String nip, long timeMs) {
    LocationPing p = new LocationPing();
    p.eventId = UUID.randomUUID().toString();
    p.nip = nip;
    p.unitId = UNIT;
    p.setTime(Instant.ofEpochMilli(timeMs).toString());
    p.location = new GeoFix(-6.20, 106.62, 30, false);
    p.deviceId = "dev-" + nip;
    p.receivedAt = timeMs;
    return p;
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
    Policy p = new Policy();
    p.region = region;
    p.setEffectiveFrom("2026-11-01T00:00:00+07:00");
    return p;
  }
}
