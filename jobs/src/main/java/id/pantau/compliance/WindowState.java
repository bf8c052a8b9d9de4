package id.pantau.compliance;

/** The last result emitted for one employee, date and window: what a correction replaces. */
public class WindowState {
  public String unitId;
  public String region;
  public String timeZone;
  public ComplianceStatus status;
  public Long checkinAt;
  public long windowStartMs;
  public long windowEndMs;
  public long decideAtMs;
  public long countAtMs;
  public long dropAtMs;

  public WindowState() {}
}
