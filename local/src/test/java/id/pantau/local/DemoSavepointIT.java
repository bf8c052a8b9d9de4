package id.pantau.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import id.pantau.infra.Poll;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.core.execution.SavepointFormatType;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * `./pantau savepoint` and `./pantau demo --from-savepoint`: a savepoint of the running demo's
 * jobs, the demo started again from it, and the refusals of a savepoint that is not there or does
 * not fit the jobs, each naming the path and what to do.
 */
class DemoSavepointIT {
  @TempDir(cleanup = CleanupMode.ON_SUCCESS)
  Path dir;

  @Test
  void theDemoStartsAgainFromTheSavepointItsRunningJobsTook() throws Exception {
    Path data = dir.resolve("data");
    String savepoint;
    try (Demo demo = new Demo(new DemoOptions(false, data, false))) {
      demo.start();
      long started = System.nanoTime();
      savepoint =
          Savepoint.take(Savepoint.Options.parse(new String[] {"--data-dir", data.toString()}));
      System.err.printf(
          "DemoSavepointIT: savepoint of the demo's jobs in %.1f s: %s%n",
          (System.nanoTime() - started) / 1e9, savepoint);
      assertThat(savepoint)
          .startsWith(data.resolve("savepoints").toUri().toString().replace("file:///", "file:/"));
      assertThat(Path.of(java.net.URI.create(savepoint)).resolve("_metadata")).isRegularFile();
    }

    long restoring = System.nanoTime();
    try (Demo demo =
        new Demo(new DemoOptions(false, data, false, SavepointPath.parse(savepoint)))) {
      demo.start();
      FlinkRestClient rest = new FlinkRestClient(demo.flinkUrl, () -> "");
      String job = rest.runningJobs().get(0);
      JsonNode restored = rest.get("/jobs/" + job + "/checkpoints").path("latest").path("restored");
      System.err.printf(
          "DemoSavepointIT: the demo's jobs ran from the savepoint %.1f s after start: %s%n",
          (System.nanoTime() - restoring) / 1e9, restored);
      assertThat(restored.path("is_savepoint").asBoolean()).as("restored: %s", restored).isTrue();
      assertThat(restored.path("external_path").asText()).isEqualTo(savepoint);
    }
  }

  @Test
  void refusesASavepointThatIsNotThereNamingThePath() {
    Path missing = dir.resolve("savepoints/savepoint-000000-gone");

    assertThatThrownBy(
            () -> new Demo(new DemoOptions(false, dir.resolve("data"), false, missing)).start())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("--from-savepoint " + missing)
        .hasMessageContaining("./pantau savepoint");
    assertThat(dir.resolve("data/kafka")).as("nothing started").doesNotExist();
  }

  @Test
  void refusesASavepointWithStateNoOperatorOfTheJobsHasSayingWhatToDo() throws Exception {
    String foreign = savepointOfAnotherJob();

    try (Demo demo =
        new Demo(
            new DemoOptions(false, dir.resolve("data"), false, SavepointPath.parse(foreign)))) {
      Throwable refused = org.assertj.core.api.Assertions.catchThrowable(demo::start);
      System.err.println("DemoSavepointIT: " + refused.getMessage());
      assertThat(refused)
          .hasMessageContaining("--from-savepoint " + SavepointPath.parse(foreign))
          .hasMessageContaining("no operator of these jobs has")
          .hasMessageContaining("Start without --from-savepoint");
    }
  }

  /** A savepoint of a job that is not Pantau's: a keyed operator with a uid the jobs do not use. */
  private String savepointOfAnotherJob() throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.setParallelism(1);
    env.fromSequence(0, Long.MAX_VALUE)
        .uid("retired-numbers")
        .keyBy(n -> Long.toString(n % 4))
        .process(new BaselineJob.Count<Long>(), Types.LONG)
        .uid("retired-counter")
        .sinkTo(new DiscardingSink<>())
        .uid("retired-sink");
    JobClient job = env.executeAsync("retired");
    Path target = dir.resolve("foreign");
    Files.createDirectories(target);
    // Refused while the tasks are still being deployed: tried again until they run.
    AtomicReference<String> taken = new AtomicReference<>();
    assertThat(
            Poll.until(
                Duration.ofMinutes(2),
                () -> {
                  try {
                    taken.set(
                        job.stopWithSavepoint(
                                false, target.toUri().toString(), SavepointFormatType.CANONICAL)
                            .get());
                    return true;
                  } catch (Exception notYet) {
                    return false;
                  }
                }))
        .as("a savepoint of the other job")
        .isTrue();
    return taken.get();
  }
}
