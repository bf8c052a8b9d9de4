package id.pantau.infra;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * Waits on a condition with a deadline: servers get ready in seconds, a 50 ms poll costs nothing.
 */
public final class Poll {
  private static final long INTERVAL_MS = 50;

  private Poll() {}

  /** True as soon as the condition holds, false when the timeout passes first. */
  public static boolean until(Duration timeout, BooleanSupplier condition) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      if (condition.getAsBoolean()) {
        return true;
      }
      if (System.nanoTime() - deadline >= 0) {
        return false;
      }
      sleep(INTERVAL_MS);
    }
  }

  static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting", e);
    }
  }
}
