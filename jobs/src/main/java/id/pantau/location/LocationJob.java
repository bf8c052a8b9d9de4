package id.pantau.location;

import id.pantau.events.Alert;
import id.pantau.events.AttendanceEvent;
import id.pantau.events.LocationPing;
import id.pantau.events.Region;
import id.pantau.events.RosterEntry;
import id.pantau.events.Unit;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.util.Collector;

/**
 * Location rules: every fix of a check-in or location ping goes through {@link FixRules} (keyed by
 * NIP, with the rosters' home regions, and units and region boundaries broadcast) and {@link
 * SharedDevices} (keyed by deviceId). Alerts are RAISED for human review. The inputs must carry
 * event-time timestamps and watermarks.
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
    TypeInformation<Fix> fixType = TypeInformation.of(Fix.class);
    TypeInformation<Alert> alertType = TypeInformation.of(Alert.class);
    TypeInformation<LocationRef> refType = TypeInformation.of(LocationRef.class);
    DataStream<Fix> fixes =
        attendance
            .flatMap(
                (AttendanceEvent e, Collector<Fix> out) -> {
                  Fix f = Fix.of(e);
                  if (f != null) out.collect(f);
                },
                fixType)
            .name("Location attendance fixes")
            .uid("location-fixes")
            .union(
                pings
                    .flatMap(
                        (LocationPing p, Collector<Fix> out) -> {
                          Fix f = Fix.of(p);
                          if (f != null) out.collect(f);
                        },
                        fixType)
                    .name("Location ping fixes")
                    .uid("location-ping-fixes"));

    TypeInformation<LocationFact> factType = TypeInformation.of(LocationFact.class);
    DataStream<Alert> perFix =
        fixes
            .map(LocationFact::of, factType)
            .name("Location fix facts")
            .uid("location-fix-facts")
            .union(
                // Every row, so a row without homeRegion replaces one with it.
                rosters
                    .map(LocationFact::of, factType)
                    .name("Location roster facts")
                    .uid("location-roster-facts"))
            .keyBy(FixRules::nip, Types.STRING)
            .connect(
                units
                    .map(LocationRef::of, refType)
                    .name("Location units")
                    .uid("location-units")
                    .union(
                        regions
                            .map(LocationRef::of, refType)
                            .name("Location regions")
                            .uid("location-regions"))
                    .broadcast(FixRules.UNITS, FixRules.REGIONS))
            .process(new FixRules(rules), alertType)
            .name("Location rules")
            .uid("location-rules");

    DataStream<Alert> shared =
        fixes
            .filter(f -> f.deviceId != null)
            .name("Location fixes with a device")
            .uid("location-device-fixes")
            .keyBy(SharedDevices::deviceId, Types.STRING)
            .connect(units.broadcast(SharedDevices.UNITS))
            .process(new SharedDevices(rules), alertType)
            .name("Shared devices")
            .uid("shared-devices");

    return perFix.union(shared);
  }
}
