package id.pantau.api;

import java.util.Comparator;

/**
 * A unit now: the latest occupancy point of its series; {@code zone} the unit's time zone (IANA
 * id), in which its times and its "today" are shown.
 */
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
    String zone)
    implements UnitRow<OccupancyRow> {

  @Override
  public OccupancyRow withZone(String zone) {
    return new OccupancyRow(
        unit, region, present, headcount, share, cap, floor, status, asOf, zone);
  }

  /** The board's order: by region, then unit (a missing one last). */
  public static final Comparator<OccupancyRow> BOARD_ORDER =
      Comparator.comparing(
              OccupancyRow::region, Comparator.nullsLast(Comparator.<String>naturalOrder()))
          .thenComparing(OccupancyRow::unit, Comparator.nullsLast(Comparator.naturalOrder()));

  /** The columns of the CSV, in the order of the JSON fields. */
  public static final Columns<OccupancyRow> COLUMNS = Columns.of(OccupancyRow.class);
}
