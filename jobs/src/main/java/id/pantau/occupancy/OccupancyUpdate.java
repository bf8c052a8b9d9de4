package id.pantau.occupancy;

/** How many staff of a unit are in the office at a moment of event time. */
public class OccupancyUpdate {
  public String unitId;
  public String region;
  public long timeMs;
  public int present;
  public int headcount;

  public OccupancyUpdate() {}

  public OccupancyUpdate(String unitId, String region, long timeMs, int present, int headcount) {
    this.unitId = unitId;
    this.region = region;
    this.timeMs = timeMs;
    this.present = present;
    this.headcount = headcount;
  }

  /** Present as a share of headcount; 0 for a unit with no staff, never a division by zero. */
  public double share() {
    return headcount <= 0 ? 0.0 : (double) present / headcount;
  }

  @Override
  public String toString() {
    return unitId + "@" + timeMs + " present=" + present + "/" + headcount;
  }
}
