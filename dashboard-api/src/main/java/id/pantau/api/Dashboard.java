package id.pantau.api;

import id.pantau.access.TokenStore;
import id.pantau.api.audit.Audit;
import id.pantau.api.hooks.Hooks;
import id.pantau.api.session.SessionCookie;
import id.pantau.api.session.Sessions;
import id.pantau.events.Topics;
import io.javalin.Javalin;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/** A running dashboard-api: start it, read its port and URL, close it. */
public final class Dashboard implements AutoCloseable {
  /** How long a health check waits for Kafka. */
  public static final Duration KAFKA_PROBE_TIMEOUT = Duration.ofSeconds(2);

  /** Browser sessions held at most (when full, the one closest to expiry is ended). */
  public static final int MAX_SESSIONS = 10_000;

  private final Javalin app;
  private final Parts parts;
  private final String host;
  private final AtomicBoolean closed = new AtomicBoolean();

  private Dashboard(Javalin app, Parts parts, String host) {
    this.app = app;
    this.parts = parts;
    this.host = host;
  }

  /**
   * Connects to InfluxDB and Kafka as configured, starts the alert feed and the checkin book and
   * starts serving (port 0: a free one). Returns without waiting for Kafka: both retry until it
   * answers.
   */
  public static Dashboard start(DashboardConfig config, TokenStore tokens) {
    Influx influx =
        new Influx(
            config.influxUrl(), config.influxDb(), config.influxUser(), config.influxPassword());
    KafkaProbe kafka = new KafkaProbe(config.kafkaBootstrap(), KAFKA_PROBE_TIMEOUT);
    AlertFeed alerts = AlertFeed.start(config.kafkaBootstrap());
    CheckinBook checkins = CheckinBook.start(config.kafkaBootstrap(), config.followUpDays());
    Hooks hooks = Hooks.start(config.kafkaBootstrap());
    Clock clock = Clock.systemUTC();
    DashboardServices services =
        new DashboardServices(
            influx,
            alerts,
            checkins,
            kafka,
            hooks,
            Duration.ofMillis(config.occupancyCacheMs()),
            Duration.ofMillis(config.occupancyStaleMs()));
    Audit audit = Audit.start(config.kafkaBootstrap(), Topics.AUDIT, services::regionOf, clock);
    Parts parts = new Parts(influx, kafka, alerts, checkins, hooks, audit);
    try {
      Sessions sessions = new Sessions(config.sessionTtl(), MAX_SESSIONS, clock);
      Javalin app =
          DashboardApp.create(
              services,
              new TokenAuthorizer(tokens),
              sessions,
              new SessionCookie(config.secureCookie()),
              audit,
              clock);
      app.start(config.host(), config.port());
      return new Dashboard(app, parts, config.host());
    } catch (RuntimeException e) {
      parts.closeReaders();
      parts.closeClients();
      throw e;
    }
  }

  public int port() {
    return app.port();
  }

  /**
   * The HTTP routes served, each as method and path ({@code GET /units/{unitId}}), read from
   * Javalin's router: what openapi.json must document (OpenApiRoutesTest).
   */
  List<String> routes() {
    return app.unsafe.internalRouter.allHttpHandlers().stream()
        .map(handler -> handler.endpoint)
        .filter(endpoint -> endpoint.method.isHttpMethod())
        .map(endpoint -> endpoint.method.name() + " " + endpoint.path)
        .toList();
  }

  /** The base URL, e.g. http://127.0.0.1:8080 (a wildcard host is shown as loopback). */
  public String url() {
    String h = host;
    if (h.equals("0.0.0.0") || h.equals("::") || h.isBlank()) h = "127.0.0.1";
    else if (h.contains(":") && !h.startsWith("[")) h = "[" + h + "]";
    return "http://" + h + ":" + port();
  }

  /**
   * Ends the alert streams (so no open connection holds the server up), then stops serving. Closing
   * again does nothing.
   */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) return;
    try {
      parts.closeReaders();
      app.stop();
    } finally {
      parts.closeClients();
    }
  }

  /** Runs from the PANTAU_* environment until the JVM is stopped. */
  public static void main(String[] args) {
    DashboardConfig config;
    TokenStore tokens;
    try {
      config = DashboardConfig.fromEnv();
      tokens = loadTokens(config.tokensFile());
    } catch (IllegalArgumentException | IllegalStateException e) {
      System.err.println("dashboard-api: " + e.getMessage());
      System.exit(2);
      return;
    }
    Dashboard dashboard = start(config, tokens);
    Runtime.getRuntime().addShutdownHook(new Thread(dashboard::close, "dashboard-api-stop"));
    System.out.println(
        "dashboard-api: serving "
            + dashboard.url()
            + " (InfluxDB "
            + config.influxUrl()
            + " database "
            + config.influxDb()
            + (config.influxUser() == null ? "" : " as " + config.influxUser())
            + ", Kafka "
            + config.kafkaBootstrap()
            + "; audit log "
            + DashboardConfig.auditLogFile(System.getenv())
            + " and topic "
            + Topics.AUDIT
            + ")");
  }

  /**
   * The tokens of the file PANTAU_TOKENS_FILE names.
   *
   * @throws IllegalStateException with a message for the operator when it is unset or unusable
   */
  static TokenStore loadTokens(Path file) {
    if (file == null) {
      throw new IllegalStateException(
          DashboardConfig.TOKENS_FILE
              + " is not set: name a JSON tokens file, e.g. [{\"name\": \"bkd-banten\","
              + " \"sha256\": \"<hex>\", \"role\": \"BKD_ADMIN\", \"regions\": [\"…\"],"
              + " \"units\": []}]");
    }
    if (!Files.isReadable(file)) {
      throw new IllegalStateException(
          DashboardConfig.TOKENS_FILE + ": cannot read " + file.toAbsolutePath());
    }
    try {
      return TokenStore.load(file);
    } catch (IOException e) {
      throw new IllegalStateException(
          DashboardConfig.TOKENS_FILE + ": cannot read " + file.toAbsolutePath() + ": " + e, e);
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(DashboardConfig.TOKENS_FILE + ": " + e.getMessage(), e);
    }
  }

  /** What the server stands on, closed in one order wherever it stops. */
  private record Parts(
      Influx influx,
      KafkaProbe kafka,
      AlertFeed alerts,
      CheckinBook checkins,
      Hooks hooks,
      Audit audit) {

    /** Ends the Kafka readers first, so no open alert stream holds the server up. */
    void closeReaders() {
      alerts.close();
      checkins.close();
      hooks.close();
    }

    /** After the last request: what the audit has queued is sent. */
    void closeClients() {
      audit.close();
      kafka.close();
      influx.close();
    }
  }
}
