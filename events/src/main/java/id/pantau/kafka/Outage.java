package id.pantau.api;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;

/**
 * How a background Kafka reader (alert feed, check-in book) lives through an outage: a warning when
 * it begins and once a minute while it lasts, waits doubling from 1 s to 10 s between attempts, and
 * one line when reading works again. Used by the reader's own thread only.
 */
final class ReaderOutage {
  static final Duration MIN_BACKOFF = Duration.ofSeconds(1);
  static final Duration MAX_BACKOFF = Duration.ofSeconds(10);
  private static final Duration WARN_EVERY = Duration.ofMinutes(1);

  private final Logger log;
  private final String reader;
  private final String reading;
  private final String meanwhile;
  private Duration backoff = MIN_BACKOFF;
  private long failingSince;
  private long lastWarn;

  /**
   * @param reader who reads, e.g. "alert feed"
   * @param reading what it reads, e.g. "pantau.alerts.v1 on 127.0.0.1:9092"
   * @param meanwhile what users see during an outage ("" when nothing worth saying)
   */
  ReaderOutage(Logger log, String reader, String reading, String meanwhile) {
    this.log = log;
    this.reader = reader;
    this.reading = reading;
    this.meanwhile = meanwhile;
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

  /** A read failed: warns (at most once a minute) and returns how long to wait before retrying. */
  Duration readFailed(RuntimeException e) {
    long now = System.nanoTime();
    if (failingSince == 0 || now - lastWarn >= WARN_EVERY.toNanos()) {
      log.warn(
          "{}: cannot read {} ({}); retrying every {} s at most{}",
          reader,
          reading,
          e.toString(),
          MAX_BACKOFF.toSeconds(),
          meanwhile);
      lastWarn = now;
    }
    if (failingSince == 0) failingSince = now;
    Duration wait = backoff;
    backoff = backoff.multipliedBy(2);
    if (backoff.compareTo(MAX_BACKOFF) > 0) backoff = MAX_BACKOFF;
    return wait;
  }
}
