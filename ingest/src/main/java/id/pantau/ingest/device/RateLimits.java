package id.pantau.ingest.device;

import id.pantau.events.Env;
import java.util.Map;

/**
 * How many requests a device and a token may send: a token bucket each, refilled at {@code
 * perSecond} up to {@code burst}. A rate of 0 is no limit.
 *
 * <table>
 *   <caption>Environment variables</caption>
 *   <tr><th>variable</th><th>default</th></tr>
 *   <tr><td>PANTAU_INGEST_DEVICE_RATE, PANTAU_INGEST_DEVICE_BURST</td><td>10 requests/s, 100</td></tr>
 *   <tr><td>PANTAU_INGEST_BEARER_RATE, PANTAU_INGEST_BEARER_BURST</td><td>1000 requests/s, 10000</td></tr>
 * </table>
 */
public record RateLimits(Rate device, Rate token) {
  /** A bucket's refill per second and its size. */
  public record Rate(int perSecond, int burst) {
    public static final Rate NONE = new Rate(0, 0);

    public Rate {
      if (perSecond < 0) throw new IllegalArgumentException("perSecond must be 0 or more");
      if (perSecond > 0 && burst < 1) throw new IllegalArgumentException("burst must be 1 or more");
    }

    public boolean limited() {
      return perSecond > 0;
    }

    @Override
    public String toString() {
      return limited() ? perSecond + " requests a second (bursts of " + burst + ")" : "no limit";
    }
  }

  /** A phone posts a few times an hour, a kiosk a few times a minute at the morning peak. */
  public static final Rate DEFAULT_DEVICE = new Rate(10, 100);

  /** A token may be shared by a fleet of devices or carry an operator's bulk uploads. */
  public static final Rate DEFAULT_TOKEN = new Rate(1000, 10_000);

  public static final RateLimits DEFAULT = new RateLimits(DEFAULT_DEVICE, DEFAULT_TOKEN);
  public static final RateLimits NONE = new RateLimits(Rate.NONE, Rate.NONE);

  public static RateLimits fromEnv(Map<String, String> env) {
    return new RateLimits(
        rate(env, "PANTAU_INGEST_DEVICE_RATE", "PANTAU_INGEST_DEVICE_BURST", DEFAULT_DEVICE),
        rate(env, "PANTAU_INGEST_BEARER_RATE", "PANTAU_INGEST_BEARER_BURST", DEFAULT_TOKEN));
  }

  private static Rate rate(Map<String, String> env, String rate, String burst, Rate fallback) {
    return new Rate(
        Env.number(
            env, rate, fallback.perSecond(), 0, 1_000_000, "requests a second (0: no limit)"),
        Env.number(env, burst, fallback.burst(), 1, 10_000_000, "a number of requests"));
  }
}
