package id.pantau.employee;

import id.pantau.compliance.CheckinTracker;
import id.pantau.compliance.ComplianceJob;
import id.pantau.compliance.WindowResult;
import id.pantau.events.Alert;
import id.pantau.events.AttendanceEvent;
import id.pantau.events.DeadLetter;
import id.pantau.events.LocationPing;
import id.pantau.events.Policy;
import id.pantau.events.Region;
import id.pantau.events.RosterEntry;
import id.pantau.events.Unit;
import id.pantau.jobs.JobsConfig;
import id.pantau.location.FixRules;
import id.pantau.location.LocationRules;
import id.pantau.serial.EventTypes;
import id.pantau.serial.OneOf;
import id.pantau.serial.OneOfType;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.datastream.BroadcastStream;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;

/**
 * The per-employee operator ({@link EmployeeTracker}): each check-in, ping and roster row crosses
 * one shuffle by NIP; units, policies and region boundaries come broadcast. Its outputs: the
 * check-in results (which name people: to the follow-ups topic and {@link ComplianceJob}, never to
 * InfluxDB), the location alerts and the dead letters.
 */
public final class EmployeeJob {
  private EmployeeJob() {}

  public record Outputs(
      SingleOutputStreamOperator<WindowResult> results,
      DataStream<Alert> locationAlerts,
      DataStream<DeadLetter> deadLetters) {}

  /** With the unit wait and the replay horizon of the jobs' configuration. */
  public static Outputs build(
      DataStream<AttendanceEvent> attendance,
      DataStream<LocationPing> pings,
      DataStream<RosterEntry> rosters,
      DataStream<Unit> units,
      DataStream<Policy> policies,
      DataStream<Region> regions,
      JobsConfig cfg,
      LocationRules rules) {
    OneOfType<AttendanceEvent, LocationPing, RosterEntry> factType =
        OneOfType.of(EventTypes.ATTENDANCE, EventTypes.PING, EventTypes.ROSTER);
    DataStream<OneOf<AttendanceEvent, LocationPing, RosterEntry>> facts =
        factType
            .first(attendance, "Employee attendance facts", "employee-attendance-facts")
            .union(
                factType.second(pings, "Employee location facts", "employee-location-facts"),
                factType.third(rosters, "Employee roster facts", "employee-roster-facts"));
    OneOfType<Unit, Policy, Region> refType =
        OneOfType.of(
            TypeInformation.of(Unit.class),
            TypeInformation.of(Policy.class),
            TypeInformation.of(Region.class));
    BroadcastStream<OneOf<Unit, Policy, Region>> refs =
        refType
            .first(units, "Employee units", "employee-units")
            .union(
                refType.second(policies, "Employee policies", "employee-policies"),
                refType.third(regions, "Employee regions", "employee-regions"))
            .broadcast(
                CheckinTracker.UNITS, CheckinTracker.POLICIES, FixRules.UNITS, FixRules.REGIONS);

    SingleOutputStreamOperator<WindowResult> results =
        facts
            .keyBy(CheckinTracker::nip)
            .connect(refs)
            .process(
                new EmployeeTracker(
                    new CheckinTracker(
                        cfg.unitWaitMs(), ComplianceJob.staleAfterMs(cfg.startFrom())),
                    new FixRules(rules)),
                TypeInformation.of(WindowResult.class))
            .name("Employee tracker (check-ins, location rules)")
            .uid("employee-tracker");
    return new Outputs(
        results,
        results.getSideOutput(EmployeeTracker.LOCATION_ALERTS),
        results.getSideOutput(CheckinTracker.DEAD_LETTERS));
  }
}
