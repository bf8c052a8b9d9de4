package id.pantau.occupancy;

import id.pantau.sink.Lines;

/** Measurement `occupancy` of CONTRACT.md: aggregates per unit only, never a NIP. */
public final class OccupancyLines {
  private OccupancyLines() {}

  public static String encode(OccupancyUpdate u) {
    StringBuilder sb = Lines.measurement("occupancy");
    Lines.tag(sb, "unit", u.unitId);
    Lines.tag(sb, "region", u.region);
    Lines.firstField(sb, "present", u.present);
    Lines.field(sb, "headcount", u.headcount);
    Lines.field(sb, "share", u.share());
    return Lines.time(sb, u.timeMs);
  }
}
