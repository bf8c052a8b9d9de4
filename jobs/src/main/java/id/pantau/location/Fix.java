package id.pantau.location;

import id.pantau.events.AttendanceEvent;
import id.pantau.events.GeoFix;
import id.pantau.events.LocationPing;
import id.pantau.events.Times;
import id.pantau.events.WorkMode;
import id.pantau.serial.CompactType;
import java.util.Objects;
import org.apache.flink.api.common.typeinfo.TypeInfo;

/**
 * One location fix of an employee, from a check-in or a location ping: only what the location rules
 * read. It crosses two shuffles (by NIP, by device) on every fix, so Flink writes it with {@link
 * FixSerializer}, not as a POJO. Not kept in state.
 */
@TypeInfo(Fix.FlinkType.class)
public class Fix {
  public String nip;
  public String unitId;
  public String deviceId;
  public long timeMs;
  public double lat;
  public double lon;

  /** Metres; null when the phone did not say. */
  public Double accuracyM;

  public boolean mock;

  /** A WFO check-in: the fix should be inside the unit's office. */
  public boolean isOfficeCheckIn;

  /**
   * A fix of someone working from home (a location ping, or a check-in or check-out in mode WFH):
   * it should be inside the home region.
   */
  public boolean isWfh;

  public String eventId;

  public Fix() {}

  /** The fix of a check-in or check-out, or null when it carries no usable location. */
  public static Fix of(AttendanceEvent e) {
    Fix f = from(e.eventId, e.nip, e.unitId, e.deviceId, e.timeMs, e.location);
    if (f != null) {
      f.isOfficeCheckIn = e.isOfficeCheckIn();
      f.isWfh = e.mode == WorkMode.WFH;
    }
    return f;
  }

  /** The fix of a location ping, or null when it carries no usable location. */
  public static Fix of(LocationPing p) {
    Fix f = from(p.eventId, p.nip, p.unitId, p.deviceId, p.timeMs, p.location);
    // Sharing the location is what staff working from home do (the v1 ingest API, type "location").
    if (f != null) f.isWfh = true;
    return f;
  }

  private static Fix from(
      String eventId, String nip, String unitId, String deviceId, long timeMs, GeoFix g) {
    if (nip == null || eventId == null || timeMs == Times.INVALID) return null;
    if (g == null || g.lat == null || g.lon == null) return null;
    Fix f = new Fix();
    f.eventId = eventId;
    f.nip = nip;
    f.unitId = unitId;
    f.deviceId = deviceId;
    f.timeMs = timeMs;
    f.lat = g.lat;
    f.lon = g.lon;
    f.accuracyM = g.accuracyM;
    f.mock = Boolean.TRUE.equals(g.mock);
    return f;
  }

  /** The accuracy in metres, 0 when unknown. */
  double slackM() {
    return accuracyM == null ? 0 : accuracyM;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Fix f
        && timeMs == f.timeMs
        && Double.compare(lat, f.lat) == 0
        && Double.compare(lon, f.lon) == 0
        && mock == f.mock
        && isOfficeCheckIn == f.isOfficeCheckIn
        && isWfh == f.isWfh
        && Objects.equals(nip, f.nip)
        && Objects.equals(unitId, f.unitId)
        && Objects.equals(deviceId, f.deviceId)
        && Objects.equals(accuracyM, f.accuracyM)
        && Objects.equals(eventId, f.eventId);
  }

  @Override
  public int hashCode() {
    return Objects.hash(nip, eventId, timeMs);
  }

  @Override
  public String toString() {
    return "Fix{" + nip + " " + eventId + " @" + timeMs + " " + lat + "," + lon + "}";
  }

  /** Flink's type of a fix: {@link FixSerializer}. */
  public static final class FlinkType extends CompactType.Factory<Fix> {
    public FlinkType() {
      super(FixSerializer.TYPE);
    }
  }
}
