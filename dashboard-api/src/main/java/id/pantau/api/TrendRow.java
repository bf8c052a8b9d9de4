package id.pantau.api;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Arrays;
import java.util.List;

/** One unit's rollup of one local date: a point of measurement {@code daily}. */
@JsonPropertyOrder({
  "date",
  "unit",
  "region",
  "attendanceRate",
  "wfhCompliance",
  "peakPresent",
  "meanPresent",
  "minutesOverCap",
  "alerts"
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
    Integer alerts) {

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
          "alerts");

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
        alerts);
  }
}
