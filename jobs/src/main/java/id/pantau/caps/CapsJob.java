package id.pantau.caps;

import id.pantau.events.Alert;
import id.pantau.events.Policy;
import id.pantau.events.ZoneChange;
import id.pantau.occupancy.OccupancyTracker;
import id.pantau.occupancy.OccupancyUpdate;
import id.pantau.occupancy.RosterPlan;
import id.pantau.serial.OneOf;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.datastream.BroadcastStream;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.DataStreamUtils;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;

/** Caps, floors and breaches: from occupancy points and the broadcast zone and policy versions. */
public final class CapsJob {
  private CapsJob() {}

  public record Outputs(
      SingleOutputStreamOperator<OccupancyStatus> statuses,
      SingleOutputStreamOperator<Breach> breaches,
      DataStream<Alert> alerts) {}

  /**
   * @param occupancy the occupancy tracker's output, already partitioned by unit: the cap
   *     calculator and the breach detector take it as keyed, without a shuffle, so they chain to
   *     the tracker and a point is never serialized between them (they run at the tracker's
   *     parallelism)
   * @param bounded a bounded replay: points wait for event time to pass them ({@link
   *     CapCalculator})
   */
  public static Outputs build(
      SingleOutputStreamOperator<OccupancyUpdate> occupancy,
      DataStream<OneOf<ZoneChange, Policy, Void>> rules,
      boolean bounded) {
    DataStream<RosterPlan> plans = occupancy.getSideOutput(OccupancyTracker.ROSTER_PLANS);
    BroadcastStream<OneOf<ZoneChange, Policy, Void>> broadcastRules =
        rules.broadcast(RegionRules.ZONES, RegionRules.POLICIES);

    SingleOutputStreamOperator<OccupancyStatus> statuses =
        DataStreamUtils.reinterpretAsKeyedStream(occupancy, u -> u.unitId, Types.STRING)
            .connect(broadcastRules)
            .process(new CapCalculator(bounded), TypeInformation.of(OccupancyStatus.class))
            .name("Cap and floor calculator")
            .uid("cap-calculator");

    SingleOutputStreamOperator<Breach> breaches =
        DataStreamUtils.reinterpretAsKeyedStream(statuses, s -> s.unitId, Types.STRING)
            .process(new BreachDetector(), TypeInformation.of(Breach.class))
            .name("Breach detector")
            .uid("breach-detector");

    SingleOutputStreamOperator<Alert> planned =
        DataStreamUtils.reinterpretAsKeyedStream(plans, p -> p.unitId, Types.STRING)
            .connect(broadcastRules)
            .process(new RosterChecker(bounded), TypeInformation.of(Alert.class))
            .name("Roster checker")
            .uid("roster-checker");

    DataStream<Alert> breachAlerts =
        breaches
            .map(BreachAlerts::of, TypeInformation.of(Alert.class))
            .name("Breach alerts")
            .uid("breach-alerts");
    return new Outputs(statuses, breaches, breachAlerts.union(planned));
  }
}
