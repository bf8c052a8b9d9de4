package id.pantau.location;

import static id.pantau.jobs.TestJobs.source;
import static id.pantau.location.LocationAlerts.*;
import static id.pantau.location.TestFixes.*;
import static org.assertj.core.api.Assertions.assertThat;

import id.pantau.employee.EmployeeJob;
import id.pantau.events.Alert;
import id.pantau.events.AttendanceEvent;
import id.pantau.events.LocationPing;
import id.pantau.events.Policy;
import id.pantau.events.Region;
import id.pantau.events.RosterEntry;
import id.pantau.events.Unit;
import id.pantau.jobs.JobsConfig;
import id.pantau.jobs.TestJobs;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.flink.util.CloseableIterator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The location rules (per employee and per device) on a MiniCluster at parallelism 2 with generic
 * types disabled.
 */
class LocationJobTest {
  @RegisterExtension static final MiniClusterExtension FLINK = TestJobs.miniCluster();

  @Test
  void raisesMockAndSharedDeviceAlertsEndToEnd() throws Exception {
    StreamExecutionEnvironment env = TestJobs.environment();

    AttendanceEvent first = checkIn("e1", "N1", CIRCLE_UNIT, 0, 10, T0);
    first.deviceId = "dev-x";
    first.location.mock = true;
    LocationPing second = ping("p1", "N2", "dev-x", OFFICE_LAT, OFFICE_LON, T0 + 10 * 60_000L);

    DataStream<AttendanceEvent> attendance =
        source(env, List.of(first), AttendanceEvent.class, e -> e.timeMs);
    DataStream<LocationPing> pings =
        source(env, List.of(second), LocationPing.class, p -> p.timeMs);
    DataStream<Unit> units = source(env, List.of(circleUnit()), Unit.class, u -> 0L);
    DataStream<Alert> alerts =
        EmployeeJob.build(
                attendance,
                pings,
                source(env, List.of(roster("N1", "2025-03-03", null)), RosterEntry.class, r -> 0L),
                units,
                TestJobs.none(env, Policy.class),
                source(env, List.of(homeRegion()), Region.class, r -> 0L),
                JobsConfig.defaults(),
                LocationRules.defaults())
            .locationAlerts()
            .union(LocationJob.sharedDevices(attendance, pings, units, LocationRules.defaults()));

    List<Alert> out = new ArrayList<>();
    try (CloseableIterator<Alert> it = alerts.executeAndCollect("location-job-test")) {
      it.forEachRemaining(out::add);
    }
    // Which of the two NIPs is "extra" depends on the order the sources arrive in.
    assertThat(out)
        .extracting(a -> a.alertId)
        .contains(alertId("N1", "e1", MOCK_LOCATION))
        .hasSize(2);
    assertThat(out)
        .filteredOn(a -> SHARED_DEVICE.equals(a.kind))
        .extracting(a -> a.alertId)
        .containsAnyOf(alertId("N2", "p1", SHARED_DEVICE), alertId("N1", "e1", SHARED_DEVICE))
        .hasSize(1);
    assertThat(out).allMatch(a -> Alert.RAISED.equals(a.phase));
  }
}
