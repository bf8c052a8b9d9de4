package id.pantau.api;

import id.pantau.access.Principal;
import id.pantau.access.Role;
import id.pantau.access.TokenStore;
import id.pantau.infra.FreePort;
import id.pantau.infra.InfluxServer;
import id.pantau.infra.KafkaBroker;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.influxdb.InfluxDB;
import org.influxdb.InfluxDBFactory;
import org.influxdb.dto.BatchPoints;
import org.influxdb.dto.Point;
import org.influxdb.dto.Query;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A dashboard for the API tests over one real part: a real influxd (the read endpoints) or a real
 * Kafka broker (the alert stream and the follow-ups), with the callers' tokens. Registered as a
 * static {@code @RegisterExtension}: the part starts before the class's {@code @BeforeAll}, so the
 * class writes its data first; the dashboard itself starts on first use, after that data is in
 * place (the check-in book must find results written before it started); all stop after the class.
 */
final class LiveDashboard implements BeforeAllCallback, AfterAllCallback {
  static final String DB = "pantau";

  private static final Map<String, Principal> PRINCIPALS = new HashMap<>();

  // The callers, one token each; every test class may use any of them.
  static final String OPERATOR = caller("tok-operator", "ops", Role.OPERATOR, Set.of(), Set.of());
  static final String DAMKAR_HEAD =
      caller("tok-damkar-head", "kepala-damkar", Role.UNIT_HEAD, Set.of(), Set.of("tng-damkar"));
  static final String BKD_SERANG =
      caller("tok-bkd-serang", "bkd-serang", Role.BKD_ADMIN, Set.of("kota-serang"), Set.of());
  static final String BKD_TANGERANG =
      caller(
          "tok-bkd-tangerang", "bkd-tangerang", Role.BKD_ADMIN, Set.of("kota-tangerang"), Set.of());
  static final String BKD_JAYAPURA =
      caller("tok-bkd-jayapura", "bkd-jayapura", Role.BKD_ADMIN, Set.of("kota-jayapura"), Set.of());
  static final String BKD_PROVINCE =
      caller("tok-bkd-banten", "bkd-banten", Role.BKD_ADMIN, Set.of(), Set.of());
  static final String LEADER =
      caller("tok-leader", "walikota", Role.LEADERSHIP, Set.of(), Set.of());
  static final String DEVICE = caller("tok-device", "kiosk-1", Role.DEVICE, Set.of(), Set.of());

  static final TokenStore TOKENS = TokenStore.of(Map.copyOf(PRINCIPALS));

  private static String caller(
      String token, String name, Role role, Set<String> regions, Set<String> units) {
    PRINCIPALS.put(TokenStore.sha256(token), new Principal(name, role, regions, units));
    return token;
  }

  private final boolean overInflux;
  private final boolean overKafka;
  private Path dir;
  private InfluxServer influx;
  private KafkaBroker kafka;
  private KafkaProducer<String, byte[]> producer;
  private Dashboard dashboard;

  private LiveDashboard(boolean overInflux, boolean overKafka) {
    this.overInflux = overInflux;
    this.overKafka = overKafka;
  }

  /** Over a real influxd with database {@link #DB}; Kafka is a port where nothing answers. */
  static LiveDashboard overInflux() {
    return new LiveDashboard(true, false);
  }

  /** Over a real Kafka broker with the pantau topics; influxd is a port where nothing answers. */
  static LiveDashboard overKafka() {
    return new LiveDashboard(false, true);
  }

  /** Over both (the console's browser tests: the board reads InfluxDB, the ticker Kafka). */
  static LiveDashboard overInfluxAndKafka() {
    return new LiveDashboard(true, true);
  }

  /** A further dashboard of the same callers, closed by the caller. */
  static Dashboard start(String influxUrl, String kafkaBootstrap) {
    return Dashboard.start(
        new DashboardConfig(influxUrl, DB, kafkaBootstrap, "127.0.0.1", 0, null), TOKENS);
  }

  /** An influxd URL where nothing answers. */
  static String noInfluxd() {
    return "http://127.0.0.1:" + FreePort.find();
  }

  /** A Kafka bootstrap address where nothing answers. */
  static String noKafka() {
    return "127.0.0.1:" + FreePort.find();
  }

  /** A producer that waits for every replica, as the jobs produce. */
  static KafkaProducer<String, byte[]> producer(String bootstrap) {
    return new KafkaProducer<>(
        Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ProducerConfig.ACKS_CONFIG, "all"),
        new StringSerializer(),
        new ByteArraySerializer());
  }

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    dir = Files.createTempDirectory("pantau-api-test-");
    if (overInflux) {
      influx = InfluxServer.start(dir.resolve("influx"));
      influx.createDatabase(DB);
    }
    if (overKafka) {
      kafka = KafkaBroker.start(dir.resolve("kafka"));
      kafka.createPantauTopics(2);
      producer = producer(kafka.bootstrapServers());
    }
  }

  @Override
  public void afterAll(ExtensionContext context) throws IOException {
    if (producer != null) producer.close();
    if (dashboard != null) dashboard.close();
    if (kafka != null) kafka.close();
    if (influx != null) influx.close();
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
    }
  }

  /** The dashboard, started on first use. */
  synchronized Dashboard dashboard() {
    if (dashboard == null) {
      dashboard =
          start(
              overInflux ? influx.url() : noInfluxd(),
              overKafka ? kafka.bootstrapServers() : noKafka());
    }
    return dashboard;
  }

  String url() {
    return dashboard().url();
  }

  /** GET a path of the dashboard, with a bearer token unless it is null. */
  HttpResponse<String> get(String path, String token) {
    return Http.get(url() + path, token);
  }

  /** The influxd's URL (null over Kafka). */
  String influxUrl() {
    return influx == null ? null : influx.url();
  }

  /** The broker (null over influxd). */
  KafkaBroker kafka() {
    return kafka;
  }

  /** A temporary folder of the class, removed after it. */
  Path dir() {
    return dir;
  }

  /** Produces one record and waits for its acknowledgement. */
  void produce(String topic, String key, byte[] value) throws Exception {
    producer.send(new ProducerRecord<>(topic, key, value)).get(30, TimeUnit.SECONDS);
  }

  /** Runs an InfluxQL statement on the database. */
  void query(String influxQl) {
    try (InfluxDB client = InfluxDBFactory.connect(influx.url())) {
      client.query(new Query(influxQl, DB));
    }
  }

  /** Writes the points in one batch into the database's default retention policy. */
  void write(List<Point> points) {
    write(null, points);
  }

  /** Writes daily rollups as the jobs do: into retention policy trends, made first if missing. */
  void writeDaily(List<Point> points) {
    query("CREATE RETENTION POLICY \"trends\" ON \"" + DB + "\" DURATION 1825d REPLICATION 1");
    write("trends", points);
  }

  /** Writes the points in one batch into a retention policy of the database. */
  void write(String retentionPolicy, List<Point> points) {
    try (InfluxDB client = InfluxDBFactory.connect(influx.url())) {
      client.write(
          BatchPoints.database(DB)
              .retentionPolicy(retentionPolicy)
              .precision(TimeUnit.MILLISECONDS)
              .points(points)
              .build());
    }
  }
}
