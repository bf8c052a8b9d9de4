package id.pantau.policy;

/** Occupancy of a unit at a moment with the limits in force then. */
public class OccupancyStatus {
  public String unitId;
  public String region;
  public long timeMs;
  public int present;
  public int headcount;

  /** The cap, or null while the unit's region has no zone level. */
  public Integer cap;

  /** The staffing floor in force now: minPresent in service hours for an essential unit, else 0. */
  public int floor;

  public int dwellS;
  public Integer unscheduled;
  public String[] unscheduledNips;

  /** An occupancy tracker's provisional point: for the board only, not for breaches or rollups. */
  public boolean provisional;

  public OccupancyStatus() {}

  public double share() {
    return headcount <= 0 ? 0.0 : (double) present / headcount;
  }

  public boolean overCap() {
    return cap != null && present > cap;
  }

  public boolean underFloor() {
    return floor > 0 && present < floor;
  }

  @Override
  public String toString() {
    return unitId + "@" + timeMs + " " + present + "/" + headcount + " cap=" + cap + " floor="
        + floor;
  }
}
