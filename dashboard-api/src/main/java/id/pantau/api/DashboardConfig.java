package id.pantau.api;

import id.pantau.events.Env;
import id.pantau.events.Redacted;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Where the dashboard listens and what it reads. {@link #fromEnv()} for deployments; the
 * constructor for tests and the local demo.
 *
 * @param tokensFile the JSON tokens file; null when none is named
 * @param followUpDays how many local dates the follow-ups keep (today and the days before)
 * @param influxUser the InfluxDB user the readers log in as (READ on the database is enough); null
 *     when InfluxDB runs without auth
 * @param influxPassword its password, null without a user; never printed by {@link #toString()}
 * @param sessionTtl how long a browser session lasts after sign-in
 * @param secureCookie whether the session cookie is marked Secure (sent over HTTPS only): on for
 *     any deployment reached over TLS, off for the loopback demo over plain HTTP
 * @param occupancyCacheMs how long one read of every unit's latest occupancy is served before
 *     InfluxDB is read again (0: every request reads it, one read at a time)
 * @param occupancyStaleMs how old that read may grow while InfluxDB fails before the occupancy
 *     answers 503
 */
public record DashboardConfig(
    String influxUrl,
    String influxDb,
    String kafkaBootstrap,
    String host,
    int port,
    Path tokensFile,
    int followUpDays,
    String influxUser,
    String influxPassword,
    Duration sessionTtl,
    boolean secureCookie,
    int occupancyCacheMs,
    int occupancyStaleMs) {

  public static final String INFLUX_URL = "PANTAU_INFLUX_URL";
  public static final String INFLUX_DB = "PANTAU_INFLUX_DB";
  public static final String KAFKA_BOOTSTRAP = "PANTAU_KAFKA_BOOTSTRAP";
  public static final String API_PORT = "PANTAU_API_PORT";
  public static final String API_HOST = "PANTAU_API_HOST";
  public static final String TOKENS_FILE = "PANTAU_TOKENS_FILE";
  public static final String FOLLOWUP_DAYS = "PANTAU_FOLLOWUP_DAYS";
  public static final String INFLUX_USER = "PANTAU_INFLUX_USER";
  public static final String INFLUX_PASSWORD = "PANTAU_INFLUX_PASSWORD";
  public static final String SESSION_TTL_MS = "PANTAU_SESSION_TTL_MS";
  public static final String SESSION_SECURE_COOKIE = "PANTAU_SESSION_SECURE_COOKIE";
  public static final String OCCUPANCY_CACHE_MS = "PANTAU_OCCUPANCY_CACHE_MS";
  public static final String OCCUPANCY_STALE_MS = "PANTAU_OCCUPANCY_STALE_MS";

  /**
   * The audit log file: read by log4j2.properties ({@code ${env:…}}), named here so deployments set
   * it; default {@link #DEFAULT_AUDIT_LOG} in the working directory.
   */
  public static final String AUDIT_LOG = "PANTAU_AUDIT_LOG";

  public static final String DEFAULT_AUDIT_LOG = "pantau-audit.jsonl";
  public static final Duration DEFAULT_SESSION_TTL = Duration.ofHours(8);
  public static final Duration MAX_SESSION_TTL = Duration.ofDays(7);

  public static final String DEFAULT_INFLUX_URL = "http://127.0.0.1:8086";
  public static final String DEFAULT_INFLUX_DB = "pantau";
  public static final String DEFAULT_KAFKA_BOOTSTRAP = "127.0.0.1:9092";
  public static final String DEFAULT_HOST = "0.0.0.0";
  public static final int DEFAULT_PORT = 8080;
  public static final int DEFAULT_FOLLOWUP_DAYS = CheckinBook.DEFAULT_DAYS;
  public static final int MAX_FOLLOWUP_DAYS = 31;
  public static final int DEFAULT_OCCUPANCY_CACHE_MS = 1_000;
  public static final int MAX_OCCUPANCY_CACHE_MS = 60_000;
  public static final int DEFAULT_OCCUPANCY_STALE_MS = 60_000;
  public static final int MAX_OCCUPANCY_STALE_MS = 3_600_000;

  public DashboardConfig {
    Objects.requireNonNull(influxUrl, "influxUrl");
    Objects.requireNonNull(influxDb, "influxDb");
    Objects.requireNonNull(kafkaBootstrap, "kafkaBootstrap");
    Objects.requireNonNull(host, "host");
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port: must be 0 to 65535 (got " + port + ")");
    }
    if (followUpDays < 1 || followUpDays > MAX_FOLLOWUP_DAYS) {
      throw new IllegalArgumentException(
          "followUpDays: must be 1 to " + MAX_FOLLOWUP_DAYS + " (got " + followUpDays + ")");
    }
    Objects.requireNonNull(sessionTtl, "sessionTtl");
    if (sessionTtl.toMillis() < 1 || sessionTtl.compareTo(MAX_SESSION_TTL) > 0) {
      throw new IllegalArgumentException(
          "sessionTtl: must be 1 ms to 7 days (got " + sessionTtl + ")");
    }
    Env.bothOrNeither(
        INFLUX_USER, influxUser, INFLUX_PASSWORD, influxPassword, "InfluxDB with auth");
    if (occupancyCacheMs < 0 || occupancyCacheMs > MAX_OCCUPANCY_CACHE_MS) {
      throw new IllegalArgumentException(
          "occupancyCacheMs: must be 0 to "
              + MAX_OCCUPANCY_CACHE_MS
              + " (got "
              + occupancyCacheMs
              + ")");
    }
    if (occupancyStaleMs < occupancyCacheMs || occupancyStaleMs > MAX_OCCUPANCY_STALE_MS) {
      throw new IllegalArgumentException(
          "occupancyStaleMs: must be from occupancyCacheMs ("
              + occupancyCacheMs
              + ") to "
              + MAX_OCCUPANCY_STALE_MS
              + " (got "
              + occupancyStaleMs
              + ")");
    }
  }

  /**
   * The defaults but for where it reads and listens: no InfluxDB login, follow-ups kept for 3 days,
   * 8 h sessions (cookie not Secure), the occupancy cache's 1 s served and 60 s while InfluxDB
   * fails; the with… methods change the rest.
   */
  public DashboardConfig(
      String influxUrl,
      String influxDb,
      String kafkaBootstrap,
      String host,
      int port,
      Path tokensFile) {
    this(
        influxUrl,
        influxDb,
        kafkaBootstrap,
        host,
        port,
        tokensFile,
        DEFAULT_FOLLOWUP_DAYS,
        null,
        null,
        DEFAULT_SESSION_TTL,
        false,
        DEFAULT_OCCUPANCY_CACHE_MS,
        DEFAULT_OCCUPANCY_STALE_MS);
  }

  /** The default port and settings, with the given port (0 picks a free one) and tokens file. */
  public static DashboardConfig defaults(int port, Path tokensFile) {
    return new DashboardConfig(
        DEFAULT_INFLUX_URL,
        DEFAULT_INFLUX_DB,
        DEFAULT_KAFKA_BOOTSTRAP,
        DEFAULT_HOST,
        port,
        tokensFile);
  }

  public static DashboardConfig fromEnv() {
    return fromEnv(System.getenv());
  }

  /**
   * Reads the PANTAU_* variables; a variable unset or blank takes its default.
   *
   * @throws IllegalArgumentException naming the variable whose value is unusable
   */
  public static DashboardConfig fromEnv(Map<String, String> env) {
    String tokens = Env.text(env, TOKENS_FILE, null);
    int ttlMs =
        Env.number(
            env,
            SESSION_TTL_MS,
            (int) DEFAULT_SESSION_TTL.toMillis(),
            1,
            (int) MAX_SESSION_TTL.toMillis(),
            "a number of milliseconds");
    return new DashboardConfig(
        Env.text(env, INFLUX_URL, DEFAULT_INFLUX_URL),
        Env.text(env, INFLUX_DB, DEFAULT_INFLUX_DB),
        Env.text(env, KAFKA_BOOTSTRAP, DEFAULT_KAFKA_BOOTSTRAP),
        Env.text(env, API_HOST, DEFAULT_HOST),
        Env.port(env, API_PORT, DEFAULT_PORT),
        tokens == null ? null : Path.of(tokens),
        Env.number(
            env, FOLLOWUP_DAYS, DEFAULT_FOLLOWUP_DAYS, 1, MAX_FOLLOWUP_DAYS, "a number of days"),
        Env.text(env, INFLUX_USER, null),
        Env.text(env, INFLUX_PASSWORD, null),
        Duration.ofMillis(ttlMs),
        Env.flag(env, SESSION_SECURE_COOKIE, false),
        Env.number(
            env,
            OCCUPANCY_CACHE_MS,
            DEFAULT_OCCUPANCY_CACHE_MS,
            0,
            MAX_OCCUPANCY_CACHE_MS,
            "milliseconds"),
        Env.number(
            env,
            OCCUPANCY_STALE_MS,
            DEFAULT_OCCUPANCY_STALE_MS,
            0,
            MAX_OCCUPANCY_STALE_MS,
            "milliseconds"));
  }

  public DashboardConfig withPort(int newPort) {
    return with(e -> e.port = newPort);
  }

  /** As a record prints itself, with the InfluxDB password left out. */
  @Override
  public String toString() {
    return Redacted.toString(this, "influxPassword");
  }

  /**
   * The same, keeping the follow-ups of {@code days} local dates (1 to {@link #MAX_FOLLOWUP_DAYS});
   * {@link CheckinBook#daysToKeep} says how many reach back to a given date.
   */
  public DashboardConfig withFollowUpDays(int days) {
    return with(e -> e.followUpDays = days);
  }

  /** The same, with browser sessions lasting {@code ttl}, their cookie Secure or not. */
  public DashboardConfig withSession(Duration ttl, boolean secure) {
    return with(
        e -> {
          e.sessionTtl = ttl;
          e.secureCookie = secure;
        });
  }

  /**
   * The same, serving one read of the occupancy for {@code cacheMs} and, while InfluxDB fails,
   * until it is {@code staleMs} old.
   */
  public DashboardConfig withOccupancyCache(int cacheMs, int staleMs) {
    return with(
        e -> {
          e.occupancyCacheMs = cacheMs;
          e.occupancyStaleMs = staleMs;
        });
  }

  /** The audit log file the environment names (as log4j2.properties reads it). */
  public static String auditLogFile(Map<String, String> env) {
    return Env.text(env, AUDIT_LOG, DEFAULT_AUDIT_LOG);
  }

  /** A copy with some settings changed: each with… method names only what it changes. */
  private DashboardConfig with(Consumer<Edit> change) {
    Edit e = new Edit(this);
    change.accept(e);
    return new DashboardConfig(
        influxUrl,
        influxDb,
        kafkaBootstrap,
        host,
        e.port,
        tokensFile,
        e.followUpDays,
        influxUser,
        influxPassword,
        e.sessionTtl,
        e.secureCookie,
        e.occupancyCacheMs,
        e.occupancyStaleMs);
  }

  /** The settings a with… method may change, starting as they are. */
  private static final class Edit {
    int port;
    int followUpDays;
    Duration sessionTtl;
    boolean secureCookie;
    int occupancyCacheMs;
    int occupancyStaleMs;

    Edit(DashboardConfig c) {
      port = c.port;
      followUpDays = c.followUpDays;
      sessionTtl = c.sessionTtl;
      secureCookie = c.secureCookie;
      occupancyCacheMs = c.occupancyCacheMs;
      occupancyStaleMs = c.occupancyStaleMs;
    }
  }
}
