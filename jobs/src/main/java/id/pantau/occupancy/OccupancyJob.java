package id.pantau.occupancy;

import id.pantau.events.AttendanceEvent;
import id.pantau.events.Exposure;
import id.pantau.events.RosterEntry;
import id.pantau.events.Unit;
import id.pantau.jobs.JobsConfig;
import id.pantau.serial.EventTypes;
import id.pantau.serial.OneOf;
import id.pantau.serial.OneOfType;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;

/**
 * Live office occupancy per unit, from attendance and the unit's own facts (reference data,
 * exposure, rosters). Its side outputs: roster plans and dead letters.
 */
public final class OccupancyJob {
  /** The facts that concern a single unit: its reference data, an exposure, a roster row. */
  public static final OneOfType<Unit, Exposure, RosterEntry> UNIT_FACTS =
      OneOfType.of(
          TypeInformation.of(Unit.class), TypeInformation.of(Exposure.class), EventTypes.ROSTER);

  private OccupancyJob() {}

  public static SingleOutputStreamOperator<OccupancyUpdate> build(
      DataStream<AttendanceEvent> attendance,
      DataStream<OneOf<Unit, Exposure, RosterEntry>> unitFacts,
      JobsConfig cfg) {
    return attendance
        .keyBy(e -> e.unitId)
        .connect(unitFacts.keyBy(OccupancyTracker::unitId))
        .process(
            new OccupancyTracker(
                cfg.unitWaitMs(),
                cfg.bounded() ? Long.MAX_VALUE : OccupancyTracker.MAX_CATCH_UP_MS,
                !cfg.bounded()),
            TypeInformation.of(OccupancyUpdate.class))
        .name("Occupancy tracker")
        .uid("occupancy-tracker");
  }
}
