package id.pantau.kafka;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;

/**
 * How a {@link TopicFollower} lives through an outage: every failed attempt at DEBUG, one WARN line
 * (no stack trace) when it begins and once a minute while it lasts, waits doubling from 1 s to 10 s
 * between attempts, and one INFO line when reading works again. Used by the follower's own thread
 * only.
 */
final class Outage {
  static final Duration MIN_BACKOFF = Duration.ofSeconds(1);
  static final Duration MAX_BACKOFF = Duration.ofSeconds(10);
  private static final Duration WARN_EVERY = Duration.ofMinutes(1);

  private final Logger log;
  private final String reader;
  private final String reading;
  private Duration backoff = MIN_BACKOFF;
  private long failingSince;
  private long lastWarn;

  /**
   * @param reader who reads, e.g. "alert feed"
   * @param reading what it reads, e.g. "pantau.alerts.v1 on 127.0.0.1:9092"
   */
  Outage(Logger log, String reader, String reading) {
    this.log = log;
    this.reader = reader;
    this.reading = reading;
  }

  /** A read worked: ends an outage, if there was one. */
  void readWorked() {
    if (failingSince == 0) return;
    log.info(
        "{}: reading {} again after {} s",
        reader,
        reading,
        TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - failingSince));
    failingSince = 0;
    backoff = MIN_BACKOFF;
  }

  /** A read failed: logs it and returns how long to wait before retrying. */
  Duration readFailed(RuntimeException e) {
    long now = System.nanoTime();
    log.debug("{}: reading {} failed: {}", reader, reading, e.toString());
    if (failingSince == 0 || now - lastWarn >= WARN_EVERY.toNanos()) {
      log.warn(
          "{}: cannot read {} ({}); retrying every {} s at most",
          reader,
          reading,
          e.toString(),
          MAX_BACKOFF.toSeconds());
      lastWarn = now;
    }
    if (failingSince == 0) failingSince = now;
    Duration wait = backoff;
    backoff = backoff.multipliedBy(2);
    if (backoff.compareTo(MAX_BACKOFF) > 0) backoff = MAX_BACKOFF;
    return wait;
  }
}
