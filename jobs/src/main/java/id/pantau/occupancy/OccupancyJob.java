package id.pantau.occupancy;

import id.pantau.events.AttendanceEvent;
import id.pantau.jobs.JobsConfig;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;

/**
 * Live office occupancy per unit, from attendance and the unit's own facts (reference data,
 * exposure, rosters). Its side outputs: roster plans and dead letters.
 */
public final class OccupancyJob {
  private OccupancyJob() {}

  public static SingleOutputStreamOperator<OccupancyUpdate> build(
      DataStream<AttendanceEvent> attendance, DataStream<UnitFact> unitFacts, JobsConfig cfg) {
    return attendance
        .keyBy(e -> e.unitId)
        .connect(unitFacts.keyBy(UnitFact::unitId))
        .process(
            new OccupancyTracker(
                cfg.unitGraceMs(),
                cfg.bounded() ? Long.MAX_VALUE : OccupancyTracker.MAX_CATCH_UP_MS,
                !cfg.bounded()),
            TypeInformation.of(OccupancyUpdate.class))
        .name("Occupancy tracker")
        .uid("occupancy-tracker");
  }
}
