package id.pantau.api;

/** How a unit's presence stands against its cap and its staffing floor. */
public enum Status {
  OK,
  OVER_CAP,
  UNDER_FLOOR;

  /** The status of a reading; null when nobody has been counted yet (present unknown). */
  public static Status of(Integer present, Integer cap, Integer floor) {
    if (present == null) return null;
    if (cap != null && present > cap) return OVER_CAP;
    if (floor != null && floor > 0 && present < floor) return UNDER_FLOOR;
    return OK;
  }
}
