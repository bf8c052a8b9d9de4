package id.pantau.compliance;

import id.pantau.sink.Lines;

/**
 * Measurement `compliance`: tags unit, region, window; fields expected, on_time, late, missed, rate
 * and, as extensions, pending and late_upload (already part of late). The point's time is the
 * window's end (the attendance deadline, a location window's end) in the unit's time zone, so every
 * rewrite of a day's figures, and a replay, lands on the same point. No NIP.
 */
public final class ComplianceLines {
  private ComplianceLines() {}

  public static String encode(ComplianceCount c) {
    StringBuilder sb = Lines.measurement("compliance");
    Lines.tag(sb, "unit", c.unitId);
    Lines.tag(sb, "region", c.region);
    Lines.tag(sb, "window", c.window);
    Lines.firstField(sb, "expected", c.expected);
    Lines.field(sb, "on_time", c.onTime);
    Lines.field(sb, "late", c.late);
    Lines.field(sb, "missed", c.missed);
    Lines.field(sb, "rate", c.rate);
    Lines.field(sb, "pending", c.pending);
    Lines.field(sb, "late_upload", c.lateUploads);
    return Lines.time(sb, c.timeMs);
  }
}
