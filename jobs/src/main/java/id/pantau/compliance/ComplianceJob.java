package id.pantau.compliance;

import id.pantau.events.Alert;
import id.pantau.events.AttendanceEvent;
import id.pantau.events.DeadLetter;
import id.pantau.events.LocationPing;
import id.pantau.events.Policy;
import id.pantau.events.RosterEntry;
import id.pantau.events.Unit;
import id.pantau.jobs.JobsConfig;
import id.pantau.serial.EventTypes;
import id.pantau.serial.OneOf;
import id.pantau.serial.OneOfType;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.datastream.BroadcastStream;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;

/**
 * Check-in compliance: per employee and window, then per unit and window, then alerts. Wire {@link
 * Outputs#counts()} to InfluxDB with {@link ComplianceLines#encode}, {@link Outputs#alerts()} to
 * the alerts topic and {@link Outputs#deadLetters()} to the dead-letter topic; {@link
 * Outputs#results()} names people (follow-ups), so it must not reach InfluxDB. The unit wait
 * ({@link JobsConfig#unitWaitMs()}) and the replay horizon (PANTAU_START_FROM) come from the jobs'
 * configuration.
 */
public final class ComplianceJob {
  /** Default age after which a roster's date is too old to decide (its facts are gone). */
  public static final long DEFAULT_STALE_AFTER_MS = 36 * 3_600_000L;

  private ComplianceJob() {}

  public record Outputs(
      SingleOutputStreamOperator<WindowResult> results,
      SingleOutputStreamOperator<ComplianceCount> counts,
      DataStream<Alert> alerts,
      DataStream<DeadLetter> deadLetters) {}

  /** With the grace for unknown units and the replay horizon of the jobs' configuration. */
  public static Outputs build(
      DataStream<AttendanceEvent> attendance,
      DataStream<LocationPing> pings,
      DataStream<RosterEntry> rosters,
      DataStream<Unit> units,
      DataStream<Policy> policies,
      JobsConfig cfg) {
    long staleAfterMs = staleAfterMs(cfg.startFrom());
    OneOfType<AttendanceEvent, LocationPing, RosterEntry> factType =
        OneOfType.of(EventTypes.ATTENDANCE, EventTypes.PING, EventTypes.ROSTER);
    DataStream<OneOf<AttendanceEvent, LocationPing, RosterEntry>> facts =
        factType
            .first(attendance, "Compliance attendance facts", "compliance-attendance-facts")
            .union(
                factType.second(pings, "Compliance location facts", "compliance-location-facts"),
                factType.third(rosters, "Compliance roster facts", "compliance-roster-facts"));
    OneOfType<Unit, Policy, Void> refType =
        OneOfType.of(TypeInformation.of(Unit.class), TypeInformation.of(Policy.class));
    BroadcastStream<OneOf<Unit, Policy, Void>> refs =
        refType
            .first(units, "Compliance units", "compliance-units")
            .union(refType.second(policies, "Compliance policies", "compliance-policies"))
            .broadcast(CheckinTracker.UNITS, CheckinTracker.POLICIES);

    SingleOutputStreamOperator<WindowResult> results =
        facts
            .keyBy(CheckinTracker::nip)
            .connect(refs)
            .process(
                new CheckinTracker(cfg.unitWaitMs(), staleAfterMs),
                TypeInformation.of(WindowResult.class))
            .name("Check-in tracker")
            .uid(CheckinTracker.STAGE);

    SingleOutputStreamOperator<ComplianceCount> counts =
        results
            .keyBy(UnitWindowCounter::key)
            .process(new UnitWindowCounter(), TypeInformation.of(ComplianceCount.class))
            .name("Compliance counter")
            .uid("compliance-counter");

    DataStream<Alert> alerts =
        results
            .flatMap(ComplianceAlerts::emit, TypeInformation.of(Alert.class))
            .name("Compliance alerts")
            .uid("compliance-alerts");

    return new Outputs(results, counts, alerts, results.getSideOutput(CheckinTracker.DEAD_LETTERS));
  }

  /**
   * The replay horizon of PANTAU_START_FROM: "hours:N" replays N hours; "earliest" and "committed"
   * may replay anything (0: no date is too old); else the default.
   */
  static long staleAfterMs(String startFrom) {
    if ("earliest".equals(startFrom) || "committed".equals(startFrom)) return 0;
    Matcher m = startFrom == null ? null : Pattern.compile("hours:(\\d+)").matcher(startFrom);
    if (m != null && m.matches()) return Long.parseLong(m.group(1)) * 3_600_000L;
    return DEFAULT_STALE_AFTER_MS;
  }
}
