package id.pantau.serial;

import id.pantau.caps.OccupancyStatus;
import id.pantau.daily.DailyFact;
import id.pantau.events.Action;
import id.pantau.events.AttendanceEvent;
import id.pantau.events.DeadLetter;
import id.pantau.events.GeoFix;
import id.pantau.events.LocationPing;
import id.pantau.events.RosterEntry;
import id.pantau.events.RosterMode;
import id.pantau.events.Source;
import id.pantau.events.WorkMode;
import id.pantau.jobs.Parsed;
import id.pantau.location.Fix;
import id.pantau.occupancy.OccupancyUpdate;

/**
 * One record of each kind that crosses a shuffle on a hand-written serializer, with every field
 * set: what the serializer tests write, read and copy, and whose bytes {@code WireFormatTest} pins.
 */
public final class Samples {
  private Samples() {}

  public static OccupancyStatus status() {
    OccupancyStatus s = new OccupancyStatus("u1", "r", 60_000L, 5, 10);
    s.cap = 2;
    s.floor = 3;
    s.dwellS = 300;
    s.unscheduled = 1;
    s.unscheduledNips = new String[] {"n1", null};
    s.provisional = true;
    return s;
  }

  public static OccupancyUpdate update() {
    OccupancyUpdate o = new OccupancyUpdate("u1", "r", 1_795_000_000_000L, 7, 40);
    o.timeZone = "Asia/Jakarta";
    o.essential = true;
    o.minPresent = 3;
    o.exposed = true;
    o.scheduledOffice = 12;
    o.unscheduled = 2;
    o.unscheduledNips = new String[] {"n1", "n2"};
    o.provisional = true;
    return o;
  }

  public static DailyFact fact() {
    DailyFact f = new DailyFact();
    f.kind = DailyFact.COUNT;
    f.unitId = "U1";
    f.region = "3171";
    f.timeMs = 1234L;
    f.present = 7;
    f.cap = 50;
    f.date = "2025-03-03";
    f.window = "attendance";
    f.expected = 10;
    f.reported = 9;
    f.alertId = "A:1";
    f.timeZone = "Asia/Jakarta";
    return f;
  }

  public static Fix fix() {
    Fix f = new Fix();
    f.nip = "N1";
    f.unitId = "U1";
    f.deviceId = "d1";
    f.eventId = "e1";
    f.timeMs = 99L;
    f.lat = -6.2;
    f.lon = 106.8;
    f.accuracyM = 12.5;
    f.mock = true;
    f.isWfh = true;
    return f;
  }

  public static RosterEntry roster() {
    RosterEntry r = new RosterEntry();
    r.nip = "N1";
    r.unitId = "U1";
    r.date = "2025-03-03";
    r.mode = RosterMode.PIKET;
    r.shiftStart = "23:00";
    return r;
  }

  public static LocationPing ping() {
    LocationPing p = new LocationPing();
    p.eventId = "p1";
    p.nip = "N1";
    p.setTime("2025-03-03T08:00:00Z");
    p.location = new GeoFix();
    p.location.lat = 1.0;
    p.location.mock = false;
    p.receivedAt = 5L;
    return p;
  }

  public static Parsed<LocationPing> dead() {
    DeadLetter d =
        DeadLetter.of("pantau.location.v1", "{oops", "body: not JSON", "json-decoder", 0);
    d.partition = 3;
    d.offset = 42L;
    d.at = 7L;
    return Parsed.dead(d);
  }

  public static AttendanceEvent attendance() {
    AttendanceEvent e = new AttendanceEvent();
    e.eventId = "e1";
    e.nip = "N1";
    e.unitId = "U1";
    e.action = Action.CHECK_OUT;
    e.mode = WorkMode.WFH;
    e.setTime("2025-03-03T08:00:00+07:00");
    e.location = new GeoFix(-6.2, 106.8, 12.5, true);
    e.deviceId = "d1";
    e.source = Source.MANUAL;
    e.receivedAt = 1234L;
    return e;
  }
}
