package id.pantau.local;

import id.pantau.access.TokenStore;
import id.pantau.api.Dashboard;
import id.pantau.api.DashboardConfig;
import id.pantau.infra.InfluxServer;
import id.pantau.infra.KafkaBroker;
import id.pantau.ingest.Ingest;
import id.pantau.ingest.IngestConfig;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.IntUnaryOperator;

/**
 * The parts of a local Pantau, each started on demand and stopped newest first: a real Kafka broker
 * and influxd as child processes, ingest and dashboard-api in this JVM. The demo, `./pantau verify`
 * and the end-to-end tests start theirs through it (the jobs they start themselves: the demo on the
 * wall clock, verify as a bounded replay).
 */
final class LocalStack implements AutoCloseable {
  private final Deque<AutoCloseable> started = new ArrayDeque<>();
  private final Path data;
  private final IntUnaryOperator port;
  String kafkaBootstrap;
  String influxUrl;
  String ingestUrl;
  String apiUrl;
  DemoTokens tokens;
  Path tokensFile;

  /**
   * @param port the port to use for a preferred one (the contract's default when free, or any)
   */
  LocalStack(Path data, IntUnaryOperator port) {
    this.data = data;
    this.port = port;
  }

  void startKafka() throws Exception {
    KafkaBroker kafka = KafkaBroker.start(data.resolve("kafka"), port.applyAsInt(9092));
    started.push(kafka);
    kafka.createPantauTopics(2);
    kafkaBootstrap = kafka.bootstrapServers();
  }

  void startInflux() throws Exception {
    InfluxServer influx = InfluxServer.start(data.resolve("influxdb"), port.applyAsInt(8086));
    started.push(influx);
    influx.createDatabase("pantau");
    influxUrl = influx.url();
  }

  /** Fresh tokens unless PANTAU_TOKENS_FILE names a file. */
  void tokens(String headUnit) throws Exception {
    String env = System.getenv("PANTAU_TOKENS_FILE");
    if (env == null || env.isBlank()) {
      tokens = DemoTokens.generate(data, headUnit);
      tokensFile = tokens.file;
    } else {
      tokensFile = Path.of(env);
    }
  }

  /** Ingest on loopback, device auth relaxed, receipt times from {@code clock}. */
  void startIngest(Clock clock) throws Exception {
    IngestConfig config =
        IngestConfig.builder()
            .kafkaBootstrap(kafkaBootstrap)
            .host("127.0.0.1")
            .port(port.applyAsInt(8081))
            .tokensFile(tokensFile)
            .relaxDeviceAuth(true)
            .build();
    Ingest ingest = Ingest.start(config, TokenStore.load(tokensFile), clock);
    started.push(ingest);
    ingestUrl = ingest.url();
  }

  void startDashboard() throws Exception {
    Dashboard api =
        Dashboard.start(
            new DashboardConfig(
                influxUrl,
                "pantau",
                kafkaBootstrap,
                "127.0.0.1",
                port.applyAsInt(8080),
                tokensFile),
            TokenStore.load(tokensFile));
    started.push(api);
    apiUrl = api.url();
  }

  /** Stopped with the stack, before what was started earlier. */
  void onClose(AutoCloseable c) {
    started.push(c);
  }

  /** Stops what was started, newest first; each stop is tried even when another fails. */
  @Override
  public synchronized void close() {
    while (!started.isEmpty()) {
      AutoCloseable c = started.pop();
      try {
        c.close();
      } catch (Exception e) {
        System.err.println("pantau: while stopping: " + e.getMessage());
      }
    }
  }
}
