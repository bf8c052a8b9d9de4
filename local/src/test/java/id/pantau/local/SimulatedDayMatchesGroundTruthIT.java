package id.pantau.local;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The correctness check (`./pantau verify`) on a small city: a simulated day with lateness, missed
 * windows, forgotten check-outs, a zone change at noon, rosters with leave, offline phones
 * uploading late, duplicates, mock locations and malformed records, through ingest's HTTP API, real
 * Kafka, every job on a Flink MiniCluster and a real influxd, compared with its ground truth in
 * InfluxDB and the dashboard API. On failure the message lists the differences. The day is shared
 * with the other ITs that read it ({@link SimulatedDay}).
 */
@ExtendWith(SimulatedDay.Shared.class)
class SimulatedDayMatchesGroundTruthIT {
  @Test
  void aSimulatedDayWithLateDuplicateAndMalformedRecordsMatchesItsGroundTruth(SimulatedDay day) {
    Differences d = day.differences();

    assertThat(d.total()).as("differences from the ground truth:%n%s", d.report()).isZero();
    assertThat(d.compared()).as("values compared").isGreaterThan(10_000);
  }
}
