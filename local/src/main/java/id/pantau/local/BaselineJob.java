package id.pantau.local;

import id.pantau.events.AttendanceEvent;
import id.pantau.events.LocationPing;
import id.pantau.jobs.JobsConfig;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
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
    env.fromSource(
            BenchSources.attendance(cfg), WatermarkStrategy.noWatermarks(), "Attendance (baseline)")
        .map(p -> p.value, TypeInformation.of(AttendanceEvent.class))
        .filter(e -> e != null)
        .keyBy(e -> e.unitId)
        .process(new Count<AttendanceEvent>(), Types.LONG)
        .sinkTo(new DiscardingSink<>());
    env.fromSource(
            BenchSources.locations(cfg), WatermarkStrategy.noWatermarks(), "Locations (baseline)")
        .map(p -> p.value, TypeInformation.of(LocationPing.class))
        .filter(e -> e != null)
        .keyBy(e -> e.unitId)
        .process(new Count<LocationPing>(), Types.LONG)
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
