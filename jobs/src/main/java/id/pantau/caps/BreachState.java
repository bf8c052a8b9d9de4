package id.pantau.caps;

/** A condition (over cap, under floor) that holds now: since when, and whether it has opened. */
public class BreachState {
  public String region;
  public long since;
  public long dueAt;
  public boolean open;
  public int limit;
  public int present;

  /** The most present over a cap, the fewest under a floor, while the condition has held. */
  public int worst;

  public Integer unscheduled;
  public String[] unscheduledNips;

  public BreachState() {}
}
