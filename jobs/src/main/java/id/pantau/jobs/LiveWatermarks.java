package id.pantau.jobs;

import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.common.eventtime.WatermarkGenerator;
import org.apache.flink.api.common.eventtime.WatermarkOutput;

/**
 * Bounded out-of-orderness, plus: when no event has arrived for a while, event time follows the
 * wall clock (less the bound). Deadlines and the once-a-minute points then still fire on a quiet
 * night or an idle partition, and an event posted in a quiet moment shows at once instead of
 * waiting for later traffic to push the watermark.
 */
public final class LiveWatermarks<T> implements WatermarkGenerator<T> {
  /** Timestamps of records that carry no event time (dead letters) are ignored. */
  public static final long NO_TIME = Long.MIN_VALUE;

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
    if (idleAdvanceMs > 0 && now - lastEventWallMs >= idleAdvanceMs) {
      candidate = Math.max(candidate, now - maxOutOfOrderMs);
    }
    if (candidate > emitted) {
      emitted = candidate;
      output.emitWatermark(new Watermark(candidate));
    }
  }
}
