package id.pantau.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.junit.jupiter.api.Test;

class JobsConfigTest {
  @Test
  void readsEverySettingFromTheEnvironmentWithDefaults() {
    JobsConfig cfg =
        JobsConfig.fromEnv(Map.of("PANTAU_KAFKA_BOOTSTRAP", "k:1", "PANTAU_PARALLELISM", "4"));
    assertThat(cfg.kafkaBootstrap()).isEqualTo("k:1");
    assertThat(cfg.parallelism()).isEqualTo(4);
    assertThat(cfg.influxDb()).isEqualTo("pantau");
    assertThat(cfg.checkpointDir()).startsWith("file:");
    assertThat(cfg.bounded()).isFalse();
  }

  @Test
  void namesTheVariableThatIsNotANumber() {
    assertThatThrownBy(() -> JobsConfig.fromEnv(Map.of("PANTAU_SINK_FLUSH_MS", "soon")))
        .hasMessage("PANTAU_SINK_FLUSH_MS: must be a whole number (got 'soon')");
  }

  @Test
  void holdsInfluxWritesToFiveThousandPointsASecondUnlessToldOtherwise() {
    assertThat(JobsConfig.defaults().influxMaxPointsPerS()).isEqualTo(5_000);
    assertThat(
            JobsConfig.fromEnv(Map.of("PANTAU_INFLUX_MAX_POINTS_PER_S", "0")).influxMaxPointsPerS())
        .isZero();
    assertThatThrownBy(() -> JobsConfig.fromEnv(Map.of("PANTAU_INFLUX_MAX_POINTS_PER_S", "-1")))
        .hasMessageStartingWith("PANTAU_INFLUX_MAX_POINTS_PER_S: must be points per second");
  }

  @Test
  void pausesBetweenCheckpointsAsLongAsTheIntervalUnlessToldOtherwise() {
    assertThat(JobsConfig.defaults().checkpointMinPauseMs()).isEqualTo(10_000);
    assertThat(
            JobsConfig.fromEnv(Map.of("PANTAU_CHECKPOINT_INTERVAL_MS", "500"))
                .checkpointMinPauseMs())
        .isEqualTo(500);
    JobsConfig cfg =
        JobsConfig.fromEnv(
            Map.of(
                "PANTAU_CHECKPOINT_INTERVAL_MS", "500", "PANTAU_CHECKPOINT_MIN_PAUSE_MS", "30000"));
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    PantauJobs.configure(env, cfg);
    assertThat(env.getCheckpointInterval()).isEqualTo(500);
    assertThat(env.getCheckpointConfig().getMinPauseBetweenCheckpoints()).isEqualTo(30_000);
  }

  @Test
  void aBoundedReplayIsChosenByTheEnvironmentToo() {
    assertThat(JobsConfig.fromEnv(Map.of("PANTAU_BOUNDED", "true")).bounded()).isTrue();
    assertThat(JobsConfig.fromEnv(Map.of("PANTAU_BOUNDED", "false")).bounded()).isFalse();
    assertThatThrownBy(() -> JobsConfig.fromEnv(Map.of("PANTAU_BOUNDED", "yes")))
        .hasMessage("PANTAU_BOUNDED: must be true or false (got 'yes')");
  }

  @Test
  void aFactWaitsForItsUnitTheGraceLiveAndUntilTheInputEndsInABoundedReplay() {
    assertThat(JobsConfig.fromEnv(Map.of("PANTAU_UNIT_GRACE_MS", "7000")).unitWaitMs())
        .isEqualTo(7_000);
    assertThat(
            JobsConfig.fromEnv(Map.of("PANTAU_UNIT_GRACE_MS", "7000", "PANTAU_BOUNDED", "true"))
                .unitWaitMs())
        .isEqualTo(UnitWait.UNTIL_INPUT_ENDS);
  }

  @Test
  void runsOnTheHeapBackendUnlessRocksDbIsChosenAndRefusesAnyOther() {
    assertThat(JobsConfig.defaults().stateBackend()).isEqualTo("heap");
    assertThat(JobsConfig.fromEnv(Map.of("PANTAU_STATE_BACKEND", "rocksdb")).stateBackend())
        .isEqualTo("rocksdb");
    assertThat(JobsConfig.defaults().withStateBackend("rocksdb").withKafka("k:4").stateBackend())
        .isEqualTo("rocksdb");
    assertThatThrownBy(() -> JobsConfig.fromEnv(Map.of("PANTAU_STATE_BACKEND", "forst")))
        .hasMessage("PANTAU_STATE_BACKEND: must be heap or rocksdb (got 'forst')");
  }

  @Test
  void changingOneSettingKeepsTheOthers() {
    JobsConfig cfg =
        JobsConfig.fromEnv(Map.of("PANTAU_MAX_OUT_OF_ORDER_MS", "7"))
            .withKafka("k:2")
            .withCheckpointDir("file:///x")
            .asBounded();
    assertThat(cfg.kafkaBootstrap()).isEqualTo("k:2");
    assertThat(cfg.maxOutOfOrderMs()).isEqualTo(7);
    assertThat(cfg.checkpointDir()).isEqualTo("file:///x");
    assertThat(cfg.bounded()).isTrue();
  }

  @Test
  void logsInToInfluxWhenBothUserAndPasswordAreSet() {
    JobsConfig cfg =
        JobsConfig.fromEnv(
            Map.of("PANTAU_INFLUX_USER", "writer", "PANTAU_INFLUX_PASSWORD", "s3cret-pw"));
    assertThat(cfg.influxUser()).isEqualTo("writer");
    assertThat(cfg.influxPassword()).isEqualTo("s3cret-pw");
    assertThat(cfg.withKafka("k:3").influxPassword()).isEqualTo("s3cret-pw");
    assertThat(cfg.toString()).contains("influxUser=writer").doesNotContain("s3cret-pw");
    assertThat(JobsConfig.defaults().influxUser()).isNull();
  }

  @Test
  void aUserWithoutAPasswordIsRefused() {
    assertThatThrownBy(() -> JobsConfig.fromEnv(Map.of("PANTAU_INFLUX_USER", "writer")))
        .hasMessageContaining("PANTAU_INFLUX_PASSWORD");
  }

  @Test
  void aBlankVariableTakesTheDefault() {
    JobsConfig cfg =
        JobsConfig.fromEnv(
            Map.of(
                "PANTAU_START_FROM", "",
                "PANTAU_JOBS_GROUP", " ",
                "PANTAU_INFLUX_USER", "",
                "PANTAU_INFLUX_PASSWORD", "",
                "PANTAU_SINK_FLUSH_MS", ""));
    assertThat(cfg.startFrom()).isEqualTo("hours:36");
    assertThat(cfg.groupId()).isEqualTo("pantau-jobs");
    assertThat(cfg.influxUser()).isNull();
    assertThat(cfg.sinkFlushMs()).isEqualTo(200);
  }
}
