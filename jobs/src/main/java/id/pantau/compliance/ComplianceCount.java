package id.pantau.compliance;

/**
 * A unit's compliance in one window of one local date (measurement `compliance`), with no names.
 * LATE_UPLOAD counts as late: the employee did report in the window, but the proof came after the
 * decision. Pending (expected, not decided yet) counts as expected only, so the rate rises through
 * the morning as check-ins are decided.
 */
public class ComplianceCount implements Cloneable {
  public String unitId;
  public String region;
  public String date;
  public String window;
  public int expected;
  public int onTime;

  /** Late, including late uploads. */
  public int late;

  public int missed;
  public int pending;
  public int lateUploads;

  /** (on time + late) / expected; 0 when none is expected. */
  public double rate;

  /** The window's end: every rewrite of the day's figures lands on the same point. */
  public long timeMs;

  /** When the figures can be forgotten (no correction comes later). */
  public long dropAtMs;

  public ComplianceCount() {}

  void apply(ComplianceStatus status, int delta) {
    if (status == null) return;
    switch (status) {
      case PENDING -> pending += delta;
      case ON_TIME -> onTime += delta;
      case LATE -> late += delta;
      case LATE_UPLOAD -> {
        late += delta;
        lateUploads += delta;
      }
      case MISSED -> missed += delta;
      case EXCUSED -> {}
    }
    expected = pending + onTime + late + missed;
    rate = expected == 0 ? 0.0 : (onTime + late) / (double) expected;
  }

  /**
   * A copy to emit while this one stays in state: every field is a value, so clone() copies all.
   */
  ComplianceCount copy() {
    try {
      return (ComplianceCount) clone();
    } catch (CloneNotSupportedException e) {
      throw new AssertionError("ComplianceCount is Cloneable", e);
    }
  }

  @Override
  public String toString() {
    return unitId
        + " "
        + date
        + " "
        + window
        + " expected="
        + expected
        + " onTime="
        + onTime
        + " late="
        + late
        + " missed="
        + missed
        + " pending="
        + pending;
  }
}
