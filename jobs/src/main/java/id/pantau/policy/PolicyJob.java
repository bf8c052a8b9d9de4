package id.pantau.policy;

import id.pantau.events.Alert;
import id.pantau.occupancy.OccupancyUpdate;
import id.pantau.occupancy.RosterPlan;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.datastream.BroadcastStream;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;

/** Caps, floors and breaches: from occupancy points and the broadcast zone and policy versions. */
public final class PolicyJob {
  private PolicyJob() {}

  public record Outputs(
      SingleOutputStreamOperator<OccupancyStatus> statuses,
      SingleOutputStreamOperator<Breach> breaches,
      DataStream<Alert> alerts) {}

  public static Outputs build(
      DataStream<OccupancyUpdate> occupancy,
      DataStream<RosterPlan> plans,
      DataStream<RuleChange> rules) {
    BroadcastStream<RuleChange> broadcastRules =
        rules.broadcast(RegionRules.ZONES, RegionRules.POLICIES);

    SingleOutputStreamOperator<OccupancyStatus> statuses =
        occupancy
            .keyBy(u -> u.unitId)
            .connect(broadcastRules)
            .process(new CapCalculator(), TypeInformation.of(OccupancyStatus.class))
            .name("Cap and floor calculator")
            .uid("cap-calculator");

    SingleOutputStreamOperator<Breach> breaches =
        statuses
            .keyBy(s -> s.unitId)
            .process(new BreachDetector(), TypeInformation.of(Breach.class))
            .name("Breach detector")
            .uid("breach-detector");

    SingleOutputStreamOperator<Alert> planned =
        plans
            .keyBy(p -> p.unitId)
            .connect(broadcastRules)
            .process(new RosterChecker(), TypeInformation.of(Alert.class))
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
