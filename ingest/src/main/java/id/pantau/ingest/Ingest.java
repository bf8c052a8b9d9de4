package id.pantau.ingest;

import id.pantau.access.TokenStore;
import io.javalin.Javalin;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Map;

/**
 * A running ingest: the Kafka publisher and the HTTP app, started together and closed together.
 * {@link #main} runs it from the environment ({@link IngestConfig#fromEnv()}).
 */
public final class Ingest implements AutoCloseable {
  /** The longest a stop waits for the requests in flight: above the Kafka timeout (5 s). */
  static final long STOP_TIMEOUT_MS = 15_000;

  private final Javalin app;
  private final KafkaEventPublisher publisher;
  private final String host;
  private boolean closed;

  private Ingest(Javalin app, KafkaEventPublisher publisher, String host) {
    this.app = app;
    this.publisher = publisher;
    this.host = host;
  }

  /** Starts with the tokens of config.tokensFile(), or with no token known when it names none. */
  public static Ingest start(IngestConfig config) {
    return start(config, tokens(config));
  }

  public static Ingest start(IngestConfig config, TokenStore tokens) {
    return start(config, tokens, java.time.Clock.systemUTC());
  }

  /**
   * With the clock that stamps receipt times (receivedAt) and default effectiveFrom: the system
   * clock, or the simulated clock of `./pantau verify` replaying a day.
   */
  public static Ingest start(IngestConfig config, TokenStore tokens, java.time.Clock clock) {
    IngestApp.requireLoopbackWhenRelaxed(config); // before anything is opened
    KafkaEventPublisher publisher =
        new KafkaEventPublisher(config.kafkaBootstrap(), config.kafkaTimeout());
    try {
      Javalin app = IngestApp.create(config, publisher, tokens, clock);
      app.start();
      // Stopping (SIGTERM) closes the listener, lets the requests in flight finish (each answers
      // only after Kafka acknowledged, or 503) and closes idle connections, within this bound.
      app.jettyServer().server().setStopTimeout(STOP_TIMEOUT_MS);
      return new Ingest(app, publisher, config.host());
    } catch (RuntimeException e) {
      publisher.close();
      throw e;
    }
  }

  private static TokenStore tokens(IngestConfig config) {
    if (config.tokensFile() == null) {
      System.err.println(
          "WARNING: PANTAU_TOKENS_FILE names no tokens file: no token is known, so ingest refuses"
              + " every request that needs one");
      return TokenStore.of(Map.of());
    }
    try {
      return TokenStore.load(config.tokensFile());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the tokens file " + config.tokensFile(), e);
    }
  }

  public int port() {
    return app.port();
  }

  /** The base URL to reach it from this machine, e.g. http://127.0.0.1:8081. */
  public String url() {
    return "http://" + reachableHost() + ":" + port();
  }

  private String reachableHost() {
    try {
      InetAddress address = InetAddress.getByName(host);
      if (address.isAnyLocalAddress() || address.isLoopbackAddress()) return "127.0.0.1";
    } catch (UnknownHostException e) {
      // fall through: the name as configured
    }
    return host.contains(":") ? "[" + host + "]" : host;
  }

  /** Stops taking requests, then flushes and closes the producer. */
  @Override
  public synchronized void close() {
    if (closed) return;
    closed = true;
    try {
      app.stop();
    } finally {
      publisher.close();
    }
  }

  public static void main(String[] args) {
    IngestConfig config = IngestConfig.fromEnv();
    Ingest ingest = start(config);
    Runtime.getRuntime().addShutdownHook(new Thread(ingest::close, "ingest-shutdown"));
    System.out.println(
        "Pantau ingest on "
            + ingest.url()
            + " (bound to "
            + config.host()
            + "), producing to Kafka at "
            + config.kafkaBootstrap());
  }
}
