package id.pantau.api;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every unit's latest occupancy for GET /api/v1/occupancy, read from InfluxDB at most once a period
 * and shared by every request: a province's board is polled by hundreds of screens, and one query
 * of every unit costs InfluxDB far more than a lookup in memory.
 *
 * <p>Single flight: the first request to find the snapshot a period old reads InfluxDB; the others
 * meanwhile answer from the snapshot they have (or, when it is two periods old, wait for that same
 * read), so concurrent requests never query concurrently. A failed read keeps the last snapshot,
 * served with its own time, until it is older than the staleness limit; then the failure is thrown
 * (InfluxDB unreachable: 503). After a failure the next read is tried a period later, not by every
 * request.
 */
public final class OccupancyCache {
  private static final Logger LOG = LoggerFactory.getLogger(OccupancyCache.class);

  private final Supplier<List<OccupancyRow>> source;
  private final long periodMs;
  private final long staleMs;
  private final Clock clock;
  private volatile OccupancySnapshot current;
  // Guarded by this: the read in flight, and the last read's failure (null after a success).
  private CompletableFuture<Void> inFlight;
  private RuntimeException failure;
  private long failedAtMs;

  /**
   * @param source one read of every unit's latest point ({@code OccupancyReader::latest}); the seam
   *     through which tests count the reads
   * @param period how long a read is served before the next (zero: every request reads, one read at
   *     a time)
   * @param staleLimit how old a read may grow while reading fails
   */
  public OccupancyCache(
      Supplier<List<OccupancyRow>> source, Duration period, Duration staleLimit, Clock clock) {
    this.source = Objects.requireNonNull(source, "source");
    this.periodMs = period.toMillis();
    this.staleMs = staleLimit.toMillis();
    this.clock = Objects.requireNonNull(clock, "clock");
    if (periodMs < 0 || staleMs < periodMs) {
      throw new IllegalArgumentException(
          "staleLimit: must be at least the period (" + period + "), got " + staleLimit);
    }
  }

  /**
   * The snapshot to serve now.
   *
   * @throws RuntimeException the last read's failure, when no snapshot is younger than the limit
   */
  OccupancySnapshot snapshot() {
    OccupancySnapshot s = current;
    long now = clock.millis();
    if (s != null && now - s.readAt().toEpochMilli() < periodMs) return s;
    CompletableFuture<Void> flight;
    boolean mine = false;
    synchronized (this) {
      flight = inFlight;
      if (flight == null && current == s && (failure == null || now - failedAtMs >= periodMs)) {
        flight = inFlight = new CompletableFuture<>();
        mine = true;
      }
    }
    if (mine) {
      read(flight);
    } else if (flight != null && (s == null || now - s.readAt().toEpochMilli() >= 2 * periodMs)) {
      flight.join();
    }
    return usable();
  }

  /** When the snapshot served was read; empty before the first read succeeded. */
  public Optional<Instant> readAt() {
    OccupancySnapshot s = current;
    return s == null ? Optional.empty() : Optional.of(s.readAt());
  }

  private void read(CompletableFuture<Void> flight) {
    // To the millisecond, as the answers show it.
    Instant at = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    try {
      current = new OccupancySnapshot(at, source.get());
      synchronized (this) {
        failure = null;
      }
    } catch (RuntimeException e) {
      OccupancySnapshot last = current;
      LOG.warn(
          "occupancy: reading InfluxDB failed ({}); {}",
          e.toString(),
          last == null ? "nothing read yet" : "serving the read of " + last.readAt());
      synchronized (this) {
        failure = e;
        failedAtMs = clock.millis();
      }
    } finally {
      synchronized (this) {
        inFlight = null;
      }
      flight.complete(null);
    }
  }

  private OccupancySnapshot usable() {
    OccupancySnapshot s = current;
    if (s != null && clock.millis() - s.readAt().toEpochMilli() <= staleMs) return s;
    RuntimeException f;
    synchronized (this) {
      f = failure;
    }
    if (f != null) throw f;
    // Another request's read is in flight and this one had a snapshot too old to serve: wait.
    CompletableFuture<Void> flight;
    synchronized (this) {
      flight = inFlight;
    }
    if (flight != null) flight.join();
    return snapshot();
  }
}
