package id.pantau.api;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Comparator;
import java.util.List;

/**
 * A unit now: the latest occupancy point of its series; {@code zone} the unit's time zone (IANA
 * id), in which its times and its "today" are shown.
 */
@JsonPropertyOrder({
  "unit",
  "region",
  "zone",
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
    String asOf,
    String zone) {

  /** The row with its unit's zone: InfluxDB's series carry none, so a reader leaves it null. */
  public OccupancyRow withZone(String zone) {
    return new OccupancyRow(
        unit, region, present, headcount, share, cap, floor, status, asOf, zone);
  }

  /** The board's order: by region, then unit (a missing one last). */
  public static final Comparator<OccupancyRow> BOARD_ORDER =
      Comparator.comparing(
              OccupancyRow::region, Comparator.nullsLast(Comparator.<String>naturalOrder()))
          .thenComparing(OccupancyRow::unit, Comparator.nullsLast(Comparator.naturalOrder()));

  public static final List<String> CSV_HEADER =
      List.of(
          "unit",
          "region",
          "present",
          "headcount",
          "share",
          "cap",
          "floor",
          "status",
          "asOf",
          "zone");

  public List<Object> csvRow() {
    return java.util.Arrays.asList(
        unit, region, present, headcount, share, cap, floor, status, asOf, zone);
  }
}
