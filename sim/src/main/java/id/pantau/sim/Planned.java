package id.pantau.sim;

import id.pantau.events.AttendanceEvent;
import id.pantau.events.Json;
import id.pantau.events.LocationPing;
import java.time.Instant;
import java.util.List;

/**
 * One event of a day plan, at its instant: either an attendance event or a location ping (exactly
 * one of the two is set).
 */
public record Planned(
    Instant at, String regionId, AttendanceEvent attendance, LocationPing location) {

  public Planned {
    if ((attendance == null) == (location == null)) {
      throw new IllegalArgumentException("exactly one of attendance and location must be set");
    }
  }

  static Planned of(Instant at, String regionId, AttendanceEvent e) {
    return new Planned(at, regionId, e, null);
  }

  static Planned of(Instant at, String regionId, LocationPing p) {
    return new Planned(at, regionId, null, p);
  }

  /** The event itself, ready for {@link Json#bytes(Object)}. */
  public Object event() {
    return attendance != null ? attendance : location;
  }

  public String eventId() {
    return attendance != null ? attendance.eventId : location.eventId;
  }

  public String nip() {
    return attendance != null ? attendance.nip : location.nip;
  }

  public String unitId() {
    return attendance != null ? attendance.unitId : location.unitId;
  }

  /** The wire time, ISO-8601 with the unit's offset. */
  public String time() {
    return attendance != null ? attendance.time : location.time;
  }

  public boolean isAttendance() {
    return attendance != null;
  }

  public List<String> validate() {
    return attendance != null ? attendance.validate() : location.validate();
  }

  /** One NDJSON line, without the newline. */
  public String json() {
    return Json.text(event());
  }
}
