package id.pantau.jobs;

import java.io.Serializable;
import java.time.Duration;
import java.util.List;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.flink.util.Collector;

/**
 * Whole jobs in a test: the MiniCluster they run on, an environment at parallelism 2 with generic
 * types disabled (so any type that would fall back to Kryo fails), and sources of records from a
 * list with their event time.
 */
public final class TestJobs {
  private TestJobs() {}

  /** Serializable: the event time of a record. */
  public interface TimeOf<T> extends Serializable {
    long of(T record);
  }

  /**
   * The MiniCluster a whole-job test runs on: one task manager with two slots. Registered as a
   * static {@code @RegisterExtension}.
   */
  public static MiniClusterExtension miniCluster() {
    return new MiniClusterExtension(
        new MiniClusterResourceConfiguration.Builder()
            .setNumberTaskManagers(1)
            .setNumberSlotsPerTaskManager(2)
            .build());
  }

  /** An environment on the test's MiniCluster, at parallelism 2, generic types disabled. */
  public static StreamExecutionEnvironment environment() {
    Configuration conf = new Configuration();
    conf.set(PipelineOptions.GENERIC_TYPES, false);
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
    env.setParallelism(2);
    return env;
  }

  /** The records with their event time, watermarks 5 s behind. */
  public static <T> DataStream<T> source(
      StreamExecutionEnvironment env, List<T> data, Class<T> type, TimeOf<T> time) {
    return env.fromData(data, TypeInformation.of(type))
        .assignTimestampsAndWatermarks(
            WatermarkStrategy.<T>forBoundedOutOfOrderness(Duration.ofSeconds(5))
                .withTimestampAssigner((e, ts) -> time.of(e)));
  }

  /** A stream with no records (a collection source refuses an empty list). */
  public static <T> DataStream<T> none(StreamExecutionEnvironment env, Class<T> type) {
    return env.fromData(List.of(0))
        .flatMap((Integer ignored, Collector<T> out) -> {}, TypeInformation.of(type));
  }
}
