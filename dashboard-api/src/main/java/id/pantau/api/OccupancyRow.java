package id.pantau.api;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/** A unit now: the latest occupancy point of its series. */
@JsonPropertyOrder({
  "unit",
  "region",
  "present",
  "headcount",
  "share",
  "cap",
  "floor",
  "status",
  "asOf"
})
public record OccupancyRow(
    String unit,
    String region,
    Integer present,
    Integer headcount,
    Double share,
    Integer cap,
    Integer floor,
    Status status,
    String asOf) {

  public static final List<String> CSV_HEADER =
      List.of("unit", "region", "present", "headcount", "share", "cap", "floor", "status", "asOf");

  public List<Object> csvRow() {
    return java.util.Arrays.asList(
        unit, region, present, headcount, share, cap, floor, status, asOf);
  }
}
