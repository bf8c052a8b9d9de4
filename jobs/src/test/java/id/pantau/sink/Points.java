package id.pantau.sink;

/** For the measurements' tests: which InfluxDB point a line writes, read as the sink reads it. */
public final class Points {
  private Points() {}

  /**
   * The line's series (measurement and tags) and time: two lines with the same one are one record
   * in InfluxDB, the later one's fields winning ({@link LinePoint}).
   */
  public static String of(String line) {
    LinePoint p = LinePoint.of(line);
    if (p == null) throw new AssertionError("not a line with a timestamp: " + line);
    return p.point();
  }
}
