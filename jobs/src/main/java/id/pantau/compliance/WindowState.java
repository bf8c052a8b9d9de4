package id.pantau.compliance;

/**
 * The last result emitted for one employee, date and window: what a correction replaces. Never
 * changed once stored (a new result stores a new one), so copies of the state may share it.
 */
final class WindowState {
  String window;
  String unitId;
  String region;
  String timeZone;
  ComplianceStatus status;
  Long checkinAt;
  long windowStartMs;
  long windowEndMs;
  long decideAtMs;
  long countAtMs;
  long dropAtMs;

  WindowState() {}
}
