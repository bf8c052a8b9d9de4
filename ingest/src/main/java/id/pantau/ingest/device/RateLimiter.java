package id.pantau.ingest.device;

import id.pantau.ingest.IngestException;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A token bucket per caller (a device, a token), on the wall clock (load is real time, whatever
 * clock stamps the events). Callers are keyed only once authenticated, so strangers cannot fill the
 * map. Over the limit: 429 with Retry-After, the seconds until the next request is allowed.
 */
public final class RateLimiter {
  private final RateLimits limits;
  private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();

  public RateLimiter(RateLimits limits) {
    this.limits = limits;
  }

  /** One request of a device; 429 naming {@code X-Pantau-Device} over the limit. */
  public void device(String deviceId) {
    take("device " + deviceId, limits.device(), "X-Pantau-Device", "device '" + deviceId + "'");
  }

  /** One request with a token; 429 naming {@code Authorization} over the limit. */
  public void token(String tokenName) {
    take("token " + tokenName, limits.token(), "Authorization", "the token '" + tokenName + "'");
  }

  private void take(String key, RateLimits.Rate rate, String field, String who) {
    if (!rate.limited()) return;
    long waitNanos = buckets.computeIfAbsent(key, k -> new Bucket(rate)).take(System.nanoTime());
    if (waitNanos == 0) return;
    long retryAfter = Math.max(1, (waitNanos + 999_999_999L) / 1_000_000_000L);
    String reason =
        who + " sent more than " + rate + "; retry after " + retryAfter + " s, or send fewer";
    throw new IngestException(429, reason, List.of(field + ": " + reason), retryAfter);
  }

  /** Tokens refill continuously; a request takes one or learns how long until one is there. */
  private static final class Bucket {
    private final double perNano;
    private final double burst;
    private double tokens;
    private long at;

    Bucket(RateLimits.Rate rate) {
      this.perNano = rate.perSecond() / 1e9;
      this.burst = rate.burst();
      this.tokens = burst;
      this.at = System.nanoTime();
    }

    /** 0 when a token was taken, else the nanoseconds until one will be there. */
    synchronized long take(long now) {
      tokens = Math.min(burst, tokens + (now - at) * perNano);
      at = now;
      if (tokens >= 1) {
        tokens -= 1;
        return 0;
      }
      return (long) Math.ceil((1 - tokens) / perNano);
    }
  }
}
