package id.pantau.api;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Arrays;
import java.util.List;

/**
 * One unit's counts in one window of a local date: the latest {@code compliance} point of the
 * series. {@code asOf} is the point's time, the window's end.
 */
@JsonPropertyOrder({
  "unit",
  "region",
  "window",
  "expected",
  "onTime",
  "late",
  "missed",
  "lateUpload",
  "pending",
  "rate",
  "asOf"
})
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

  public static final List<String> CSV_HEADER =
      List.of(
          "unit",
          "region",
          "window",
          "expected",
          "onTime",
          "late",
          "missed",
          "lateUpload",
          "pending",
          "rate",
          "asOf");

  public List<Object> csvRow() {
    return Arrays.asList(
        unit, region, window, expected, onTime, late, missed, lateUpload, pending, rate, asOf);
  }
}
