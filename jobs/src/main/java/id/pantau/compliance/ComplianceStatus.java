package id.pantau.compliance;

/**
 * Where an employee stands for one window of one local date. PENDING is expected but not decided
 * yet; EXCUSED retracts an expectation a roster change removed (it is never stored, only emitted).
 */
public enum ComplianceStatus {
  PENDING,
  ON_TIME,
  LATE,
  MISSED,
  /** Done in time (event time) but uploaded after the result was decided MISSED. */
  LATE_UPLOAD,
  EXCUSED;

  /** A decision that may raise or correct an alert. */
  public boolean isDecided() {
    return this == ON_TIME || this == LATE || this == MISSED || this == LATE_UPLOAD;
  }
}
