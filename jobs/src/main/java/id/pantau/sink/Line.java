package id.pantau.sink;

/**
 * One InfluxDB line-protocol point, built in order: the measurement, its tags, its fields, then its
 * time ({@link #at}, millisecond precision). Tag values are escaped so no input can forge a tag;
 * integers are written as integers ({@code 5i}), so a field keeps one type across writes.
 */
public final class Line {
  private final StringBuilder sb;
  private boolean hasField;

  private Line(String measurement) {
    this.sb = new StringBuilder(96).append(measurement);
  }

  public static Line of(String measurement) {
    return new Line(measurement);
  }

  /** A point of one unit: tagged {@code unit} and {@code region} first, as every unit's is. */
  public static Line ofUnit(String measurement, String unitId, String region) {
    return of(measurement).tag("unit", unitId).tag("region", region);
  }

  /** A tag; before the first field. */
  public Line tag(String key, String value) {
    if (hasField) throw new IllegalStateException("tag " + key + " after a field");
    sb.append(',').append(key).append('=');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == ',' || c == '=' || c == ' ') sb.append('\\');
      sb.append(c);
    }
    return this;
  }

  /** A tag, left out when its value is not known. */
  public Line tagIfKnown(String key, String value) {
    return value == null ? this : tag(key, value);
  }

  private StringBuilder key(String key) {
    sb.append(hasField ? ',' : ' ');
    hasField = true;
    return sb.append(key).append('=');
  }

  public Line field(String key, long value) {
    key(key).append(value).append('i');
    return this;
  }

  public Line field(String key, double value) {
    key(key).append(value);
    return this;
  }

  public Line field(String key, boolean value) {
    key(key).append(value);
    return this;
  }

  /** A field, left out when its value is not known: an integer for Integer and Long, else real. */
  public Line fieldIfKnown(String key, Number value) {
    if (value == null) return this;
    if (value instanceof Integer || value instanceof Long) return field(key, value.longValue());
    return field(key, value.doubleValue());
  }

  /** The line, at this time. */
  public String at(long epochMs) {
    return sb.append(' ').append(epochMs).toString();
  }
}
