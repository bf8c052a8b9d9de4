package id.pantau.api;

/**
 * One unit's rollup of one local date: a point of measurement {@code daily}. The counts behind the
 * rates ({@code attendanceExpected} …) and {@code breaches} are null in points written before the
 * jobs wrote them.
 */
public record TrendRow(
    String date,
    String unit,
    String region,
    Double attendanceRate,
    Double wfhCompliance,
    Integer peakPresent,
    Double meanPresent,
    Integer minutesOverCap,
    Integer alerts,
    Integer attendanceExpected,
    Integer attendanceReported,
    Integer wfhExpected,
    Integer wfhReported,
    Integer breaches) {

  /** The columns of the CSV, in the order of the JSON fields. */
  public static final Columns<TrendRow> COLUMNS = Columns.of(TrendRow.class);
}
