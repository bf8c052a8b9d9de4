package id.pantau.ingest;

import id.pantau.infra.KafkaBroker;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * An ingest over real HTTP on a real Kafka broker (Pantau's topics, 2 partitions each), one per
 * test class, with the tests' tokens and clock ({@link TestData#NOW}): a static
 * {@code @RegisterExtension} starts both before the class's {@code @BeforeAll} and stops them after
 * its {@code @AfterAll}.
 */
final class LiveIngest implements BeforeAllCallback, AfterAllCallback {
  private final UnaryOperator<IngestConfig.Builder> settings;
  private Path dir;
  private KafkaBroker broker;
  private Ingest ingest;

  /** Requests to the class's ingest. */
  final HttpProbe http = new HttpProbe(this::url);

  /** What requests added to the broker's topics. */
  final TopicProbe topics = new TopicProbe(() -> broker.bootstrapServers());

  private LiveIngest(UnaryOperator<IngestConfig.Builder> settings) {
    this.settings = settings;
  }

  /** With the default limits. */
  static LiveIngest withDefaults() {
    return new LiveIngest(b -> b);
  }

  /** With settings of its own on top of the broker and loopback, e.g. smaller limits. */
  static LiveIngest with(UnaryOperator<IngestConfig.Builder> settings) {
    return new LiveIngest(settings);
  }

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    dir = Files.createTempDirectory("pantau-ingest-test-");
    broker = KafkaBroker.start(dir.resolve("kafka"));
    broker.createPantauTopics(2);
    ingest = start(settings);
  }

  @Override
  public void afterAll(ExtensionContext context) throws IOException {
    topics.close();
    if (ingest != null) ingest.close();
    if (broker != null) broker.close();
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
    }
  }

  /** A further ingest on the same broker, on loopback and a free port; closed by the caller. */
  Ingest start(UnaryOperator<IngestConfig.Builder> settings) {
    return Ingest.start(
        settings
            .apply(
                IngestConfig.builder()
                    .kafkaBootstrap(broker.bootstrapServers())
                    .host("127.0.0.1")
                    .port(0))
            .build(),
        TestData.tokens(),
        TestData.clock());
  }

  String url() {
    return ingest.url();
  }

  KafkaBroker broker() {
    return broker;
  }
}
