package id.pantau.caps;

import id.pantau.sink.Lines;

/** Measurement `occupancy`: present, headcount, share, cap (when a zone is known), floor. */
public final class StatusLines {
  private StatusLines() {}

  public static String encode(OccupancyStatus s) {
    StringBuilder sb = Lines.measurement("occupancy");
    Lines.tag(sb, "unit", s.unitId);
    Lines.tag(sb, "region", s.region);
    Lines.firstField(sb, "present", s.present);
    Lines.field(sb, "headcount", s.headcount);
    Lines.field(sb, "share", s.share());
    if (s.cap != null) Lines.field(sb, "cap", s.cap);
    Lines.field(sb, "floor", s.floor);
    return Lines.time(sb, s.timeMs);
  }
}
