package id.pantau.local;

import static org.assertj.core.api.Assertions.assertThat;

import id.pantau.events.Topics;
import id.pantau.infra.FreePort;
import id.pantau.infra.Poll;
import id.pantau.jobs.JobSinks;
import id.pantau.jobs.JobSources;
import id.pantau.jobs.JobsConfig;
import id.pantau.jobs.PantauJobs;
import id.pantau.sim.City;
import id.pantau.sim.CityConfig;
import id.pantau.sim.DaySender;
import id.pantau.sim.Faults;
import id.pantau.sim.SimDay;
import id.pantau.sim.SteppedClock;
import id.pantau.sim.truth.GroundTruth;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.StateRecoveryOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.core.execution.SavepointFormatType;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * A savepoint carries the jobs' state into rebuilt jobs: a simulated day's morning goes through
 * ingest into Kafka and the jobs on a Flink MiniCluster, which are stopped with a savepoint; the
 * jobs are built again from the same code (a new job graph) and started from it, reading from the
 * latest offsets (so all they know of the morning comes from the savepoint), the afternoon is sent,
 * and what InfluxDB and the dashboard API hold then equals the day's ground truth, as one run
 * without the stop does in `./pantau verify`.
 *
 * <p>The jobs run a replay's rules (event time alone, on the simulated receipt clock) over topics
 * without an end ({@link JobSources#replayUntilStopped}); the second run ends with a
 * stop-with-savepoint that drains (the end of event time), where a bounded replay's input ends.
 */
class SavepointRestoreIT {
  private static final Duration TIMEOUT = Duration.ofMinutes(4);

  /** The topics the jobs read. */
  private static final List<String> READ =
      Stream.concat(Stream.of(Topics.ATTENDANCE, Topics.LOCATION), Topics.JOBS_REFERENCE.stream())
          .toList();

  /** Kept when the test fails: Kafka, influxd, the savepoints. */
  @TempDir(cleanup = CleanupMode.ON_SUCCESS)
  Path dir;

  @Test
  void aDayStoppedWithASavepointAndRestoredIntoRebuiltJobsMatchesItsGroundTruth() throws Exception {
    LocalDate date = VerifyOptions.defaultDate();
    SimDay day = SimDay.of(City.of(CityConfig.defaults().withSize(4, 100)), date, Faults.all());
    GroundTruth truth = GroundTruth.of(day);
    Instant noon = date.atTime(LocalTime.NOON).atZone(ZoneId.of("Asia/Jakarta")).toInstant();

    try (LocalStack stack = new LocalStack(dir.resolve("data"), p -> FreePort.find())) {
      stack.startKafka();
      stack.keepRecordsOfAnyTime();
      stack.startInflux();
      stack.tokens(day.city().units().get(0).unitId());
      SteppedClock simulated = new SteppedClock(day.referenceAt());
      stack.startIngest(simulated);
      stack.startDashboard(VerifyOptions.followUpDays(date, Clock.systemUTC()));
      String token = stack.tokens.token("bkd-admin");
      DaySender sender =
          new DaySender(URI.create(stack.ingestUrl), token, simulated::set, 0, System.err::println);
      JobsConfig cfg =
          JobsConfig.fromEnv(Map.of("PANTAU_CHECKPOINT_INTERVAL_MS", "500"))
              .withKafka(stack.kafkaBootstrap)
              .withInflux(stack.influxUrl)
              .withParallelism(2)
              .withCheckpointDir(dir.resolve("checkpoints").toUri().toString())
              .asBounded();

      DaySender.Result morning = sender.send(day, null, noon);
      assertThat(morning.problems()).as("ingest's answers to the morning").isEmpty();
      JobClient before = start(cfg.withStartFrom("earliest"), null);
      awaitReadToTheEnd(stack.kafkaBootstrap, cfg);
      long stopping = System.nanoTime();
      String savepoint =
          before
              .stopWithSavepoint(false, dir.resolve("savepoints").toUri().toString(), CANONICAL)
              .get();
      double stopSeconds = (System.nanoTime() - stopping) / 1e9;
      before.getJobExecutionResult().get();

      // Latest: without the savepoint's offsets and state the jobs would know nothing of the
      // morning, and the day could not equal its truth.
      long restoring = System.nanoTime();
      JobClient after = start(cfg.withStartFrom("latest"), savepoint);
      awaitRunning(after);
      double restoreSeconds = (System.nanoTime() - restoring) / 1e9;
      DaySender.Result afternoon = sender.send(day, noon, null);
      assertThat(afternoon.problems()).as("ingest's answers to the afternoon").isEmpty();
      awaitReadToTheEnd(stack.kafkaBootstrap, cfg);
      // Draining ends event time: every timer fires, as at the end of a bounded replay's input.
      after.stopWithSavepoint(true, dir.resolve("end").toUri().toString(), CANONICAL).get();
      after.getJobExecutionResult().get();

      Differences diffs = new Differences(20);
      // Nothing written straight to Kafka here: no record the jobs must dead-letter as not JSON.
      new TruthCheck(
              truth,
              diffs,
              stack.influxUrl,
              stack.apiUrl,
              stack.kafkaBootstrap,
              token,
              HttpClient.newHttpClient())
          .all(ForeignRecords.NONE);
      System.err.printf(
          Locale.ROOT,
          "SavepointRestoreIT: morning %,d events, afternoon %,d; stop with savepoint %.1f s,"
              + " savepoint %,d bytes; restored jobs running %.1f s after start; %,d values"
              + " compared, %d difference(s)%n",
          morning.accepted(),
          afternoon.accepted(),
          stopSeconds,
          size(Path.of(URI.create(savepoint))),
          restoreSeconds,
          diffs.compared(),
          diffs.total());
      assertThat(morning.accepted()).as("events of the morning").isPositive();
      assertThat(afternoon.accepted()).as("events of the afternoon").isPositive();
      assertThat(diffs.total())
          .as("differences from the ground truth:%n%s", diffs.report())
          .isZero();
      assertThat(diffs.compared()).as("values compared").isGreaterThan(5_000);
    }
  }

  private static final SavepointFormatType CANONICAL = SavepointFormatType.CANONICAL;

  /** The jobs built anew from the code, from {@code savepoint} when not null. */
  private static JobClient start(JobsConfig cfg, String savepoint) throws Exception {
    Configuration conf = new Configuration();
    if (savepoint != null) conf.set(StateRecoveryOptions.SAVEPOINT_PATH, savepoint);
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
    PantauJobs.build(env, JobSources.replayUntilStopped(cfg), JobSinks.real(cfg), cfg);
    return env.executeAsync("pantau");
  }

  private static void awaitRunning(JobClient job) {
    assertThat(
            Poll.until(
                TIMEOUT,
                () -> job.getJobStatus().join() == org.apache.flink.api.common.JobStatus.RUNNING))
        .as("the restored jobs run")
        .isTrue();
  }

  /**
   * Until the jobs' sources committed (on a checkpoint) every record the topics hold now: whatever
   * is stopped after that has read them all.
   */
  private static void awaitReadToTheEnd(String bootstrap, JobsConfig cfg) throws Exception {
    try (Admin admin =
        Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
      CommittedReads reads = new CommittedReads(admin, cfg, READ);
      assertThat(Poll.until(TIMEOUT, () -> reads.behind() == 0))
          .as("the jobs read the topics to their end (%s)", reads)
          .isTrue();
    }
  }

  private static long size(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
    }
  }
}
