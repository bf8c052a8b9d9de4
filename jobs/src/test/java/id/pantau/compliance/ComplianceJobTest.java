package id.pantau.compliance;

import static id.pantau.compliance.TestCheckins.*;
import static id.pantau.jobs.TestJobs.source;
import static org.assertj.core.api.Assertions.assertThat;

import id.pantau.employee.EmployeeJob;
import id.pantau.events.AttendanceEvent;
import id.pantau.events.LocationPing;
import id.pantau.events.Policy;
import id.pantau.events.Region;
import id.pantau.events.RosterEntry;
import id.pantau.events.RosterMode;
import id.pantau.events.Unit;
import id.pantau.jobs.JobsConfig;
import id.pantau.jobs.TestJobs;
import id.pantau.location.LocationRules;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.flink.util.CloseableIterator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The whole compliance pipeline (the per-employee operator, then per unit and window) on a
 * MiniCluster at parallelism 2 with generic types disabled, so any type that would fall back to
 * Kryo fails here.
 */
class ComplianceJobTest {
  @RegisterExtension static final MiniClusterExtension FLINK = TestJobs.miniCluster();

  @Test
  void decidesCountsAndAlertsADayEndToEnd() throws Exception {
    StreamExecutionEnvironment env = TestJobs.environment();

    AttendanceEvent onTime = checkIn("a", SEVEN_TEN);
    List<AttendanceEvent> attendance =
        List.of(onTime, onTime, checkIn("b", EIGHT_AM)); // a's check-in arrives twice
    List<LocationPing> pings =
        List.of(
            uploadedAt(ping("c", EIGHT_AM), TEN_AM), // offline phone: LOC1 late upload
            ping("c", LOC2_START + ONE_MINUTE));
    List<RosterEntry> rosters =
        List.of(
            wfo("a"),
            wfo("b"),
            wfh("c"),
            roster("d", UNIT, DATE, RosterMode.LEAVE),
            roster("e", "no-such-unit", DATE, RosterMode.WFO));
    Unit unit = tangerang();

    ComplianceJob.Outputs out =
        ComplianceJob.build(
            EmployeeJob.build(
                    source(env, attendance, AttendanceEvent.class, e -> e.timeMs),
                    source(env, pings, LocationPing.class, p -> p.timeMs),
                    source(env, rosters, RosterEntry.class, r -> Long.MIN_VALUE),
                    source(env, List.of(unit), Unit.class, u -> u.effectiveFromMs),
                    source(env, List.of(policy(REGION)), Policy.class, p -> p.effectiveFromMs),
                    TestJobs.none(env, Region.class),
                    // a unit grace of a minute; "earliest": no date is too old to decide
                    JobsConfig.fromEnv(
                        Map.of("PANTAU_UNIT_GRACE_MS", "60000", "PANTAU_START_FROM", "earliest")),
                    LocationRules.defaults())
                .results());
    DataStream<String> lines =
        out.counts()
            .map(c -> "count " + c.window + " " + ComplianceLines.encode(c), Types.STRING)
            .union(
                out.alerts()
                    .map(a -> "alert " + a.nip + " " + a.kind + " " + a.phase, Types.STRING));

    Map<String, String> lastCount = new LinkedHashMap<>();
    List<String> alerts = new ArrayList<>();
    try (CloseableIterator<String> it = lines.executeAndCollect("compliance")) {
      while (it.hasNext()) {
        String line = it.next();
        if (line.startsWith("count ")) lastCount.put(line.split(" ")[1], line);
        else alerts.add(line.substring("alert ".length()));
      }
    }

    assertThat(lastCount.get("ATTENDANCE"))
        .contains("expected=2i,on_time=1i,late=1i,missed=0i,rate=1.0,pending=0i")
        .endsWith(" " + DEADLINE);
    assertThat(lastCount.get("LOC1"))
        .contains("expected=1i,on_time=0i,late=1i,missed=0i,rate=1.0,pending=0i,late_upload=1i")
        .endsWith(" " + LOC1_END);
    assertThat(lastCount.get("LOC2")).contains("expected=1i,on_time=1i,late=0i,missed=0i");
    assertThat(lastCount.get("LOC3")).contains("expected=1i,on_time=0i,late=0i,missed=1i,rate=0.0");
    assertThat(String.join("\n", lastCount.values())).doesNotContain(" a ").doesNotContain("nip");
    assertThat(alerts)
        .containsExactlyInAnyOrder(
            "b LATE_ATTENDANCE RAISED",
            "c MISSED_LOCATION RAISED",
            "c LATE_UPLOAD CORRECTED",
            "c MISSED_LOCATION RAISED");
  }
}
