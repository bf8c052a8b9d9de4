package id.pantau.local;

import static org.assertj.core.api.Assertions.assertThat;

import id.pantau.sim.CityConfig;
import java.nio.file.Path;
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
    VerifyOptions options =
        new VerifyOptions(
            CityConfig.defaults().withSize(6, 150),
            VerifyOptions.defaultDate(),
            dir.resolve("out"),
            20,
            2,
            dir.resolve("data"));

    Differences d = new Verify(options, System.err).run();

    assertThat(d.total()).as("differences from the ground truth:%n%s", d.report()).isZero();
    assertThat(d.compared()).as("values compared").isGreaterThan(10_000);
  }
}
