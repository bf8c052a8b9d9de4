package id.pantau.local;

import id.pantau.events.AttendanceEvent;
import id.pantau.events.Json;
import id.pantau.events.LocationPing;
import id.pantau.events.Topics;
import id.pantau.jobs.JobSources;
import id.pantau.jobs.JobsConfig;
import id.pantau.jobs.JsonRecords;
import id.pantau.jobs.KafkaIo;
import id.pantau.jobs.Parsed;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * The jobs' event sources as KafkaIo builds them, with a count of the records read, so the bench
 * shows progress and times a replay from its first record (the job's start-up is not throughput).
 * The MiniCluster runs in this JVM: a static counter is enough.
 */
final class BenchSources {
  static final AtomicLong READ = new AtomicLong();
  static final AtomicLong FIRST_NANOS = new AtomicLong();

  /** When the count last rose: about when the last event was read. */
  static final AtomicLong LAST_NANOS = new AtomicLong();

  private BenchSources() {}

  static void reset() {
    READ.set(0);
    FIRST_NANOS.set(0);
    LAST_NANOS.set(0);
  }

  static JobSources of(JobsConfig cfg) {
    JobSources real = JobSources.kafka(cfg);
    return new JobSources(
        attendance(cfg),
        locations(cfg),
        real.units(),
        real.exposures(),
        real.rosters(),
        real.zones(),
        real.policies(),
        real.regions());
  }

  static KafkaSource<Parsed<AttendanceEvent>> attendance(JobsConfig cfg) {
    return source(
        cfg,
        Topics.ATTENDANCE,
        new Counted<>(new JsonRecords<>(Json::attendance, KafkaIo.PARSED_ATTENDANCE)));
  }

  static KafkaSource<Parsed<LocationPing>> locations(JobsConfig cfg) {
    return source(
        cfg,
        Topics.LOCATION,
        new Counted<>(new JsonRecords<>(Json::location, KafkaIo.PARSED_LOCATION)));
  }

  private static <T> KafkaSource<Parsed<T>> source(
      JobsConfig cfg, String topic, KafkaRecordDeserializationSchema<Parsed<T>> d) {
    var b =
        KafkaSource.<Parsed<T>>builder()
            .setBootstrapServers(cfg.kafkaBootstrap())
            .setTopics(topic)
            .setGroupId(cfg.groupId())
            .setStartingOffsets(
                "latest".equals(cfg.startFrom())
                    ? OffsetsInitializer.latest()
                    : OffsetsInitializer.earliest())
            .setDeserializer(d)
            .setProperty("partition.discovery.interval.ms", "60000");
    if (cfg.bounded()) b.setBounded(OffsetsInitializer.latest());
    return b.build();
  }

  /** Counts in batches of 1,000 so the shared counter costs nothing per record. */
  static final class Counted<T> implements KafkaRecordDeserializationSchema<T> {
    private final KafkaRecordDeserializationSchema<T> inner;
    private transient long local;

    Counted(KafkaRecordDeserializationSchema<T> inner) {
      this.inner = inner;
    }

    @Override
    public void deserialize(ConsumerRecord<byte[], byte[]> record, Collector<T> out)
        throws IOException {
      if (local == 0 && FIRST_NANOS.get() == 0) FIRST_NANOS.compareAndSet(0, System.nanoTime());
      inner.deserialize(record, out);
      if (++local % 1_000 == 0) {
        READ.addAndGet(1_000);
        LAST_NANOS.accumulateAndGet(System.nanoTime(), Math::max);
      }
    }

    @Override
    public TypeInformation<T> getProducedType() {
      return inner.getProducedType();
    }
  }
}
