package id.pantau.occupancy;

import id.pantau.events.AttendanceEvent;
import id.pantau.events.DeadLetter;
import id.pantau.events.Unit;
import id.pantau.jobs.JobsConfig;
import id.pantau.jobs.LiveWatermarks;
import id.pantau.jobs.Parsed;
import id.pantau.jobs.SplitDeadLetters;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * Live office occupancy per unit. Takes its sources and sinks as arguments: `main` wires Kafka and
 * InfluxDB, tests wire the same job to what they need.
 */
public final class OccupancyJob {
  private OccupancyJob() {}

  public static DataStream<OccupancyUpdate> build(
      StreamExecutionEnvironment env,
      Source<Parsed<AttendanceEvent>, ?, ?> attendanceSource,
      Source<Parsed<Unit>, ?, ?> unitSource,
      Sink<OccupancyUpdate> occupancySink,
      Sink<DeadLetter> deadLetterSink,
      JobsConfig cfg) {
    SingleOutputStreamOperator<AttendanceEvent> attendance =
        env.fromSource(
                attendanceSource,
                watermarks(
                    cfg,
                    (Parsed<AttendanceEvent> p) ->
                        p.value == null ? LiveWatermarks.NO_TIME : p.value.timeMs),
                "Attendance from Kafka")
            .uid("attendance-source")
            .process(
                new SplitDeadLetters<AttendanceEvent>(), TypeInformation.of(AttendanceEvent.class))
            .name("Attendance validator")
            .uid("attendance-validator");

    SingleOutputStreamOperator<Unit> units =
        env.fromSource(
                unitSource,
                watermarks(
                    cfg,
                    (Parsed<Unit> p) ->
                        p.value == null ? LiveWatermarks.NO_TIME : p.value.effectiveFromMs),
                "Units from Kafka")
            .uid("units-source")
            .process(new SplitDeadLetters<Unit>(), TypeInformation.of(Unit.class))
            .name("Unit validator")
            .uid("unit-validator");

    SingleOutputStreamOperator<OccupancyUpdate> occupancy =
        attendance
            .keyBy(e -> e.unitId)
            .connect(units.keyBy(u -> u.unitId))
            .process(
                new OccupancyTracker(cfg.unitGraceMs()), TypeInformation.of(OccupancyUpdate.class))
            .name("Occupancy tracker")
            .uid("occupancy-tracker");

    occupancy.sinkTo(occupancySink).name("Occupancy to InfluxDB").uid("occupancy-sink");
    attendance
        .getSideOutput(SplitDeadLetters.DEAD_LETTERS)
        .union(
            units.getSideOutput(SplitDeadLetters.DEAD_LETTERS),
            occupancy.getSideOutput(OccupancyTracker.DEAD_LETTERS))
        .sinkTo(deadLetterSink)
        .name("Dead letters to Kafka")
        .uid("dead-letter-sink");
    return occupancy;
  }

  /** Event time of a record, or {@link LiveWatermarks#NO_TIME} for a dead letter. */
  interface EventTime<T> extends java.io.Serializable {
    long of(T record);
  }

  static <T> WatermarkStrategy<T> watermarks(JobsConfig cfg, EventTime<T> time) {
    long ooo = cfg.maxOutOfOrderMs();
    long idle = cfg.idleAdvanceMs();
    return WatermarkStrategy.<T>forGenerator(
            ctx -> new LiveWatermarks<>(ooo, idle, System::currentTimeMillis))
        .withTimestampAssigner((record, ts) -> time.of(record));
  }
}
