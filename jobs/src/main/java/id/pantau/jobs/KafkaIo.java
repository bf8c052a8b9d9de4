package id.pantau.jobs;

import id.pantau.compliance.WindowResult;
import id.pantau.events.Alert;
import id.pantau.events.AttendanceEvent;
import id.pantau.events.DeadLetter;
import id.pantau.events.Exposure;
import id.pantau.events.Json;
import id.pantau.events.LocationPing;
import id.pantau.events.Policy;
import id.pantau.events.Region;
import id.pantau.events.RosterEntry;
import id.pantau.events.TimeBounds;
import id.pantau.events.Topics;
import id.pantau.events.Unit;
import id.pantau.events.ZoneChange;
import id.pantau.serial.EventTypes;
import java.util.function.BiFunction;
import org.apache.flink.api.common.serialization.SerializationSchema;
import org.apache.flink.api.common.typeinfo.TypeHint;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.flink.connector.kafka.sink.KafkaSink;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.KafkaSourceBuilder;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;

/** The real Kafka sources and sinks that `main` wires into the jobs. */
public final class KafkaIo {
  public static final TypeInformation<Parsed<AttendanceEvent>> PARSED_ATTENDANCE =
      EventTypes.PARSED_ATTENDANCE;
  public static final TypeInformation<Parsed<Unit>> PARSED_UNIT =
      TypeInformation.of(new TypeHint<Parsed<Unit>>() {});
  public static final TypeInformation<Parsed<LocationPing>> PARSED_LOCATION =
      EventTypes.PARSED_PING;
  public static final TypeInformation<Parsed<Exposure>> PARSED_EXPOSURE =
      TypeInformation.of(new TypeHint<Parsed<Exposure>>() {});
  public static final TypeInformation<Parsed<RosterEntry>> PARSED_ROSTER =
      TypeInformation.of(new TypeHint<Parsed<RosterEntry>>() {});
  public static final TypeInformation<Parsed<ZoneChange>> PARSED_ZONE =
      TypeInformation.of(new TypeHint<Parsed<ZoneChange>>() {});
  public static final TypeInformation<Parsed<Policy>> PARSED_POLICY =
      TypeInformation.of(new TypeHint<Parsed<Policy>>() {});
  public static final TypeInformation<Parsed<Region>> PARSED_REGION =
      TypeInformation.of(new TypeHint<Parsed<Region>>() {});

  private KafkaIo() {}

  public static KafkaSource<Parsed<AttendanceEvent>> attendance(JobsConfig cfg, boolean stopAtEnd) {
    return source(
            cfg,
            stopAtEnd,
            Topics.ATTENDANCE,
            Json::attendance,
            PARSED_ATTENDANCE,
            TimeGuard::attendance)
        .setProperty("partition.discovery.interval.ms", "60000")
        .build();
  }

  public static KafkaSource<Parsed<Unit>> units(JobsConfig cfg, boolean stopAtEnd) {
    return source(cfg, stopAtEnd, Topics.UNITS, Json::unit, PARSED_UNIT, TimeGuard::unit).build();
  }

  public static KafkaSource<Parsed<LocationPing>> locations(JobsConfig cfg, boolean stopAtEnd) {
    return source(
            cfg, stopAtEnd, Topics.LOCATION, Json::location, PARSED_LOCATION, TimeGuard::location)
        .build();
  }

  /** Each employee's latest result per date and window, compacted by nip@date@window. */
  public static KafkaSink<WindowResult> checkins(JobsConfig cfg) {
    return sink(cfg, Topics.CHECKINS, new CheckinKey());
  }

  static final class CheckinKey implements SerializationSchema<WindowResult> {
    @Override
    public byte[] serialize(WindowResult r) {
      return (r.nip + "@" + r.date + "@" + r.window)
          .getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }
  }

  public static KafkaSource<Parsed<Exposure>> exposures(JobsConfig cfg, boolean stopAtEnd) {
    return source(
            cfg, stopAtEnd, Topics.EXPOSURES, Json::exposure, PARSED_EXPOSURE, TimeGuard::exposure)
        .build();
  }

  public static KafkaSource<Parsed<RosterEntry>> rosters(JobsConfig cfg, boolean stopAtEnd) {
    return source(cfg, stopAtEnd, Topics.ROSTERS, Json::roster, PARSED_ROSTER, TimeGuard::roster)
        .build();
  }

  public static KafkaSource<Parsed<ZoneChange>> zones(JobsConfig cfg, boolean stopAtEnd) {
    return source(cfg, stopAtEnd, Topics.ZONES, Json::zone, PARSED_ZONE, TimeGuard::zone).build();
  }

  public static KafkaSource<Parsed<Policy>> policies(JobsConfig cfg, boolean stopAtEnd) {
    return source(cfg, stopAtEnd, Topics.POLICIES, Json::policy, PARSED_POLICY, TimeGuard::policy)
        .build();
  }

  public static KafkaSource<Parsed<Region>> regions(JobsConfig cfg, boolean stopAtEnd) {
    return source(
            cfg,
            stopAtEnd,
            Topics.REGIONS,
            Json::region,
            PARSED_REGION,
            (b, bounded) -> TimeGuard.none())
        .build();
  }

  /**
   * The consumer group a source of the topic commits its offsets in (on each checkpoint): a
   * compacted topic's own, as it is read whole on every start.
   */
  public static String groupOf(JobsConfig cfg, String topic) {
    return Topics.COMPACTED.contains(topic) ? cfg.groupId() + "-" + topic : cfg.groupId();
  }

  /**
   * A topic decoded as JSON, its times guarded. A compacted topic (reference data) is its current
   * state: it is read whole on every start, in a consumer group of its own; an event topic is read
   * from where PANTAU_START_FROM says. With {@code stopAtEnd} (a bounded replay) it reads up to the
   * offsets at its start.
   */
  private static <T> KafkaSourceBuilder<Parsed<T>> source(
      JobsConfig cfg,
      boolean stopAtEnd,
      String topic,
      JsonRecords.Decoder<T> decoder,
      TypeInformation<Parsed<T>> type,
      BiFunction<TimeBounds, Boolean, TimeGuard<T>> guard) {
    boolean whole = Topics.COMPACTED.contains(topic);
    var b =
        KafkaSource.<Parsed<T>>builder()
            .setBootstrapServers(cfg.kafkaBootstrap())
            .setTopics(topic)
            .setGroupId(groupOf(cfg, topic))
            .setStartingOffsets(whole ? OffsetsInitializer.earliest() : startFrom(cfg.startFrom()))
            .setDeserializer(
                new JsonRecords<>(decoder, type, guard.apply(cfg.timeBounds(), cfg.bounded())));
    if (stopAtEnd) b.setBounded(OffsetsInitializer.latest());
    return b;
  }

  /** Alerts keyed by unit, so one unit's alerts stay in order. */
  public static KafkaSink<Alert> alerts(JobsConfig cfg) {
    return sink(cfg, Topics.ALERTS, new AlertKey());
  }

  public static KafkaSink<DeadLetter> deadLetters(JobsConfig cfg) {
    return sink(cfg, Topics.DEADLETTER, null);
  }

  /** Records as JSON to a topic, keyed by {@code key} (none: unkeyed), at least once. */
  private static <T> KafkaSink<T> sink(JobsConfig cfg, String topic, SerializationSchema<T> key) {
    var record =
        KafkaRecordSerializationSchema.<T>builder()
            .setTopic(topic)
            .setValueSerializationSchema(new JsonSerialization<T>());
    if (key != null) record.setKeySerializationSchema(key);
    return KafkaSink.<T>builder()
        .setBootstrapServers(cfg.kafkaBootstrap())
        .setRecordSerializer(record.build())
        .setDeliveryGuarantee(DeliveryGuarantee.AT_LEAST_ONCE)
        .build();
  }

  /**
   * Where a job without a checkpoint starts: "earliest", "latest", "committed", or "hours:N" (the
   * last N hours, enough to rebuild today's state without reading all history).
   */
  static OffsetsInitializer startFrom(String spec) {
    if ("earliest".equals(spec)) return OffsetsInitializer.earliest();
    if ("latest".equals(spec)) return OffsetsInitializer.latest();
    if ("committed".equals(spec))
      return OffsetsInitializer.committedOffsets(OffsetResetStrategy.EARLIEST);
    if (spec != null && spec.startsWith("hours:")) {
      long hours = Long.parseLong(spec.substring("hours:".length()));
      return OffsetsInitializer.timestamp(System.currentTimeMillis() - hours * 3_600_000L);
    }
    throw new IllegalArgumentException(
        "PANTAU_START_FROM: must be earliest, latest, committed or hours:N (got '" + spec + "')");
  }

  /** The unit of an alert as its Kafka key. */
  static final class AlertKey implements SerializationSchema<Alert> {
    @Override
    public byte[] serialize(Alert a) {
      return a.unitId.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }
  }
}
