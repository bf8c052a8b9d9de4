package id.pantau.local;

import static org.assertj.core.api.Assertions.assertThat;

import id.pantau.jobs.JobsConfig;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * After the simulated day's run, a fresh job (no state, every topic from offset 0) replays the
 * topics into the same InfluxDB and Kafka: the sink is idempotent (a point is its measurement, tags
 * and time) and the replay deterministic, so every stored point, alert and check-in is as it was,
 * point for point, and still equals the ground truth.
 */
@ExtendWith(SimulatedDay.Shared.class)
class ReplayFromStartIT {
  @Test
  void aFreshJobReplayingEveryTopicFromOffsetZeroLeavesEveryStoredResultAsItWas(SimulatedDay day)
      throws Exception {
    LocalStack stack = day.stack();
    StoredResults before = StoredResults.read(stack.influxUrl, stack.kafkaBootstrap);

    JobsConfig fresh =
        JobsConfig.defaults()
            .withKafka(stack.kafkaBootstrap)
            .withInflux(stack.influxUrl)
            .withStartFrom("earliest")
            .withParallelism(2)
            .withCheckpointDir(
                Files.createTempDirectory(day.dir(), "fresh-checkpoints").toUri().toString())
            .asBounded();
    long started = System.nanoTime();
    Verify.MINI_CLUSTER.replay(fresh);
    double took = (System.nanoTime() - started) / 1e9;
    StoredResults after = StoredResults.read(stack.influxUrl, stack.kafkaBootstrap);

    Differences truth = new Differences(20);
    new TruthCheck(
            day.truth(),
            truth,
            stack.influxUrl,
            stack.apiUrl,
            stack.kafkaBootstrap,
            stack.tokens.token("bkd-admin"),
            HttpClient.newHttpClient())
        .all(ForeignRecords.WRITTEN);
    System.err.printf(
        Locale.ROOT,
        "ReplayFromStartIT: the fresh job replayed in %.1f s; %,d points, %,d alerts, %,d check-ins"
            + " compared with the run before; %,d values with the ground truth, %d difference(s)%n",
        took,
        before.points().size(),
        before.alerts().size(),
        before.checkins().size(),
        truth.compared(),
        truth.total());
    List<String> changed = before.differencesFrom(after, 20);
    assertThat(changed).as("what the replay changed").isEmpty();
    assertThat(before.points()).as("points stored").hasSizeGreaterThan(5_000);
    ForeignRecords.minutesByStage(day.date())
        .forEach(
            (stage, minutes) ->
                assertThat(deadLetterMinutes(before, stage))
                    .as("the minutes %s counted its dead letters in: their records' own", stage)
                    .isEqualTo(minutes));
    assertThat(before.alerts()).as("alerts stored").isNotEmpty();
    assertThat(before.checkins()).as("check-ins stored").isNotEmpty();
    assertThat(truth.total()).as("differences from the ground truth:%n%s", truth.report()).isZero();
  }

  /** The minutes of the stage's `deadletter` points, compared above with the rest. */
  private static Set<Long> deadLetterMinutes(StoredResults results, String stage) {
    Set<Long> minutes = new TreeSet<>();
    for (String k : results.points().keySet()) {
      if (k.startsWith("raw.deadletter{") && k.contains("stage=" + stage + ",")) {
        minutes.add(Long.parseLong(k.substring(k.lastIndexOf('@') + 1)));
      }
    }
    return minutes;
  }
}
