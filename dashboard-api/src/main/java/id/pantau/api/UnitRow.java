package id.pantau.api;

/**
 * A row of one unit as the API answers it, read from InfluxDB, whose series carry no time zone: so
 * a reader leaves {@code zone} null and the services add the unit's zone ({@link #withZone}).
 */
interface UnitRow<R extends UnitRow<R>> {
  String unit();

  String region();

  /** The same row with its unit's time zone (IANA id). */
  R withZone(String zone);
}
