package id.pantau.api;

/**
 * One breach: a unit over its cap or under its floor from {@code startedAt}; {@code endedAt} is
 * null while it is open. {@code durationS} is the final duration once closed, the time so far while
 * open. {@code zone}: the unit's time zone (IANA id), in which its times are shown.
 */
public record BreachRow(
    String unit,
    String region,
    String kind,
    Integer limit,
    Integer present,
    String startedAt,
    String endedAt,
    Long durationS,
    boolean open,
    String zone)
    implements UnitRow<BreachRow> {

  @Override
  public BreachRow withZone(String zone) {
    return new BreachRow(
        unit, region, kind, limit, present, startedAt, endedAt, durationS, open, zone);
  }

  /** The columns of the CSV, in the order of the JSON fields. */
  public static final Columns<BreachRow> COLUMNS = Columns.of(BreachRow.class);
}
