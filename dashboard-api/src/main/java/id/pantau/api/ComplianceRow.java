package id.pantau.api;

/**
 * One unit's counts in one window of a local date: the latest {@code compliance} point of the
 * series. {@code asOf} is the point's time, the window's end.
 */
public record ComplianceRow(
    String unit,
    String region,
    String window,
    Integer expected,
    Integer onTime,
    Integer late,
    Integer missed,
    Integer lateUpload,
    Integer pending,
    Double rate,
    String asOf) {

  /** The columns of the CSV, in the order of the JSON fields. */
  public static final Columns<ComplianceRow> COLUMNS = Columns.of(ComplianceRow.class);
}
