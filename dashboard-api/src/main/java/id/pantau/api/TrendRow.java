package id.pantau.api;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Arrays;
import java.util.List;

/**
 * One unit's rollup of one local date: a point of measurement {@code daily}. The counts behind the
 * rates ({@code attendanceExpected} …) and {@code breaches} are null in points written before the
 * jobs wrote them.
 */
@JsonPropertyOrder({
  "date",
  "unit",
  "region",
  "attendanceRate",
  "wfhCompliance",
  "peakPresent",
  "meanPresent",
  "minutesOverCap",
  "alerts",
  "attendanceExpected",
  "attendanceReported",
  "wfhExpected",
  "wfhReported",
  "breaches"
})
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

  public static final List<String> CSV_HEADER =
      List.of(
          "date",
          "unit",
          "region",
          "attendanceRate",
          "wfhCompliance",
          "peakPresent",
          "meanPresent",
          "minutesOverCap",
          "alerts",
          "attendanceExpected",
          "attendanceReported",
          "wfhExpected",
          "wfhReported",
          "breaches");

  public List<Object> csvRow() {
    return Arrays.asList(
        date,
        unit,
        region,
        attendanceRate,
        wfhCompliance,
        peakPresent,
        meanPresent,
        minutesOverCap,
        alerts,
        attendanceExpected,
        attendanceReported,
        wfhExpected,
        wfhReported,
        breaches);
  }
}
