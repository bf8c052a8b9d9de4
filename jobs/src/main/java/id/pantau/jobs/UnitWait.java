package id.pantau.jobs;

import org.apache.flink.streaming.api.TimerService;

/**
 * How long a fact waits for its unit (reference data, read from a topic of its own) before it is a
 * dead letter.
 *
 * <p>Live, the grace in processing time: a unit registered a moment after its first events. A wait
 * armed before a crash must not end the moment the job is restored, when its processing-time timer
 * is long due but the restored sources are still reading again what came after the checkpoint,
 * units among it: a wait armed by an earlier run ends no earlier than {@link #RESTORED_WAIT_MS}
 * after this run started. For the same reason a wait armed by a restored run in its first {@link
 * #RESTORED_WAIT_MS} (a fact read again, its unit not yet) lasts until then at least.
 *
 * <p>A bounded replay ({@link #UNTIL_INPUT_ENDS}) reads every topic at once at whatever speed the
 * machine allows, so no span of processing time says a unit will not come: a fact waits until the
 * input ends (an event-time timer at the end of time), and only then is it a dead letter.
 */
public final class UnitWait implements java.io.Serializable {
  private static final long serialVersionUID = 1L;

  /** The grace of a bounded replay: until the input ends. */
  public static final long UNTIL_INPUT_ENDS = -1;

  /** The least wait, after this run started, of a wait armed by an earlier run. */
  public static final long RESTORED_WAIT_MS = 60_000;

  private final long graceMs;
  private long startedAt = Long.MIN_VALUE;
  private boolean restored;

  /**
   * @param graceMs the grace in processing time, or {@link #UNTIL_INPUT_ENDS}
   */
  public UnitWait(long graceMs) {
    if (graceMs < 0 && graceMs != UNTIL_INPUT_ENDS) {
      throw new IllegalArgumentException("unit grace: must be zero or more");
    }
    this.graceMs = graceMs;
  }

  /**
   * This run was restored from a checkpoint or savepoint (its sources read again what followed).
   */
  public void restored(boolean restored) {
    this.restored = restored;
  }

  /** Arms the wait of a fact that starts now; returns the moment it ends. */
  public long arm(TimerService timers) {
    if (graceMs == UNTIL_INPUT_ENDS) {
      timers.registerEventTimeTimer(Long.MAX_VALUE);
      return Long.MAX_VALUE;
    }
    long now = noteStart(timers);
    long end = now + graceMs;
    if (restored && graceMs > 0) end = Math.max(end, startedAt + RESTORED_WAIT_MS);
    timers.registerProcessingTimeTimer(end);
    return end;
  }

  /**
   * When a wait armed to end at {@code armedEnd} ends, asked at one of its timers: the wait is over
   * when that is no later than the timer's time. A wait armed by an earlier run ends {@link
   * #RESTORED_WAIT_MS} after this run started at the earliest (its timer is armed for then); a
   * replay's wait ends with the input.
   */
  public long endOf(long armedEnd, TimerService timers) {
    if (graceMs == UNTIL_INPUT_ENDS) {
      return timers.currentWatermark() == Long.MAX_VALUE ? armedEnd : Long.MAX_VALUE;
    }
    long startedNow = noteStart(timers);
    // This run arms its waits after it started, so a wait that ends at or before then is older.
    if (armedEnd > startedAt || graceMs == 0) return armedEnd;
    long end = Math.max(armedEnd, startedAt + Math.max(graceMs, RESTORED_WAIT_MS));
    if (end > startedNow) {
      timers.registerProcessingTimeTimer(end);
      return end;
    }
    return armedEnd;
  }

  private long noteStart(TimerService timers) {
    long now = timers.currentProcessingTime();
    if (startedAt == Long.MIN_VALUE) startedAt = now;
    return now;
  }
}
