package id.pantau.sim;

/**
 * The risk zone of a region and the share of a unit's staff that may be in the office there (Kota
 * Tangerang, SE MenPAN-RB 67/2020). The sim uses these shares to decide who works from the office;
 * the jobs take their caps from the policies, never from here.
 */
public enum ZoneLevel {
  LOW(75),
  MEDIUM(50),
  HIGH(25);

  private final int wfoCapPercent;

  ZoneLevel(int wfoCapPercent) {
    this.wfoCapPercent = wfoCapPercent;
  }

  public int wfoCapPercent() {
    return wfoCapPercent;
  }
}
