package id.pantau.location;

import id.pantau.events.Alert;
import id.pantau.events.AttendanceEvent;
import id.pantau.events.LocationPing;
import id.pantau.events.Unit;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.datastream.DataStream;

/**
 * The shared-device rule: every fix that names a device goes through {@link SharedDevices} (keyed
 * by deviceId, units broadcast). The per-fix rules of an employee ({@link FixRules}) run in the
 * per-employee operator ({@code EmployeeJob}), beside compliance. Alerts are RAISED for human
 * review. The inputs must carry event-time timestamps and watermarks.
 *
 * <p>Each source's records become fixes in the source's own chain ({@link FixSplit}): only records
 * with a device are shuffled, each once, as a compact {@link Fix}.
 */
public final class LocationJob {
  private LocationJob() {}

  public static DataStream<Alert> sharedDevices(
      DataStream<AttendanceEvent> attendance,
      DataStream<LocationPing> pings,
      DataStream<Unit> units,
      LocationRules rules) {
    DataStream<Fix> attendanceFixes =
        attendance
            .process(new FixSplit<AttendanceEvent>(Fix::of), FixSerializer.TYPE)
            .name("Location attendance fixes")
            .uid("location-fixes");
    DataStream<Fix> pingFixes =
        pings
            .process(new FixSplit<LocationPing>(Fix::of), FixSerializer.TYPE)
            .name("Location ping fixes")
            .uid("location-ping-fixes");
    return attendanceFixes
        .union(pingFixes)
        .keyBy(SharedDevices::deviceId, Types.STRING)
        .connect(units.broadcast(SharedDevices.UNITS))
        .process(new SharedDevices(rules), TypeInformation.of(Alert.class))
        .name("Shared devices")
        .uid("shared-devices");
  }
}
