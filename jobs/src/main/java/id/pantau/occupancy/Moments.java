package id.pantau.occupancy;

/**
 * The moments a unit's timers would decide up to the watermark, in time order, when one timer fires
 * for them all: the seconds with events due, the minute beat (each moment may take a second or move
 * the beat), and the timer that fired itself (one restored from before decides its moment too),
 * each once.
 */
final class Moments {
  private final long watermark;
  private final long fired;
  private boolean firedToDo;

  /**
   * @param fired the timer that fired
   * @param caughtUpTo the watermark of the previous catch-up: a timer at or before it is spent
   */
  Moments(long watermark, long fired, long caughtUpTo) {
    this.watermark = watermark;
    this.fired = fired;
    this.firedToDo = fired > caughtUpTo;
  }

  /**
   * The next moment to decide, given the first second with events due and the beat as they are now
   * (null: none), or null when none is left up to the watermark.
   */
  Long next(Long second, Long beat) {
    long next = Long.MAX_VALUE;
    boolean any = false;
    if (second != null && second <= watermark) {
      next = second;
      any = true;
    }
    if (beat != null && beat <= watermark && (!any || beat < next)) {
      next = beat;
      any = true;
    }
    if (firedToDo && (!any || fired <= next)) {
      next = fired;
      any = true;
    }
    if (!any) return null;
    if (next == fired) firedToDo = false;
    return next;
  }

  /** The unit's next wake: the first second due or the beat, whichever is first, or none. */
  static long wake(Long second, Long beat) {
    long wake = second == null ? UnitMemo.NO_TIMER : second;
    return beat == null ? wake : Math.min(wake, beat);
  }
}
