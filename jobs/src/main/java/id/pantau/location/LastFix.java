package id.pantau.location;

/**
 * An employee's latest fix by event time, for the travel rule, and when its pending timer fires. A
 * Flink POJO in keyed state ({@code last-fix}); {@code timerMs} was added (POJO schema evolution: a
 * value restored from before reads 0).
 */
public class LastFix {
  public long timeMs;
  public double lat;
  public double lon;
  public double accuracyM;
  public String eventId;

  /**
   * When the pending timer of this employee's fixes fires (event time); 0 in state written before
   * this field existed, whose timer was always at this fix's expiry.
   */
  public long timerMs;

  public LastFix() {}

  /** When the pending timer fires. */
  long timerAt(long ttlMs) {
    return timerMs != 0 ? timerMs : timeMs + ttlMs;
  }

  static LastFix of(Fix f) {
    LastFix l = new LastFix();
    l.timeMs = f.timeMs;
    l.lat = f.lat;
    l.lon = f.lon;
    l.accuracyM = f.slackM();
    l.eventId = f.eventId;
    return l;
  }
}
