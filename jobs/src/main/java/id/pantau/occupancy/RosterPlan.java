package id.pantau.occupancy;

/** How many of a unit's staff the roster puts in the office on one local date. */
public class RosterPlan {
  public String unitId;
  public String region;
  public String timeZone;
  public String date;
  public int scheduledOffice;
  public int headcount;
  public boolean essential;
  public int minPresent;
  public boolean exposed;

  /** What was last alerted for this date (the checker's own bookkeeping), to alert once. */
  public String alertedOverCap;

  public String alertedUnderFloor;

  public RosterPlan() {}

  @Override
  public String toString() {
    return unitId + " " + date + " scheduled=" + scheduledOffice + "/" + headcount;
  }
}
