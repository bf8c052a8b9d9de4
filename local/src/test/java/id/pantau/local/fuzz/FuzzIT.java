package id.pantau.local.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `./pantau fuzz` with a fixed seed in the test suite: 10,000 generated requests against ingest and
 * dashboard-api on a real Kafka broker and influxd. Every answer is a 4xx with a JSON reason or a
 * documented 2xx, never a 5xx (but a health endpoint's 503 report of what is down, {@link
 * Check#healthReport}) or a broken connection, and every event posted several times is stored once.
 * A failure prints the seed and the first failing requests with their answers; {@code ./pantau fuzz
 * --seed 20261206} sends the same requests again.
 */
class FuzzIT {
  static final long SEED = 20261206L;

  @Test
  void tenThousandGeneratedRequestsAreAnsweredRightAndDuplicatesStoredOnce(@TempDir Path dir)
      throws Exception {
    FuzzResult result =
        Fuzz.run(
            new FuzzOptions(
                SEED,
                FuzzOptions.DEFAULT_REQUESTS,
                FuzzOptions.DEFAULT_PARALLELISM,
                FuzzOptions.DEFAULT_SHOW),
            dir);
    System.out.println(result.report());

    assertThat(result.requests()).isGreaterThanOrEqualTo(10_000);
    assertThat(result.duplicatesChecked()).as("events posted several times").isGreaterThan(100);
    assertThat(result.passed()).as(result.report()).isTrue();
  }
}
