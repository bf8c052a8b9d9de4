package id.pantau.occupancy;

/**
 * An employee's latest attendance fact packed in one long: event time in the high bits, "in the
 * office" in the lowest. The larger mark is the later fact, so applying marks in any order ends in
 * the same state (a replay or a duplicate changes nothing); at the same millisecond a check-out
 * wins over a check-in.
 */
final class PresenceMark {
  private PresenceMark() {}

  static long of(long timeMs, boolean inOffice) {
    return (timeMs << 1) | (inOffice ? 0L : 1L);
  }

  static long timeMs(long mark) {
    return mark >> 1;
  }

  static boolean inOffice(long mark) {
    return (mark & 1L) == 0L;
  }
}
