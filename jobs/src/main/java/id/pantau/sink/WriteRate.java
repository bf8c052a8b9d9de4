package id.pantau.sink;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;

/**
 * The points per second that every InfluxDB writer of this JVM sends to one server, together: a
 * replay or a catch-up reads Kafka far faster than live traffic comes, and InfluxDB, which also
 * answers Grafana and the dashboard while it writes, must not be flooded. A writer asks before each
 * batch and waits when the rate is spent: back-pressure, so the job slows, nothing is dropped.
 *
 * <p>A second of credit builds up while idle, so live batches (a few hundred points) go at once.
 * The rate is per JVM: on a cluster of several TaskManagers each gets it, so there it is set to the
 * total divided by the TaskManagers.
 */
final class WriteRate {
  private static final ConcurrentHashMap<String, WriteRate> BY_SERVER = new ConcurrentHashMap<>();
  private static final long CREDIT_NANOS = 1_000_000_000L;

  private final double nanosPerPoint;
  private final LongSupplier clock;
  private long due; // when the points granted so far are paid for at the rate; up to a second ahead

  WriteRate(int pointsPerSecond, LongSupplier nanoClock) {
    if (pointsPerSecond < 1) {
      throw new IllegalArgumentException("influx maxPointsPerSecond: must be at least 1");
    }
    this.nanosPerPoint = 1e9 / pointsPerSecond;
    this.clock = nanoClock;
    this.due = nanoClock.getAsLong();
  }

  /** The JVM's rate for the server, or null when unlimited (0). */
  static WriteRate forServer(String url, int pointsPerSecond) {
    if (pointsPerSecond == 0) return null;
    return BY_SERVER.computeIfAbsent(
        url + " " + pointsPerSecond, k -> new WriteRate(pointsPerSecond, System::nanoTime));
  }

  /** Grants {@code points}; returns the nanoseconds the caller must wait before sending them. */
  synchronized long reserve(int points) {
    long now = clock.getAsLong();
    due = dueAfter(points, now);
    return Math.max(0, due - now - CREDIT_NANOS);
  }

  /** How long until {@code points} could go without waiting, granting nothing; 0 if now. */
  synchronized long nanosUntil(int points) {
    long now = clock.getAsLong();
    return Math.max(0, dueAfter(points, now) - now - CREDIT_NANOS);
  }

  /** When {@code points} more would be paid for at the rate. */
  private long dueAfter(int points, long now) {
    return Math.max(due, now) + (long) (points * nanosPerPoint);
  }

  /** Grants {@code points} and waits until they may be sent; returns the milliseconds waited. */
  long await(int points) {
    long wait = reserve(points);
    if (wait == 0) return 0;
    long until = System.nanoTime() + wait;
    for (long left = wait; left > 0; left = until - System.nanoTime()) LockSupport.parkNanos(left);
    return wait / 1_000_000;
  }
}
