package id.pantau.local;

import static org.assertj.core.api.Assertions.assertThat;

import id.pantau.infra.FreePort;
import id.pantau.infra.Poll;
import id.pantau.jobs.JobSinks;
import id.pantau.jobs.JobSources;
import id.pantau.jobs.JobsConfig;
import id.pantau.jobs.PantauJobs;
import id.pantau.sim.CityConfig;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * influxd stopped for 60 s in the middle of a simulated day's replay (SIGTERM to its pid, then
 * started again on the same port and data directory): the jobs' InfluxDB sinks wait, retrying with
 * a growing backoff, their buffers within their bound while the job is held back; the job neither
 * fails nor restarts (it runs without a restart strategy, so a failure would end it), and once
 * influxd is back everything is written: InfluxDB equals the day's ground truth.
 */
class InfluxOutageIT {
  private static final Duration OUTAGE = Duration.ofSeconds(60);
  private static final Duration DEADLINE = Duration.ofMinutes(4);

  @TempDir(cleanup = CleanupMode.ON_SUCCESS)
  Path dir;

  @Test
  void theJobsWaitOutInfluxdStoppedForAMinuteMidRunAndTheDayStillMatchesItsGroundTruth()
      throws Exception {
    VerifyOptions options =
        new VerifyOptions(
            CityConfig.defaults().withSize(6, 150),
            VerifyOptions.defaultDate(),
            dir.resolve("out"),
            20,
            2,
            dir.resolve("data"));
    Outage outage;
    Differences d;
    try (LocalStack stack = new LocalStack(options.dataDir(), p -> FreePort.find())) {
      outage = new Outage(stack);
      d =
          new Verify(options, System.err, Clock.systemUTC(), p -> FreePort.find(), outage)
              .run(stack);
    }
    System.err.printf(
        Locale.ROOT,
        "InfluxOutageIT: influxd down %.1f s; the sinks backed off %.1f s (longest writer), %d"
            + " retries; buffered at most %d lines of a bound of %d; the job finished %.1f s after"
            + " influxd was back; %,d values compared, %d difference(s)%n",
        outage.downMs / 1e3,
        outage.backoffMs / 1e3,
        outage.retries,
        outage.bufferedMax,
        outage.bufferLimit,
        outage.finishedAfterMs / 1e3,
        d.compared(),
        d.total());
    SoftAssertions.assertSoftly(
        soft -> {
          soft.assertThat(outage.backoffMs)
              .as("a sink backed off through most of the outage")
              .isGreaterThan(OUTAGE.toMillis() * 3 / 4);
          soft.assertThat(outage.bufferLimit).as("the sinks' bound").isPositive();
          soft.assertThat(outage.bufferedMax)
              .as("no sink buffered more than its bound")
              .isLessThanOrEqualTo(outage.bufferLimit);
          soft.assertThat(d.total()).as("differences:%n%s", d.report()).isZero();
          soft.assertThat(d.compared()).as("values compared").isGreaterThan(5_000);
        });
  }

  /** The jobs on a MiniCluster without restarts, influxd stopped for a minute once they write. */
  private static final class Outage implements Verify.Jobs {
    private final LocalStack stack;
    long downMs, backoffMs, retries, bufferedMax, bufferLimit, finishedAfterMs;

    Outage(LocalStack stack) {
      this.stack = stack;
    }

    @Override
    public String where() {
      return "Flink MiniCluster, influxd stopped for " + OUTAGE.toSeconds() + " s mid-run";
    }

    @Override
    public void replay(JobsConfig cfg) throws Exception {
      SinkGauges.clear();
      Configuration conf = new Configuration();
      conf.setString("restart-strategy.type", "none");
      conf.setString(SinkGauges.CONFIG_KEY, SinkGauges.Factory.class.getName());
      StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
      PantauJobs.build(env, JobSources.kafka(cfg), JobSinks.real(cfg), cfg);
      JobClient job = env.executeAsync("pantau-influx-outage");

      assertThat(Poll.until(DEADLINE, () -> SinkGauges.sum("influxWritten") > 0 || ended(job)))
          .as("the sinks wrote within %s", DEADLINE)
          .isTrue();
      assertThat(status(job))
          .as("the job still ran when it had written its first points (else make the day bigger)")
          .isEqualTo(JobStatus.RUNNING);
      long stopped = System.nanoTime();
      stack.influx.stop();
      // Counted once influxd has exited: a write in flight at the SIGTERM still got its answer.
      long written = SinkGauges.sum("influxWritten");
      // The outage itself: a minute in which the job must neither end nor write.
      assertThat(Poll.until(OUTAGE, () -> ended(job)))
          .as("the job ended while influxd was down: %s", status(job))
          .isFalse();
      bufferedMax = SinkGauges.max("influxBufferedMax");
      assertThat(SinkGauges.sum("influxWritten")).as("written while down").isEqualTo(written);
      stack.influx.restart();
      long back = System.nanoTime();
      downMs = (back - stopped) / 1_000_000;
      job.getJobExecutionResult().get(DEADLINE.toMillis(), TimeUnit.MILLISECONDS);
      finishedAfterMs = (System.nanoTime() - back) / 1_000_000;
      backoffMs = SinkGauges.max("influxBackoffMs");
      retries = SinkGauges.sum("influxRetries");
      bufferedMax = Math.max(bufferedMax, SinkGauges.max("influxBufferedMax"));
      bufferLimit = SinkGauges.max("influxBufferLimit");
      assertThat(bufferLimit).isEqualTo(cfg.sinkBatchSize());
    }

    private static JobStatus status(JobClient job) {
      try {
        return job.getJobStatus().get(30, TimeUnit.SECONDS);
      } catch (Exception e) {
        throw new IllegalStateException("the job's status: " + e, e);
      }
    }

    private static boolean ended(JobClient job) {
      return status(job).isGloballyTerminalState();
    }
  }
}
