package id.pantau.daily;

import id.pantau.caps.OccupancyStatus;
import id.pantau.compliance.ComplianceCount;
import id.pantau.events.Alert;
import id.pantau.events.Unit;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;

/**
 * The daily rollup per unit for leadership trends (measurement `daily`). Wire the output to
 * InfluxDB with {@link DailyLines#encode}, into the retention policy {@link
 * id.pantau.sink.Retention#TRENDS}. Inputs: the occupancy statuses (CapsJob's statuses), the
 * compliance counts, all alerts (breach and compliance alerts, as on the alerts topic) and the
 * validated units (for their time zones).
 */
public final class DailyJob {
  /**
   * How long after local midnight a date's final point waits for late corrections and for the
   * decisions of night shifts, which fall after midnight (23:00 + the seed policy's 4.5 h grace).
   */
  public static final long DEFAULT_GRACE_MS = 6 * 3_600_000L;

  /** At most one provisional point per date in this much event time. */
  public static final long DEFAULT_TICK_MS = 15 * 60_000L;

  private DailyJob() {}

  public static SingleOutputStreamOperator<DailyRollup> build(
      DataStream<OccupancyStatus> statuses,
      DataStream<ComplianceCount> counts,
      DataStream<Alert> alerts,
      DataStream<Unit> units) {
    return build(statuses, counts, alerts, units, DEFAULT_GRACE_MS, DEFAULT_TICK_MS);
  }

  public static SingleOutputStreamOperator<DailyRollup> build(
      DataStream<OccupancyStatus> statuses,
      DataStream<ComplianceCount> counts,
      DataStream<Alert> alerts,
      DataStream<Unit> units,
      long graceMs,
      long tickMs) {
    // In flight on the hand-written serializer; the rollup's state declares its own type.
    TypeInformation<DailyFact> factType = DailyFactSerializer.TYPE;
    DataStream<DailyFact> facts =
        statuses
            .flatMap(DailyFact::emit, factType)
            .name("Daily occupancy facts")
            .uid("daily-occupancy-facts")
            .union(
                counts
                    .flatMap(DailyFact::emit, factType)
                    .name("Daily compliance facts")
                    .uid("daily-compliance-facts"),
                alerts
                    .flatMap(DailyFact::emit, factType)
                    .name("Daily alert facts")
                    .uid("daily-alert-facts"),
                units
                    .flatMap(DailyFact::emit, factType)
                    .name("Daily unit facts")
                    .uid("daily-unit-facts"));
    return facts
        .keyBy(f -> f.unitId, Types.STRING)
        .process(new DailyRollups(graceMs, tickMs), TypeInformation.of(DailyRollup.class))
        .name("Daily rollups")
        .uid("daily-rollups");
  }
}
