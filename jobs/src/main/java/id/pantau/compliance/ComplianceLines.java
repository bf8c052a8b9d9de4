package id.pantau.compliance;

import id.pantau.sink.Line;

/**
 * Measurement `compliance`: tags unit, region, window; fields expected, on_time, late, missed, rate
 * and, as extensions, pending and late_upload (already part of late). The point's time is the
 * window's end (the attendance deadline, a location window's end) in the unit's time zone, so every
 * rewrite of a day's figures, and a replay, lands on the same point. No NIP.
 */
public final class ComplianceLines {
  private ComplianceLines() {}

  public static String encode(ComplianceCount c) {
    return Line.ofUnit("compliance", c.unitId, c.region)
        .tag("window", c.window)
        .field("expected", c.expected)
        .field("on_time", c.onTime)
        .field("late", c.late)
        .field("missed", c.missed)
        .field("rate", c.rate)
        .field("pending", c.pending)
        .field("late_upload", c.lateUploads)
        .at(c.timeMs);
  }
}
