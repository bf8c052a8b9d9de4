package id.pantau.jobs;

import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.common.eventtime.WatermarkGenerator;
import org.apache.flink.api.common.eventtime.WatermarkOutput;

/**
 * Bounded out-of-orderness, plus: when no event has arrived for a while, event time follows the
 * wall clock (less the bound); a replay that stalls moves on only by the stall. Deadlines and the
 * once-a-minute points then still fire on a quiet night or an idle partition, and an event posted
 * in a quiet moment shows at once instead of waiting for later traffic to push the watermark.
 */
public final class LiveWatermarks<T> implements WatermarkGenerator<T> {
  /** Timestamps of records that carry no event time (dead letters) are ignored. */
  public static final long NO_TIME = Long.MIN_VALUE;

  /** A source whose last event arrived this soon after its event time is live. */
  static final long LIVE_WITHIN_MS = 60_000;

  private final long maxOutOfOrderMs;
  private final long idleAdvanceMs;
  private final java.util.function.LongSupplier clock;
  private long maxTimestamp = Long.MIN_VALUE;
  private long lastEventWallMs;
  private long emitted = Long.MIN_VALUE;

  public LiveWatermarks(
      long maxOutOfOrderMs, long idleAdvanceMs, java.util.function.LongSupplier clock) {
    this.maxOutOfOrderMs = maxOutOfOrderMs;
    this.idleAdvanceMs = idleAdvanceMs;
    this.clock = clock;
    this.lastEventWallMs = clock.getAsLong();
  }

  @Override
  public void onEvent(T event, long eventTimestamp, WatermarkOutput output) {
    if (eventTimestamp == NO_TIME) return;
    if (eventTimestamp > maxTimestamp) maxTimestamp = eventTimestamp;
    lastEventWallMs = clock.getAsLong();
  }

  @Override
  public void onPeriodicEmit(WatermarkOutput output) {
    long candidate =
        maxTimestamp == Long.MIN_VALUE ? Long.MIN_VALUE : maxTimestamp - maxOutOfOrderMs;
    long now = clock.getAsLong();
    long idleFor = now - lastEventWallMs;
    if (idleAdvanceMs > 0 && idleFor >= idleAdvanceMs) {
      // A live source (its last event arrived within a minute of its time) follows the wall clock.
      // A replay or a catch-up that only stalls (backpressure) moves on from its last event by the
      // stall, so the backlog behind it is not all made late at once.
      boolean live =
          maxTimestamp == Long.MIN_VALUE || lastEventWallMs - maxTimestamp <= LIVE_WITHIN_MS;
      long follows = live ? now : Math.min(now, maxTimestamp + idleFor);
      candidate = Math.max(candidate, follows - maxOutOfOrderMs);
    }
    if (candidate > emitted) {
      emitted = candidate;
      output.emitWatermark(new Watermark(candidate));
    }
  }
}
