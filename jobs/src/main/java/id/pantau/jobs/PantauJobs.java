package id.pantau.jobs;

import id.pantau.caps.CapCalculator;
import id.pantau.caps.CapsJob;
import id.pantau.caps.CatchUpPoints;
import id.pantau.caps.RegionRules;
import id.pantau.compliance.ComplianceJob;
import id.pantau.daily.DailyJob;
import id.pantau.employee.EmployeeJob;
import id.pantau.events.Alert;
import id.pantau.events.AttendanceEvent;
import id.pantau.events.DeadLetter;
import id.pantau.events.Exposure;
import id.pantau.events.LocationPing;
import id.pantau.events.Policy;
import id.pantau.events.Region;
import id.pantau.events.RosterEntry;
import id.pantau.events.Unit;
import id.pantau.events.ZoneChange;
import id.pantau.location.LocationJob;
import id.pantau.location.LocationRules;
import id.pantau.occupancy.OccupancyJob;
import id.pantau.occupancy.OccupancyTracker;
import id.pantau.occupancy.OccupancyUpdate;
import id.pantau.serial.EventTypes;
import id.pantau.serial.OneOf;
import id.pantau.serial.OneOfType;
import java.time.Duration;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.configuration.StateBackendOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * All Pantau jobs as one Flink job. Takes its sources and sinks as arguments: `main` wires Kafka
 * and InfluxDB, tests wire the same pipeline to what they need.
 */
public final class PantauJobs {
  private PantauJobs() {}

  public static void main(String[] args) throws Exception {
    JobsConfig cfg = JobsConfig.fromEnv();
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    build(env, JobSources.kafka(cfg), JobSinks.real(cfg), cfg);
    env.execute("pantau");
  }

  /** Starts the jobs on Kafka and InfluxDB without blocking (the local demo's MiniCluster). */
  public static JobClient start(StreamExecutionEnvironment env, JobsConfig cfg) throws Exception {
    build(env, JobSources.kafka(cfg), JobSinks.real(cfg), cfg);
    return env.executeAsync("pantau");
  }

  public static void build(
      StreamExecutionEnvironment env, JobSources in, JobSinks out, JobsConfig cfg) {
    configure(env, cfg);
    Validated sources = new Validated(env, cfg);
    SingleOutputStreamOperator<AttendanceEvent> attendance =
        sources.read(in.attendance(), e -> e.timeMs, EventTypes.ATTENDANCE, "attendance");
    SingleOutputStreamOperator<LocationPing> locations =
        sources.read(in.locations(), l -> l.timeMs, EventTypes.PING, "locations");
    SingleOutputStreamOperator<Unit> units =
        sources.read(in.units(), u -> u.effectiveFromMs, Unit.class, "units");
    SingleOutputStreamOperator<Exposure> exposures =
        sources.read(in.exposures(), x -> x.effectiveFromMs, Exposure.class, "exposures");
    SingleOutputStreamOperator<RosterEntry> rosters =
        sources.read(in.rosters(), r -> LiveWatermarks.NO_TIME, RosterEntry.class, "rosters");
    SingleOutputStreamOperator<ZoneChange> zones =
        sources.read(in.zones(), z -> z.effectiveFromMs, ZoneChange.class, "zones");
    SingleOutputStreamOperator<Policy> policies =
        sources.read(in.policies(), p -> p.effectiveFromMs, Policy.class, "policies");
    SingleOutputStreamOperator<Region> regions =
        sources.read(in.regions(), r -> LiveWatermarks.NO_TIME, Region.class, "regions");

    OneOfType<Unit, Exposure, RosterEntry> factType = OccupancyJob.UNIT_FACTS;
    DataStream<OneOf<Unit, Exposure, RosterEntry>> unitFacts =
        factType
            .first(units, "Unit facts", "unit-facts")
            .union(
                factType.second(exposures, "Exposure facts", "exposure-facts"),
                factType.third(rosters, "Roster facts", "roster-facts"));
    OneOfType<ZoneChange, Policy, Void> ruleType = RegionRules.CHANGES;
    DataStream<OneOf<ZoneChange, Policy, Void>> rules =
        ruleType
            .first(zones, "Zone rules", "zone-rules")
            .union(ruleType.second(policies, "Policy rules", "policy-rules"));

    SingleOutputStreamOperator<OccupancyUpdate> occupancy =
        OccupancyJob.build(attendance, unitFacts, cfg);
    CapsJob.Outputs policy = CapsJob.build(occupancy, rules, cfg.bounded());

    EmployeeJob.Outputs employees =
        EmployeeJob.build(
            attendance,
            locations,
            rosters,
            units,
            policies,
            regions,
            cfg,
            LocationRules.defaults());
    ComplianceJob.Outputs compliance = ComplianceJob.build(employees.results());

    policy
        .statuses()
        .filter(new CatchUpPoints(cfg.thinPointsAfterMs()))
        .name("Catch-up points to minutes")
        .uid("catch-up-points")
        .sinkTo(out.occupancy())
        .name("Occupancy to InfluxDB")
        .uid("occupancy-sink");
    policy.breaches().sinkTo(out.breaches()).name("Breaches to InfluxDB").uid("breach-sink");
    compliance
        .counts()
        .sinkTo(out.compliance())
        .name("Compliance to InfluxDB")
        .uid("compliance-sink");
    employees
        .results()
        .sinkTo(out.checkins())
        .name("Check-in records to Kafka")
        .uid("checkin-sink");
    DataStream<Alert> alerts =
        policy
            .alerts()
            .union(
                compliance.alerts(),
                employees.locationAlerts(),
                LocationJob.sharedDevices(attendance, locations, units, LocationRules.defaults()));
    alerts.sinkTo(out.alerts()).name("Alerts to Kafka").uid("alert-sink");
    DailyJob.build(policy.statuses(), compliance.counts(), alerts, units)
        .sinkTo(out.daily())
        .name("Daily rollups to InfluxDB")
        .uid("daily-sink");

    DataStream<DeadLetter> deadLetters =
        attendance
            .getSideOutput(SplitDeadLetters.DEAD_LETTERS)
            .union(
                locations.getSideOutput(SplitDeadLetters.DEAD_LETTERS),
                units.getSideOutput(SplitDeadLetters.DEAD_LETTERS),
                exposures.getSideOutput(SplitDeadLetters.DEAD_LETTERS),
                rosters.getSideOutput(SplitDeadLetters.DEAD_LETTERS),
                zones.getSideOutput(SplitDeadLetters.DEAD_LETTERS),
                policies.getSideOutput(SplitDeadLetters.DEAD_LETTERS),
                regions.getSideOutput(SplitDeadLetters.DEAD_LETTERS),
                occupancy.getSideOutput(OccupancyTracker.DEAD_LETTERS),
                policy.statuses().getSideOutput(CapCalculator.DEAD_LETTERS),
                employees.deadLetters());
    deadLetters.sinkTo(out.deadLetters()).name("Dead letters to Kafka").uid("dead-letter-sink");
    DeadLetterCounter.sink(deadLetters, out.deadLetterCounts(), DeadLetterCounter.keepFor(cfg));
  }

  /**
   * Checkpoints on; Kryo off, so a type that would take the slow generic path fails at once; object
   * reuse on.
   */
  public static void configure(StreamExecutionEnvironment env, JobsConfig cfg) {
    Configuration conf = new Configuration();
    conf.set(PipelineOptions.GENERIC_TYPES, false);
    // State outgrows the JobManager's 5 MB in-memory limit at city scale: checkpoint to files.
    conf.set(CheckpointingOptions.CHECKPOINT_STORAGE, "filesystem");
    conf.set(CheckpointingOptions.CHECKPOINTS_DIRECTORY, cfg.checkpointDir());
    // The heap backend writes the whole state each time: a million employees' state takes tens of
    // seconds on two cores, and without a pause the next checkpoint would start as one ends, the
    // jobs sharing their cores with checkpoints all the time.
    conf.set(
        CheckpointingOptions.MIN_PAUSE_BETWEEN_CHECKPOINTS,
        Duration.ofMillis(cfg.checkpointMinPauseMs()));
    if (JobsConfig.ROCKSDB.equals(cfg.stateBackend())) {
      // State off the heap, and each checkpoint uploads only the files new since the last one.
      conf.set(StateBackendOptions.STATE_BACKEND, "rocksdb");
      conf.set(CheckpointingOptions.INCREMENTAL_CHECKPOINTS, true);
    } else {
      conf.set(StateBackendOptions.STATE_BACKEND, "hashmap");
    }
    env.configure(conf);
    env.setParallelism(cfg.parallelism());
    // A point waits at most this long in a half-full network buffer (Flink's default is 100 ms,
    // a tenth of the freshness goal per hop); full buffers still go at once.
    env.setBufferTimeout(cfg.bufferTimeoutMs());
    env.enableCheckpointing(cfg.checkpointIntervalMs());
    // A chained operator gets its upstream's object itself, not a serializer's deep copy: the
    // rules that keep this safe are in jobs/README.md; ObjectReuseIT (in local) checks them.
    env.getConfig().enableObjectReuse();
  }
}
