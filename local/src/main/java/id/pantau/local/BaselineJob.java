package id.pantau.local;

import id.pantau.events.AttendanceEvent;
import id.pantau.jobs.JobsConfig;
import id.pantau.jobs.KafkaIo;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;
import org.apache.flink.util.Collector;

/** The bare baseline of the benchmark: Kafka → parse JSON → keyBy unit → count → discard. */
final class BaselineJob {
  private BaselineJob() {}

  static void build(StreamExecutionEnvironment env, JobsConfig cfg) {
    env.fromSource(
            KafkaIo.attendance(cfg), WatermarkStrategy.noWatermarks(), "Attendance (baseline)")
        .map(p -> p.value, TypeInformation.of(AttendanceEvent.class))
        .filter(e -> e != null)
        .keyBy(e -> e.unitId)
        .process(new Count(), Types.LONG)
        .sinkTo(new DiscardingSink<>());
  }

  static final class Count extends KeyedProcessFunction<String, AttendanceEvent, Long> {
    private transient ValueState<Long> count;

    @Override
    public void open(OpenContext ctx) {
      count = getRuntimeContext().getState(new ValueStateDescriptor<>("count", Types.LONG));
    }

    @Override
    public void processElement(AttendanceEvent e, Context ctx, Collector<Long> out)
        throws Exception {
      Long c = count.value();
      count.update(c == null ? 1 : c + 1);
    }
  }
}
