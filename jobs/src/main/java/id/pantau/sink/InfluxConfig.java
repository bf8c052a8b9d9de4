package id.pantau.sink;

import id.pantau.events.Redacted;
import java.io.Serializable;
import java.net.URI;

/**
 * Where and how the sink writes; checked when the sink is built, not at the first write.
 *
 * @param retryForMs how long a failing write is retried, with a backoff doubling from {@code
 *     firstBackoffMs}, before it is rethrown (and the job restarts from its last checkpoint)
 * @param user the InfluxDB user to write as, null without auth; it needs READ and WRITE on the
 *     database (ALL), or admin rights when the database or its retention policies are still to be
 *     made ({@link InfluxLineClient#ensureDatabase()})
 * @param password the user's password, null without auth; never printed by {@link #toString()}
 * @param maxPointsPerSecond the points per second this JVM's writers send to the server together
 *     ({@link WriteRate}), 0 for no limit
 */
public record InfluxConfig(
    String url,
    String database,
    int batchSize,
    long flushIntervalMs,
    long retryForMs,
    long firstBackoffMs,
    String retentionPolicy,
    String user,
    String password,
    int maxPointsPerSecond)
    implements Serializable {

  /**
   * How long a write is retried by default: an InfluxDB restart or a short outage is ridden out.
   */
  public static final long RETRY_FOR_MS = 300_000;

  public InfluxConfig {
    if (url == null || url.isBlank()) throw new IllegalArgumentException("influx url: is required");
    URI uri;
    try {
      uri = URI.create(url);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("influx url: not a URL (" + url + ")");
    }
    if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())
        || uri.getHost() == null) {
      throw new IllegalArgumentException(
          "influx url: must be http(s)://host:port (got " + url + ")");
    }
    if (database == null || !database.matches("[A-Za-z0-9_]+")) {
      throw new IllegalArgumentException(
          "influx database: must be letters, digits or _ (got " + database + ")");
    }
    if (batchSize < 1) throw new IllegalArgumentException("influx batchSize: must be at least 1");
    if (flushIntervalMs < 1)
      throw new IllegalArgumentException("influx flushIntervalMs: must be at least 1");
    if (retryForMs < 0)
      throw new IllegalArgumentException("influx retryForMs: must be zero or more");
    if (retentionPolicy == null) retentionPolicy = "";
    if (!retentionPolicy.isEmpty() && !retentionPolicy.matches("[A-Za-z0-9_]+")) {
      throw new IllegalArgumentException(
          "influx retentionPolicy: must be letters, digits or _ (got " + retentionPolicy + ")");
    }
    if (firstBackoffMs < 1)
      throw new IllegalArgumentException("influx firstBackoffMs: must be at least 1");
    if (user != null && user.isBlank()) user = null;
    if ((user == null) != (password == null)) {
      throw new IllegalArgumentException("influx user, password: give both (auth) or neither");
    }
    if (maxPointsPerSecond < 0) {
      throw new IllegalArgumentException(
          "influx maxPointsPerSecond: must be zero (no limit) or more (got "
              + maxPointsPerSecond
              + ")");
    }
  }

  /** True when the sink logs in (InfluxDB with auth). */
  public boolean hasLogin() {
    return user != null;
  }

  /**
   * InfluxDB down or restarting: a write is retried for {@link #RETRY_FOR_MS}, the task waiting
   * meanwhile (back-pressure), then rethrown.
   */
  public static InfluxConfig of(String url, String database, int batchSize, long flushIntervalMs) {
    return new InfluxConfig(
        url, database, batchSize, flushIntervalMs, RETRY_FOR_MS, 200, "", null, null, 0);
  }

  /** The same, writing into another retention policy (e.g. "trends" for the daily rollups). */
  public InfluxConfig withRetentionPolicy(String policy) {
    return with(policy, user, password, maxPointsPerSecond);
  }

  /** The same, logging in as the user (both null: no auth). */
  public InfluxConfig withLogin(String newUser, String newPassword) {
    return with(retentionPolicy, newUser, newPassword, maxPointsPerSecond);
  }

  /** The same, sending at most this many points per second (0: no limit), see {@link WriteRate}. */
  public InfluxConfig withMaxPointsPerSecond(int rate) {
    return with(retentionPolicy, user, password, rate);
  }

  private InfluxConfig with(String policy, String newUser, String newPassword, int rate) {
    return new InfluxConfig(
        url,
        database,
        batchSize,
        flushIntervalMs,
        retryForMs,
        firstBackoffMs,
        policy,
        newUser,
        newPassword,
        rate);
  }

  /** As a record prints itself, with the password left out. */
  @Override
  public String toString() {
    return Redacted.toString(this, "password");
  }
}
