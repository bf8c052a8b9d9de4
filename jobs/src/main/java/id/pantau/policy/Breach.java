package id.pantau.policy;

/** The opening or closing of a breach of a unit's cap or floor. */
public class Breach {
  public static final String OVER_CAP = "OVER_CAP";
  public static final String UNDER_FLOOR = "UNDER_FLOOR";

  public String unitId;
  public String region;
  public String kind;
  public boolean open;
  public long startedAtMs;

  /** When it closed; null while open. */
  public Long endedAtMs;

  public int limit;
  public int present;
  public Integer unscheduled;
  public String[] unscheduledNips;

  /** Seconds the condition has held: the dwell time at opening, the whole breach at closing. */
  public long durationS;

  public Breach() {}

  @Override
  public String toString() {
    return kind
        + (open ? " open " : " closed ")
        + unitId
        + " from "
        + startedAtMs
        + " for "
        + durationS
        + " s";
  }
}
