package id.pantau.location;

import id.pantau.events.Alert;
import id.pantau.events.AttendanceEvent;
import id.pantau.events.LocationPing;
import id.pantau.events.Region;
import id.pantau.events.RosterEntry;
import id.pantau.events.Unit;
import id.pantau.serial.OneOf;
import id.pantau.serial.OneOfType;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;

/**
 * Location rules: every fix of a check-in or location ping goes through {@link FixRules} (keyed by
 * NIP, with the rosters' home regions, and units and region boundaries broadcast) and {@link
 * SharedDevices} (keyed by deviceId). Alerts are RAISED for human review. The inputs must carry
 * event-time timestamps and watermarks.
 *
 * <p>Each source's records become fixes in the source's own chain ({@link FixSplit}): only records
 * with a location are shuffled, only those with a device reach the device shuffle, and each fix
 * crosses each shuffle once, as a compact {@link Fix} (by NIP inside a {@link OneOf}). (The
 * stateless operators "Location fix facts" and "Location fixes with a device" of earlier versions
 * are gone: they ran as tasks of their own after the union, one more serialization of every fix
 * each.)
 */
public final class LocationJob {
  private LocationJob() {}

  public static DataStream<Alert> build(
      DataStream<AttendanceEvent> attendance,
      DataStream<LocationPing> pings,
      DataStream<RosterEntry> rosters,
      DataStream<Unit> units,
      DataStream<Region> regions) {
    return build(attendance, pings, rosters, units, regions, LocationRules.defaults());
  }

  public static DataStream<Alert> build(
      DataStream<AttendanceEvent> attendance,
      DataStream<LocationPing> pings,
      DataStream<RosterEntry> rosters,
      DataStream<Unit> units,
      DataStream<Region> regions,
      LocationRules rules) {
    TypeInformation<Alert> alertType = TypeInformation.of(Alert.class);
    OneOfType<Fix, RosterEntry, Void> factType = FixRules.FACTS;
    OneOfType<Unit, Region, Void> refType = FixRules.REFS;
    SingleOutputStreamOperator<OneOf<Fix, RosterEntry, Void>> attendanceFixes =
        attendance
            .process(new FixSplit<AttendanceEvent>(Fix::of), factType)
            .name("Location attendance fixes")
            .uid("location-fixes");
    SingleOutputStreamOperator<OneOf<Fix, RosterEntry, Void>> pingFixes =
        pings
            .process(new FixSplit<LocationPing>(Fix::of), factType)
            .name("Location ping fixes")
            .uid("location-ping-fixes");

    DataStream<Alert> perFix =
        attendanceFixes
            .union(
                pingFixes,
                // Every row, so a row without homeRegion replaces one with it.
                factType.second(rosters, "Location roster facts", "location-roster-facts"))
            .keyBy(FixRules::nip, Types.STRING)
            .connect(
                refType
                    .first(units, "Location units", "location-units")
                    .union(refType.second(regions, "Location regions", "location-regions"))
                    .broadcast(FixRules.UNITS, FixRules.REGIONS))
            .process(new FixRules(rules), alertType)
            .name("Location rules")
            .uid("location-rules");

    DataStream<Alert> shared =
        attendanceFixes
            .getSideOutput(FixSplit.DEVICE_FIXES)
            .union(pingFixes.getSideOutput(FixSplit.DEVICE_FIXES))
            .keyBy(SharedDevices::deviceId, Types.STRING)
            .connect(units.broadcast(SharedDevices.UNITS))
            .process(new SharedDevices(rules), alertType)
            .name("Shared devices")
            .uid("shared-devices");

    return perFix.union(shared);
  }
}
