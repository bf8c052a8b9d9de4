package id.pantau.local;

import static org.assertj.core.api.Assertions.assertThat;

import id.pantau.sim.City;
import id.pantau.sim.CityConfig;
import id.pantau.sim.Faults;
import id.pantau.sim.SimDay;
import id.pantau.sim.truth.GroundTruth;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The correctness check (`./pantau verify`) on a small city: a simulated day with lateness, missed
 * windows, forgotten check-outs, a zone change at noon, rosters with leave, offline phones
 * uploading late, duplicates, mock locations and malformed records, through ingest's HTTP API, real
 * Kafka, every job on a Flink MiniCluster and a real influxd, compared with its ground truth in
 * InfluxDB and the dashboard API. On failure the message lists the differences.
 */
class SimulatedDayMatchesGroundTruthIT {
  @TempDir Path dir;

  @Test
  void aSimulatedDayWithLateDuplicateAndMalformedRecordsMatchesItsGroundTruth() throws Exception {
    // A day ten days back, as a user checks one after a change: older than Kafka's default 7 days
    // and the dashboard's 3 days of follow-ups, which verify's own stack widens. The day changes
    // daily: take the first seed whose day has every feature.
    LocalDate date = VerifyOptions.defaultDate().minusDays(9);
    VerifyOptions.checkDate(date, Clock.systemUTC());
    CityConfig city = CityConfig.defaults().withSize(6, 150);
    for (int i = 0; i < 100 && !hasEveryFeature(city, date); i++) {
      city = city.withSeed(city.seed() + 1);
    }
    assertThat(hasEveryFeature(city, date)).as("a seed whose day has every feature").isTrue();
    VerifyOptions options =
        new VerifyOptions(city, date, dir.resolve("out"), 20, 2, dir.resolve("data"));

    Differences d = new Verify(options, System.err).run();

    assertThat(d.total()).as("differences from the ground truth:%n%s", d.report()).isZero();
    assertThat(d.compared()).as("values compared").isGreaterThan(10_000);
  }

  /** Whether the day has each status, both flags, breaches, duplicates and malformed records. */
  static boolean hasEveryFeature(CityConfig config, LocalDate date) {
    SimDay day = SimDay.of(City.of(config), date, Faults.all());
    GroundTruth truth = GroundTruth.of(day);
    Set<String> seen = new HashSet<>();
    truth.followups().values().forEach(f -> seen.addAll(f.windows().values()));
    truth.followups().values().forEach(f -> seen.addAll(f.flags()));
    day.sends().forEach(s -> seen.add(s.kind().name()));
    return seen.containsAll(
            List.of(
                "ON_TIME",
                "LATE",
                "MISSED",
                "LATE_UPLOAD",
                "MOCK_LOCATION",
                "OUT_OF_REGION",
                "DUPLICATE",
                "MALFORMED_LINE",
                "MALFORMED_SINGLE"))
        && !truth.breaches().isEmpty()
        && day.zones().size() > day.city().regions().size(); // a zone change at noon
  }
}
