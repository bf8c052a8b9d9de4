package id.pantau.jobs;

import id.pantau.occupancy.OccupancyJob;
import id.pantau.occupancy.OccupancyLines;
import id.pantau.sink.InfluxConfig;
import id.pantau.sink.InfluxSink;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/** Entry point: wires the real Kafka sources and the InfluxDB sink into every Pantau job. */
public final class PantauJobs {
  private PantauJobs() {}

  public static void main(String[] args) throws Exception {
    JobsConfig cfg = JobsConfig.fromEnv();
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    build(env, cfg);
    env.execute("pantau");
  }

  /** Starts the jobs without blocking, on the environment given (the local demo's MiniCluster). */
  public static JobClient start(StreamExecutionEnvironment env, JobsConfig cfg) throws Exception {
    build(env, cfg);
    return env.executeAsync("pantau");
  }

  public static void build(StreamExecutionEnvironment env, JobsConfig cfg) {
    configure(env, cfg);
    InfluxConfig influx =
        InfluxConfig.of(cfg.influxUrl(), cfg.influxDb(), cfg.sinkBatchSize(), cfg.sinkFlushMs());
    OccupancyJob.build(
        env,
        KafkaIo.attendance(cfg),
        KafkaIo.units(cfg),
        new InfluxSink<>(influx, OccupancyLines::encode),
        KafkaIo.deadLetters(cfg),
        cfg);
  }

  /** Checkpoints on; Kryo off, so a type that would take the slow generic path fails at once. */
  public static void configure(StreamExecutionEnvironment env, JobsConfig cfg) {
    Configuration conf = new Configuration();
    conf.set(PipelineOptions.GENERIC_TYPES, false);
    env.configure(conf);
    env.setParallelism(cfg.parallelism());
    env.enableCheckpointing(cfg.checkpointIntervalMs());
  }
}
