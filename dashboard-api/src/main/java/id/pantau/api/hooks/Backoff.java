package id.pantau.api.hooks;

import java.time.Duration;

/**
 * How a delivery is retried: after {@code first}, doubling to {@code max}, until {@code
 * giveUpAfter} has passed since the first attempt (then it is recorded as failed and the hook moves
 * on).
 */
public record Backoff(Duration first, Duration max, Duration giveUpAfter) {
  /** 1 s doubling to 5 min, for an hour. */
  public static final Backoff DEFAULT =
      new Backoff(Duration.ofSeconds(1), Duration.ofMinutes(5), Duration.ofHours(1));

  public Backoff {
    if (first.isNegative() || first.isZero() || max.compareTo(first) < 0) {
      throw new IllegalArgumentException("backoff: first must be positive and at most max");
    }
  }

  /** The wait after {@code wait}: doubled, at most {@link #max}. */
  public Duration after(Duration wait) {
    Duration doubled = wait.multipliedBy(2);
    return doubled.compareTo(max) > 0 ? max : doubled;
  }
}
