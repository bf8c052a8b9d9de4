package id.pantau.api;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Arrays;
import java.util.List;

/**
 * One breach: a unit over its cap or under its floor from {@code startedAt}; {@code endedAt} is
 * null while it is open. {@code durationS} is the final duration once closed, the time so far while
 * open.
 */
@JsonPropertyOrder({
  "unit",
  "region",
  "kind",
  "limit",
  "present",
  "startedAt",
  "endedAt",
  "durationS",
  "open"
})
public record BreachRow(
    String unit,
    String region,
    String kind,
    Integer limit,
    Integer present,
    String startedAt,
    String endedAt,
    Long durationS,
    boolean open) {

  public static final List<String> CSV_HEADER =
      List.of(
          "unit",
          "region",
          "kind",
          "limit",
          "present",
          "startedAt",
          "endedAt",
          "durationS",
          "open");

  public List<Object> csvRow() {
    return Arrays.asList(unit, region, kind, limit, present, startedAt, endedAt, durationS, open);
  }
}
