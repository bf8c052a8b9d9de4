package id.pantau.local;

import static org.assertj.core.api.Assertions.assertThat;

import id.pantau.jobs.JobSinks;
import id.pantau.jobs.JobSources;
import id.pantau.jobs.JobsConfig;
import id.pantau.jobs.PantauJobs;
import java.nio.file.Files;
import java.util.Map;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Object reuse is safe for every job: the simulated day's topics replayed by all the jobs with
 * object reuse off, then on, each into a database of its own, store the same points, point for
 * point. With reuse on, Flink hands a chained operator the very object its upstream emitted instead
 * of a copy, so an operator that kept its input (in a field or in heap state) or changed it after
 * emitting it would see it changed by another: the day's late, duplicate and out-of-order events,
 * rosters, zone changes and breaches make such a change show in the points.
 */
@ExtendWith(SimulatedDay.Shared.class)
class ObjectReuseIT {
  @Test
  void everyJobStoresTheSamePointsWithObjectReuseOnAsWithItOff(SimulatedDay day) throws Exception {
    StoredResults off = replay(day, false);
    StoredResults on = replay(day, true);

    assertThat(off.points()).as("points stored with object reuse off").hasSizeGreaterThan(5_000);
    assertThat(off.differencesFrom(on, 20)).as("what object reuse changed").isEmpty();
  }

  @Test
  void theJobsRunWithObjectReuseOn() {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    PantauJobs.configure(env, JobsConfig.defaults());
    assertThat(env.getConfig().isObjectReuseEnabled()).isTrue();
  }

  /** All the jobs, fresh, over every topic from offset 0, into database reuse_on or reuse_off. */
  private static StoredResults replay(SimulatedDay day, boolean reuse) throws Exception {
    LocalStack stack = day.stack();
    String db = reuse ? "reuse_on" : "reuse_off";
    JobsConfig cfg =
        JobsConfig.fromEnv(Map.of("PANTAU_INFLUX_DB", db))
            .withKafka(stack.kafkaBootstrap)
            .withInflux(stack.influxUrl)
            .withStartFrom("earliest")
            .withParallelism(2)
            .withCheckpointDir(
                Files.createTempDirectory(day.dir(), db + "-checkpoints").toUri().toString())
            .asBounded();
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    PantauJobs.build(env, JobSources.kafka(cfg), JobSinks.real(cfg), cfg);
    if (reuse) env.getConfig().enableObjectReuse();
    else env.getConfig().disableObjectReuse();
    env.execute("object reuse " + (reuse ? "on" : "off"));
    return StoredResults.points(stack.influxUrl, db);
  }
}
