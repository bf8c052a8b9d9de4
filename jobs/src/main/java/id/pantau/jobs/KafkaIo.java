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
import id.pantau.events.Topics;
import id.pantau.events.Unit;
import id.pantau.events.ZoneChange;
import id.pantau.serial.EventTypes;
import org.apache.flink.api.common.typeinfo.TypeHint;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.flink.connector.kafka.sink.KafkaSink;
import org.apache.flink.connector.kafka.source.KafkaSource;
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

  public static KafkaSource<Parsed<AttendanceEvent>> attendance(JobsConfig cfg) {
    var b =
        KafkaSource.<Parsed<AttendanceEvent>>builder()
            .setBootstrapServers(cfg.kafkaBootstrap())
            .setTopics(Topics.ATTENDANCE)
            .setGroupId(cfg.groupId())
            .setStartingOffsets(startFrom(cfg.startFrom()))
            .setDeserializer(
                new JsonRecords<>(
                    Json::attendance,
                    PARSED_ATTENDANCE,
                    TimeGuard.attendance(cfg.timeBounds(), cfg.bounded())))
            .setProperty("partition.discovery.interval.ms", "60000");
    if (cfg.bounded()) b.setBounded(OffsetsInitializer.latest());
    return b.build();
  }

  /** Reference data is read whole on every start: a compacted topic is its current state. */
  public static KafkaSource<Parsed<Unit>> units(JobsConfig cfg) {
    return reference(
        cfg,
        Topics.UNITS,
        Json::unit,
        PARSED_UNIT,
        TimeGuard.unit(cfg.timeBounds(), cfg.bounded()));
  }

  public static KafkaSource<Parsed<LocationPing>> locations(JobsConfig cfg) {
    var b =
        KafkaSource.<Parsed<LocationPing>>builder()
            .setBootstrapServers(cfg.kafkaBootstrap())
            .setTopics(Topics.LOCATION)
            .setGroupId(cfg.groupId())
            .setStartingOffsets(startFrom(cfg.startFrom()))
            .setDeserializer(
                new JsonRecords<>(
                    Json::location,
                    PARSED_LOCATION,
                    TimeGuard.location(cfg.timeBounds(), cfg.bounded())));
    if (cfg.bounded()) b.setBounded(OffsetsInitializer.latest());
    return b.build();
  }

  /** Each employee's latest result per date and window, compacted by nip@date@window. */
  public static KafkaSink<WindowResult> checkins(JobsConfig cfg) {
    return KafkaSink.<WindowResult>builder()
        .setBootstrapServers(cfg.kafkaBootstrap())
        .setRecordSerializer(
            KafkaRecordSerializationSchema.<WindowResult>builder()
                .setTopic(Topics.CHECKINS)
                .setKeySerializationSchema(new CheckinKey())
                .setValueSerializationSchema(new JsonSerialization<WindowResult>())
                .build())
        .setDeliveryGuarantee(DeliveryGuarantee.AT_LEAST_ONCE)
        .build();
  }

  static final class CheckinKey
      implements org.apache.flink.api.common.serialization.SerializationSchema<WindowResult> {
    @Override
    public byte[] serialize(WindowResult r) {
      return (r.nip + "@" + r.date + "@" + r.window)
          .getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }
  }

  public static KafkaSource<Parsed<Exposure>> exposures(JobsConfig cfg) {
    return reference(
        cfg,
        Topics.EXPOSURES,
        Json::exposure,
        PARSED_EXPOSURE,
        TimeGuard.exposure(cfg.timeBounds(), cfg.bounded()));
  }

  public static KafkaSource<Parsed<RosterEntry>> rosters(JobsConfig cfg) {
    return reference(
        cfg,
        Topics.ROSTERS,
        Json::roster,
        PARSED_ROSTER,
        TimeGuard.roster(cfg.timeBounds(), cfg.bounded()));
  }

  public static KafkaSource<Parsed<ZoneChange>> zones(JobsConfig cfg) {
    return reference(
        cfg,
        Topics.ZONES,
        Json::zone,
        PARSED_ZONE,
        TimeGuard.zone(cfg.timeBounds(), cfg.bounded()));
  }

  public static KafkaSource<Parsed<Policy>> policies(JobsConfig cfg) {
    return reference(
        cfg,
        Topics.POLICIES,
        Json::policy,
        PARSED_POLICY,
        TimeGuard.policy(cfg.timeBounds(), cfg.bounded()));
  }

  public static KafkaSource<Parsed<Region>> regions(JobsConfig cfg) {
    return reference(cfg, Topics.REGIONS, Json::region, PARSED_REGION, TimeGuard.none());
  }

  private static <T> KafkaSource<Parsed<T>> reference(
      JobsConfig cfg,
      String topic,
      JsonRecords.Decoder<T> decoder,
      TypeInformation<Parsed<T>> type,
      TimeGuard<T> guard) {
    var b =
        KafkaSource.<Parsed<T>>builder()
            .setBootstrapServers(cfg.kafkaBootstrap())
            .setTopics(topic)
            .setGroupId(cfg.groupId() + "-" + topic)
            .setStartingOffsets(OffsetsInitializer.earliest())
            .setDeserializer(new JsonRecords<>(decoder, type, guard));
    if (cfg.bounded()) b.setBounded(OffsetsInitializer.latest());
    return b.build();
  }

  /** Alerts keyed by unit, so one unit's alerts stay in order. */
  public static KafkaSink<Alert> alerts(JobsConfig cfg) {
    return KafkaSink.<Alert>builder()
        .setBootstrapServers(cfg.kafkaBootstrap())
        .setRecordSerializer(
            KafkaRecordSerializationSchema.<Alert>builder()
                .setTopic(Topics.ALERTS)
                .setKeySerializationSchema(new AlertKey())
                .setValueSerializationSchema(new JsonSerialization<Alert>())
                .build())
        .setDeliveryGuarantee(DeliveryGuarantee.AT_LEAST_ONCE)
        .build();
  }

  public static KafkaSink<DeadLetter> deadLetters(JobsConfig cfg) {
    return KafkaSink.<DeadLetter>builder()
        .setBootstrapServers(cfg.kafkaBootstrap())
        .setRecordSerializer(
            KafkaRecordSerializationSchema.<DeadLetter>builder()
                .setTopic(Topics.DEADLETTER)
                .setValueSerializationSchema(new JsonSerialization<DeadLetter>())
                .build())
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
  static final class AlertKey
      implements org.apache.flink.api.common.serialization.SerializationSchema<Alert> {
    @Override
    public byte[] serialize(Alert a) {
      return a.unitId.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }
  }
}
