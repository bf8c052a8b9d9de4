package id.pantau.jobs;

/**
 * How long a fact waits for its unit (a unit is reference data, read on its own topic) before it is
 * a dead letter: the grace, counted in processing time while this task runs.
 *
 * <p>A wait armed before a crash must not end the moment the job is restored: the restored
 * processing-time timer is already due, but the unit topic is being read again from its start and
 * the unit may be a few records away. So a wait ends no earlier than the grace after this task
 * first saw a record or a timer ({@link #endsAt}); a timer that fires before that is re-armed.
 */
public final class UnitWait {
  private final long graceMs;
  private long startedAt = Long.MIN_VALUE;

  public UnitWait(long graceMs) {
    if (graceMs < 0) throw new IllegalArgumentException("unit grace: must be zero or more");
    this.graceMs = graceMs;
  }

  /** The end of a wait that starts now: the moment to arm its processing-time timer. */
  public long startAt(long now) {
    noteStart(now);
    return now + graceMs;
  }

  /**
   * When a wait armed to end at {@code armedEnd} really ends, given processing time {@code now}:
   * never before the grace after this task started.
   */
  public long endsAt(long armedEnd, long now) {
    noteStart(now);
    return Math.max(armedEnd, startedAt + graceMs);
  }

  private void noteStart(long now) {
    if (startedAt == Long.MIN_VALUE) startedAt = now;
  }
}
