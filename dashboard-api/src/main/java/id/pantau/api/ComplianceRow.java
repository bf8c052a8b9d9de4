package id.pantau.api;

/**
 * One unit's counts in one window of a local date: the latest {@code compliance} point of the
 * series. {@code asOf} is the point's time, the window's end; {@code zone} the unit's time zone
 * (IANA id), in which its times are shown.
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
    String asOf,
    String zone)
    implements UnitRow<ComplianceRow> {

  @Override
  public ComplianceRow withZone(String zone) {
    return new ComplianceRow(
        unit,
        region,
        window,
        expected,
        onTime,
        late,
        missed,
        lateUpload,
        pending,
        rate,
        asOf,
        zone);
  }

  /** The columns of the CSV, in the order of the JSON fields. */
  public static final Columns<ComplianceRow> COLUMNS = Columns.of(ComplianceRow.class);
}
