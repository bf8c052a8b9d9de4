package id.pantau.caps;

import id.pantau.sink.Line;

/** Measurement `occupancy`: present, headcount, share, cap (when a zone is known), floor. */
public final class StatusLines {
  private StatusLines() {}

  public static String encode(OccupancyStatus s) {
    return Line.ofUnit("occupancy", s.unitId, s.region)
        .field("present", s.present)
        .field("headcount", s.headcount)
        .field("share", s.share())
        .fieldIfKnown("cap", s.cap)
        .field("floor", s.floor)
        .at(s.timeMs);
  }
}
