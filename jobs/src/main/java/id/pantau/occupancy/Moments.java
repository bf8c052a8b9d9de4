package id.pantau.occupancy;

/**
 * The moments a unit's timers would decide up to the watermark, in time order, when one timer fires
 * for them all: the seconds with events due, the minute beat (which the previous moment may have
 * moved), and the timer that fired itself (one restored from before decides its moment too), each
 * once.
 */
final class Moments {
  private final long[] seconds;
  private final long watermark;
  private final long fired;
  private boolean firedToDo;
  private int i;

  /**
   * @param seconds the seconds with events due, in order
   * @param fired the timer that fired
   * @param caughtUpTo the watermark of the previous catch-up: a timer at or before it is spent
   */
  Moments(long[] seconds, long watermark, long fired, long caughtUpTo) {
    this.seconds = seconds;
    this.watermark = watermark;
    this.fired = fired;
    this.firedToDo = fired > caughtUpTo;
  }

  /** Whether a moment is left to decide, with the beat as it is now (null: none). */
  boolean hasNext(Long beat) {
    return (i < seconds.length && seconds[i] <= watermark)
        || (beat != null && beat <= watermark)
        || firedToDo;
  }

  /** The next moment; only after {@link #hasNext} said there is one. */
  long next(Long beat) {
    long next = Long.MAX_VALUE;
    if (i < seconds.length && seconds[i] <= watermark) next = seconds[i];
    if (beat != null && beat <= watermark) next = Math.min(next, beat);
    if (firedToDo) next = Math.min(next, fired);
    if (i < seconds.length && seconds[i] == next) i++;
    if (fired == next) firedToDo = false;
    return next;
  }

  /** The next wake after the watermark: the first second still due or the beat, or none. */
  long wakeAfter(Long beat) {
    long wake = i < seconds.length ? seconds[i] : UnitMemo.NO_TIMER;
    return beat == null ? wake : Math.min(wake, beat);
  }
}
