package id.pantau.daily;

import static id.pantau.daily.TestDaily.*;
import static id.pantau.jobs.TestJobs.source;
import static org.assertj.core.api.Assertions.assertThat;

import id.pantau.caps.OccupancyStatus;
import id.pantau.compliance.ComplianceCount;
import id.pantau.events.Alert;
import id.pantau.events.Unit;
import id.pantau.jobs.TestJobs;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.flink.util.CloseableIterator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The daily rollup on a MiniCluster at parallelism 2 with generic types disabled, so any type that
 * would fall back to Kryo fails here.
 */
class DailyJobTest {
  @RegisterExtension static final MiniClusterExtension FLINK = TestJobs.miniCluster();

  @Test
  void rollsUpADayEndToEnd() throws Exception {
    StreamExecutionEnvironment env = TestJobs.environment();

    List<OccupancyStatus> statuses =
        List.of(
            status(DAY_START, 0),
            status(SIX_AM, 48),
            status(NOON, 0),
            status(WIT_UNIT, NOON, 5, 2), // 14:00 in Jayapura
            status(MIDNIGHT_WIB, 0));
    List<ComplianceCount> counts =
        List.of(count("ATTENDANCE", 4, 2, 1, EIGHT_AM), count("LOC1", 2, 1, 0, NINE_AM));
    List<Alert> alerts =
        List.of(breach(Alert.OPEN, SIX_AM), breach(Alert.CLOSE, SIX_AM), compliance("RAISED", "a"));
    List<Unit> units = List.of(tangerang(), jayapura());

    DataStream<String> lines =
        DailyJob.build(
                // as from the cap calculator: keyed by unit, so each unit's statuses stay in order
                source(env, statuses, OccupancyStatus.class, s -> s.timeMs)
                    .keyBy(s -> s.unitId)
                    .map(s -> s, TypeInformation.of(OccupancyStatus.class)),
                source(env, counts, ComplianceCount.class, c -> c.timeMs),
                source(env, alerts, Alert.class, a -> SIX_AM),
                source(env, units, Unit.class, u -> u.effectiveFromMs))
            .map(
                r -> (r.provisional ? "provisional " : "final ") + DailyLines.encode(r),
                Types.STRING);

    List<String> finals = new ArrayList<>();
    try (CloseableIterator<String> it = lines.executeAndCollect("daily")) {
      while (it.hasNext()) {
        String line = it.next();
        if (line.startsWith("final ")) finals.add(line.substring("final ".length()));
      }
    }

    assertThat(finals)
        .contains(
            "daily,unit=tng-bkpsdm,region=kota-tangerang attendance_rate=0.75,"
                + "attendance_expected=4i,attendance_reported=3i,wfh_compliance=0.5,"
                + "wfh_expected=2i,wfh_reported=1i,peak_present=48i,mean_present=12.0,"
                + "minutes_over_cap=360.0,alerts=2i,breaches=1i "
                + DAY_START,
            "daily,unit=jyp-bkpsdm,region=kota-jayapura peak_present=5i,mean_present=5.0,"
                + "minutes_over_cap=600.0,alerts=0i,breaches=0i "
                + DAY_START_WIT);
  }
}
