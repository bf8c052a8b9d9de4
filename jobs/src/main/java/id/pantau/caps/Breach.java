package id.pantau.caps;

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

  /** Present at this moment: at opening, and at closing the count that ended it. */
  public int present;

  /** The most present over the cap, the fewest under the floor, while it held. */
  public int worst;

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
