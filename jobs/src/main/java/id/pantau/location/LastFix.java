package id.pantau.location;

/** An employee's latest fix by event time, for the travel rule. A Flink POJO. */
public class LastFix {
  public long timeMs;
  public double lat;
  public double lon;
  public double accuracyM;
  public String eventId;

  public LastFix() {}

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
