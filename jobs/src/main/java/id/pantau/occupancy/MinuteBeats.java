package id.pantau.occupancy;

/**
 * The minute points: a beat at every whole minute of event time, each scheduling the next. Live, a
 * jump of event time further than the catch-up limit (a restart after a quiet night) skips the
 * missed minutes; a bounded replay, and any input at its end, writes every minute up to the end of
 * the local day of the unit's last fact, and then stops however far the watermark runs ({@link
 * ReplayEnd}).
 */
final class MinuteBeats {
  static final long MINUTE = 60_000L;

  /** What follows a beat. */
  enum After {
    /** The next minute's beat. */
    NEXT,
    /** Event time jumped: the day at the watermark, and the minute after it. */
    SKIP_TO_WATERMARK,
    /** No more minutes: the input ended with the last fact's day. */
    STOP
  }

  private MinuteBeats() {}

  /** The first whole minute after a moment. */
  static long after(long timeMs) {
    return Math.floorDiv(timeMs, MINUTE) * MINUTE + MINUTE;
  }

  static boolean isWholeMinute(long timeMs) {
    return timeMs % MINUTE == 0;
  }

  /**
   * @param toTheEnd a bounded replay, or the input has ended (the watermark at the end of time)
   * @param factsWait events still wait for a later second
   * @param lastDayEnd the end of the local day of the unit's last fact (Long.MIN_VALUE: none)
   */
  static After afterBeat(
      long beat,
      long watermark,
      long maxCatchUpMs,
      boolean toTheEnd,
      boolean factsWait,
      long lastDayEnd) {
    if (toTheEnd) return factsWait || beat < lastDayEnd ? After.NEXT : After.STOP;
    return watermark - beat > maxCatchUpMs ? After.SKIP_TO_WATERMARK : After.NEXT;
  }
}
