package id.pantau.local;

import id.pantau.events.AttendanceEvent;
import id.pantau.events.LocationPing;
import id.pantau.jobs.JobsConfig;
import id.pantau.jobs.Parsed;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.functions.KeySelector;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;
import org.apache.flink.util.Collector;

/**
 * The bare baseline of the benchmark: Kafka → parse JSON → keyBy unit → count → discard, over the
 * same two event topics, with the same parse, parallelism and serializers (generic types off) as
 * the jobs; no checkpoints, no watermarks.
 */
final class BaselineJob {
  private BaselineJob() {}

  static void build(StreamExecutionEnvironment env, JobsConfig cfg) {
    Configuration conf = new Configuration();
    conf.set(PipelineOptions.GENERIC_TYPES, false);
    env.configure(conf);
    env.setParallelism(cfg.parallelism());
    countPerUnit(
        env, BenchSources.attendance(cfg), AttendanceEvent.class, e -> e.unitId, "Attendance");
    countPerUnit(env, BenchSources.locations(cfg), LocationPing.class, p -> p.unitId, "Locations");
  }

  /** One topic: parse, keyBy unit, count, discard. */
  private static <T> void countPerUnit(
      StreamExecutionEnvironment env,
      KafkaSource<Parsed<T>> source,
      Class<T> type,
      KeySelector<T, String> unit,
      String name) {
    env.fromSource(source, WatermarkStrategy.noWatermarks(), name + " (baseline)")
        .map(p -> p.value, TypeInformation.of(type))
        .filter(e -> e != null)
        .keyBy(unit, Types.STRING)
        .process(new Count<T>(), Types.LONG)
        .sinkTo(new DiscardingSink<>());
  }

  static final class Count<T> extends KeyedProcessFunction<String, T, Long> {
    private transient ValueState<Long> count;

    @Override
    public void open(OpenContext ctx) {
      count = getRuntimeContext().getState(new ValueStateDescriptor<>("count", Types.LONG));
    }

    @Override
    public void processElement(T e, Context ctx, Collector<Long> out) throws Exception {
      Long c = count.value();
      count.update(c == null ? 1 : c + 1);
    }
  }
}
