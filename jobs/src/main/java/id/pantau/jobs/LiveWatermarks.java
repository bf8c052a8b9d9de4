package id.pantau.jobs;

import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.common.eventtime.WatermarkGenerator;
import org.apache.flink.api.common.eventtime.WatermarkOutput;

/**
 * Bounded out-of-orderness, plus: when no event has arrived for a while, event time follows the
 * wall clock (less the bound). Deadlines and the once-a-minute points then still fire on a quiet
 * night or an idle partition, and an event posted in a quiet moment shows at once instead of
 * waiting for later traffic to push the watermark.
 *
 * <p>Live, event time never runs ahead of the wall clock: an event stamped later than now (a phone
 * whose clock is fast) counts as now. One such event would otherwise move the watermark of every
 * unit read by the same source ahead, roll their days forward and make every real event after it
 * late, so a unit's count would lose events because of another event. The event itself still waits
 * for its own time in the operators.
 */
public final class LiveWatermarks<T> implements WatermarkGenerator<T> {
  /** Timestamps of records that carry no event time (dead letters) are ignored. */
  public static final long NO_TIME = Long.MIN_VALUE;

  private final long maxOutOfOrderMs;
  private final long idleAdvanceMs;
  private final java.util.function.LongSupplier clock;
  private final boolean notAheadOfClock;
  private long maxTimestamp = Long.MIN_VALUE;
  private long lastEventWallMs;
  private long emitted = Long.MIN_VALUE;

  /** Event time as the events say, however far ahead of the clock (tests of the bound alone). */
  public LiveWatermarks(
      long maxOutOfOrderMs, long idleAdvanceMs, java.util.function.LongSupplier clock) {
    this(maxOutOfOrderMs, idleAdvanceMs, clock, false);
  }

  /**
   * @param notAheadOfClock live: an event's time counts at most as the clock's now (see above); a
   *     bounded replay passes false, its event time is the input's alone
   */
  public LiveWatermarks(
      long maxOutOfOrderMs,
      long idleAdvanceMs,
      java.util.function.LongSupplier clock,
      boolean notAheadOfClock) {
    this.maxOutOfOrderMs = maxOutOfOrderMs;
    this.idleAdvanceMs = idleAdvanceMs;
    this.clock = clock;
    this.notAheadOfClock = notAheadOfClock;
    this.lastEventWallMs = clock.getAsLong();
  }

  @Override
  public void onEvent(T event, long eventTimestamp, WatermarkOutput output) {
    if (eventTimestamp == NO_TIME) return;
    long now = clock.getAsLong();
    long t = notAheadOfClock ? Math.min(eventTimestamp, now) : eventTimestamp;
    if (t > maxTimestamp) maxTimestamp = t;
    lastEventWallMs = now;
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
