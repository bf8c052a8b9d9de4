package id.pantau.ingest;

import id.pantau.events.Env;
import id.pantau.events.TimeBounds;
import id.pantau.ingest.device.DeviceTokens;
import id.pantau.ingest.device.RateLimits;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * Every setting of ingest. {@link #fromEnv()} reads them from the environment (each variable is
 * optional); {@link #builder()} is for tests and the local demo.
 *
 * <table>
 *   <caption>Environment variables</caption>
 *   <tr><th>variable</th><th>default</th></tr>
 *   <tr><td>PANTAU_KAFKA_BOOTSTRAP</td><td>127.0.0.1:9092</td></tr>
 *   <tr><td>PANTAU_INGEST_HOST</td><td>0.0.0.0</td></tr>
 *   <tr><td>PANTAU_INGEST_PORT</td><td>8081 (0 picks a free port)</td></tr>
 *   <tr><td>PANTAU_TOKENS_FILE</td><td>none: no token is known</td></tr>
 *   <tr><td>PANTAU_INGEST_MAX_BODY_BYTES</td><td>5242880 (5 MiB)</td></tr>
 *   <tr><td>PANTAU_INGEST_MAX_LINES</td><td>10000 events (or CSV rows) per request</td></tr>
 *   <tr><td>PANTAU_INGEST_KAFKA_TIMEOUT_MS</td><td>5000: how long Kafka may take to acknowledge</td></tr>
 *   <tr><td>PANTAU_INGEST_DEDUP_CAPACITY</td><td>100000 recent event IDs</td></tr>
 *   <tr><td>PANTAU_INGEST_RELAX_DEVICE_AUTH</td><td>false (true only for the local demo, on loopback)</td></tr>
 *   <tr><td>PANTAU_INGEST_DEVICE_TOKENS</td><td>accept: bearer tokens of role DEVICE may post events
 *       (refuse: 401 for them, registered devices sign instead; {@link DeviceTokens})</td></tr>
 *   <tr><td>PANTAU_INGEST_DEVICE_RATE, PANTAU_INGEST_DEVICE_BURST, PANTAU_INGEST_BEARER_RATE,
 *       PANTAU_INGEST_BEARER_BURST</td><td>10/s and 100 per device, 1000/s and 10000 per token
 *       ({@link RateLimits})</td></tr>
 *   <tr><td>PANTAU_MAX_CLOCK_SKEW_MS, PANTAU_MAX_EVENT_AGE_MS, PANTAU_MAX_PLAN_AHEAD_MS</td><td>
 *       5 minutes, 7 days, 366 days: the times accepted ({@link TimeBounds})</td></tr>
 * </table>
 */
public record IngestConfig(
    String kafkaBootstrap,
    String host,
    int port,
    Path tokensFile,
    long maxBodyBytes,
    int maxLines,
    Duration kafkaTimeout,
    int dedupCapacity,
    boolean relaxDeviceAuth,
    DeviceTokens deviceTokens,
    TimeBounds timeBounds,
    RateLimits rateLimits) {

  public static final String DEFAULT_KAFKA_BOOTSTRAP = "127.0.0.1:9092";
  public static final String DEFAULT_HOST = "0.0.0.0";
  public static final int DEFAULT_PORT = 8081;
  public static final long DEFAULT_MAX_BODY_BYTES = 5L * 1024 * 1024;
  public static final int DEFAULT_MAX_LINES = 10_000;
  public static final Duration DEFAULT_KAFKA_TIMEOUT = Duration.ofSeconds(5);
  public static final int DEFAULT_DEDUP_CAPACITY = 100_000;

  public IngestConfig {
    Objects.requireNonNull(kafkaBootstrap, "kafkaBootstrap");
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(kafkaTimeout, "kafkaTimeout");
    Objects.requireNonNull(deviceTokens, "deviceTokens");
    Objects.requireNonNull(timeBounds, "timeBounds");
    Objects.requireNonNull(rateLimits, "rateLimits");
    if (kafkaBootstrap.isBlank()) throw new IllegalArgumentException("kafkaBootstrap is empty");
    if (port < 0 || port > 65535) throw new IllegalArgumentException("port must be 0-65535");
    if (maxBodyBytes < 1) throw new IllegalArgumentException("maxBodyBytes must be 1 or more");
    if (maxLines < 1) throw new IllegalArgumentException("maxLines must be 1 or more");
    if (kafkaTimeout.toMillis() < 1000) {
      throw new IllegalArgumentException("kafkaTimeout must be at least 1 s (got " + kafkaTimeout);
    }
    if (dedupCapacity < 0) throw new IllegalArgumentException("dedupCapacity must be 0 or more");
  }

  /** Seconds a client should wait before retrying when Kafka is unavailable. */
  public long retryAfterSeconds() {
    return Math.max(1, (kafkaTimeout.toMillis() + 999) / 1000);
  }

  public static IngestConfig fromEnv() {
    return fromEnv(System.getenv());
  }

  /** Reads the variables of the class comment from the map; a malformed value names itself. */
  public static IngestConfig fromEnv(Map<String, String> env) {
    String tokens = Env.text(env, "PANTAU_TOKENS_FILE", null);
    Builder b =
        builder()
            .kafkaBootstrap(Env.text(env, "PANTAU_KAFKA_BOOTSTRAP", DEFAULT_KAFKA_BOOTSTRAP))
            .host(Env.text(env, "PANTAU_INGEST_HOST", DEFAULT_HOST))
            .port(Env.port(env, "PANTAU_INGEST_PORT", DEFAULT_PORT))
            .tokensFile(tokens == null ? null : Path.of(tokens))
            .maxBodyBytes(Env.number(env, "PANTAU_INGEST_MAX_BODY_BYTES", DEFAULT_MAX_BODY_BYTES))
            .maxLines(
                Env.number(
                    env,
                    "PANTAU_INGEST_MAX_LINES",
                    DEFAULT_MAX_LINES,
                    1,
                    Integer.MAX_VALUE,
                    "a number of lines"))
            .kafkaTimeout(
                Duration.ofMillis(
                    Env.number(
                        env, "PANTAU_INGEST_KAFKA_TIMEOUT_MS", DEFAULT_KAFKA_TIMEOUT.toMillis())))
            .dedupCapacity(
                Env.number(
                    env,
                    "PANTAU_INGEST_DEDUP_CAPACITY",
                    DEFAULT_DEDUP_CAPACITY,
                    0,
                    Integer.MAX_VALUE,
                    "a number of event IDs"))
            .relaxDeviceAuth(Env.flag(env, "PANTAU_INGEST_RELAX_DEVICE_AUTH", false))
            .deviceTokens(DeviceTokens.fromEnv(env));
    try {
      b.timeBounds(TimeBounds.fromEnv(env));
      b.rateLimits(RateLimits.fromEnv(env));
      return b.build();
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("ingest configuration from the environment: " + e, e);
    }
  }

  public static Builder builder() {
    return new Builder();
  }

  public Builder toBuilder() {
    return new Builder()
        .kafkaBootstrap(kafkaBootstrap)
        .host(host)
        .port(port)
        .tokensFile(tokensFile)
        .maxBodyBytes(maxBodyBytes)
        .maxLines(maxLines)
        .kafkaTimeout(kafkaTimeout)
        .dedupCapacity(dedupCapacity)
        .relaxDeviceAuth(relaxDeviceAuth)
        .deviceTokens(deviceTokens)
        .timeBounds(timeBounds)
        .rateLimits(rateLimits);
  }

  /** Defaults as in the class comment. */
  public static final class Builder {
    private String kafkaBootstrap = DEFAULT_KAFKA_BOOTSTRAP;
    private String host = DEFAULT_HOST;
    private int port = DEFAULT_PORT;
    private Path tokensFile;
    private long maxBodyBytes = DEFAULT_MAX_BODY_BYTES;
    private int maxLines = DEFAULT_MAX_LINES;
    private Duration kafkaTimeout = DEFAULT_KAFKA_TIMEOUT;
    private int dedupCapacity = DEFAULT_DEDUP_CAPACITY;
    private boolean relaxDeviceAuth;
    private DeviceTokens deviceTokens = DeviceTokens.ACCEPT;
    private TimeBounds timeBounds = TimeBounds.DEFAULT;
    private RateLimits rateLimits = RateLimits.DEFAULT;

    private Builder() {}

    public Builder kafkaBootstrap(String v) {
      kafkaBootstrap = v;
      return this;
    }

    public Builder host(String v) {
      host = v;
      return this;
    }

    public Builder port(int v) {
      port = v;
      return this;
    }

    public Builder tokensFile(Path v) {
      tokensFile = v;
      return this;
    }

    public Builder maxBodyBytes(long v) {
      maxBodyBytes = v;
      return this;
    }

    public Builder maxLines(int v) {
      maxLines = v;
      return this;
    }

    public Builder kafkaTimeout(Duration v) {
      kafkaTimeout = v;
      return this;
    }

    public Builder dedupCapacity(int v) {
      dedupCapacity = v;
      return this;
    }

    public Builder relaxDeviceAuth(boolean v) {
      relaxDeviceAuth = v;
      return this;
    }

    public Builder deviceTokens(DeviceTokens v) {
      deviceTokens = v;
      return this;
    }

    public Builder timeBounds(TimeBounds v) {
      timeBounds = v;
      return this;
    }

    public Builder rateLimits(RateLimits v) {
      rateLimits = v;
      return this;
    }

    public IngestConfig build() {
      return new IngestConfig(
          kafkaBootstrap,
          host,
          port,
          tokensFile,
          maxBodyBytes,
          maxLines,
          kafkaTimeout,
          dedupCapacity,
          relaxDeviceAuth,
          deviceTokens,
          timeBounds,
          rateLimits);
    }
  }
}
