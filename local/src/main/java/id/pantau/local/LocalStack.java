package id.pantau.local;

import id.pantau.access.TokenStore;
import id.pantau.api.Dashboard;
import id.pantau.api.DashboardConfig;
import id.pantau.events.Topics;
import id.pantau.infra.InfluxServer;
import id.pantau.infra.KafkaBroker;
import id.pantau.ingest.Ingest;
import id.pantau.ingest.IngestConfig;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.function.IntUnaryOperator;
import org.apache.kafka.common.config.TopicConfig;

/**
 * The parts of a local Pantau, each started on demand and stopped newest first: a real Kafka broker
 * and influxd as child processes, ingest and dashboard-api in this JVM. The demo, `./pantau verify`
 * and the end-to-end tests start theirs through it (the jobs they start themselves: the demo on the
 * wall clock, verify as a bounded replay).
 */
final class LocalStack implements AutoCloseable {
  private final StartedParts started = new StartedParts("pantau");
  private final Path data;
  private final IntUnaryOperator port;
  private KafkaBroker kafka;
  InfluxServer influx; // a fault test stops and restarts it
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
    kafka = started.keep(KafkaBroker.start(data.resolve("kafka"), port.applyAsInt(9092)));
    kafka.createPantauTopics(2);
    kafkaBootstrap = kafka.bootstrapServers();
  }

  /**
   * Lets the stack's topics hold records of any time, for a replay of a past day: the jobs stamp
   * alerts and check-in results with their event time, which the broker's defaults would delete
   * once older than 7 days ({@code retention.ms}) and refuse when more than an hour ahead of its
   * clock ({@code message.timestamp.after.max.ms}, a night crew's decision early next morning).
   * Waits until the broker applies it. Only for a private broker: nothing is ever deleted.
   */
  void keepRecordsOfAnyTime() {
    kafka.setTopicConfigs(
        Topics.ALL,
        Map.of(
            TopicConfig.RETENTION_MS_CONFIG,
            "-1",
            TopicConfig.MESSAGE_TIMESTAMP_BEFORE_MAX_MS_CONFIG,
            Long.toString(Long.MAX_VALUE),
            TopicConfig.MESSAGE_TIMESTAMP_AFTER_MAX_MS_CONFIG,
            Long.toString(Long.MAX_VALUE)));
  }

  void startInflux() throws Exception {
    influx = InfluxServer.start(data.resolve("influxdb"), port.applyAsInt(8086));
    started.keep(influx);
    influx.createDatabase("pantau");
    influxUrl = influx.url();
  }

  /**
   * Fresh tokens, or when PANTAU_TOKENS_FILE names a file, the user's with the simulator's beside
   * them.
   */
  void tokens(String headUnit) throws Exception {
    tokens(headUnit, System.getenv("PANTAU_TOKENS_FILE"));
  }

  /** As {@link #tokens(String)}, with the user's file {@code usersFile} (null or blank: none). */
  void tokens(String headUnit, String usersFile) throws Exception {
    tokens =
        usersFile == null || usersFile.isBlank()
            ? DemoTokens.generate(data, headUnit)
            : DemoTokens.besides(Path.of(usersFile), data);
    tokensFile = tokens.file;
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
    started.keep(ingest);
    ingestUrl = ingest.url();
  }

  void startDashboard() throws Exception {
    startDashboard(DashboardConfig.DEFAULT_FOLLOWUP_DAYS);
  }

  /** The dashboard-api, keeping the follow-ups of {@code followUpDays} local dates. */
  void startDashboard(int followUpDays) throws Exception {
    Dashboard api =
        Dashboard.start(
            new DashboardConfig(
                    influxUrl,
                    "pantau",
                    kafkaBootstrap,
                    "127.0.0.1",
                    port.applyAsInt(8080),
                    tokensFile)
                .withFollowUpDays(followUpDays),
            TokenStore.load(tokensFile));
    started.keep(api);
    apiUrl = api.url();
  }

  /** Stopped with the stack, before what was started earlier. */
  void onClose(AutoCloseable c) {
    started.keep(c);
  }

  /** Stops what was started, newest first. */
  @Override
  public void close() {
    started.close();
  }
}
