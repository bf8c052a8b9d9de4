package id.pantau.sink;

import java.util.List;

/**
 * Retention in InfluxDB 1.x: raw measurements (occupancy, breach, compliance) in {@link #RAW} for
 * 30 days, the daily rollups in {@link #TRENDS} for five years. Run {@link #statements(String)}
 * once the database exists (CREATE DATABASE first); each is idempotent when the policy already
 * exists with the same settings, and {@link #alterStatements(String)} bring an existing policy to
 * these settings (CREATE fails when a policy of the name exists with other settings).
 *
 * <p>Writes: `daily` points go to the retention policy {@code trends} (the /write parameter {@code
 * rp=trends}); the raw measurements keep writing to the default policy, which becomes {@code raw}.
 *
 * <p>Reads: a policy other than the default must be named, so trends are read with {@code SELECT …
 * FROM "pantau"."trends"."daily"}. Making {@code raw} the default hides points written earlier to
 * {@code autogen} from queries that do not name a policy (they stay in {@code autogen} until it
 * expires them): name {@code "autogen"} to read them, or drop them.
 */
public final class Retention {
  public static final String DATABASE = "pantau";

  /** The default policy: raw measurements. */
  public static final String RAW = "raw";

  public static final String RAW_DURATION = "30d";

  /** The daily rollups for leadership trends. */
  public static final String TRENDS = "trends";

  public static final String TRENDS_DURATION = "1825d";

  /** The measurement that lives in {@link #TRENDS}. */
  public static final String DAILY_MEASUREMENT = "daily";

  private Retention() {}

  /** The CREATE statements for a database (letters, digits or _, as the sink checks). */
  public static List<String> statements(String database) {
    checkName(database);
    return List.of(
        create(database, RAW, RAW_DURATION, true),
        create(database, TRENDS, TRENDS_DURATION, false));
  }

  /** The ALTER statements that bring existing policies to these settings. */
  public static List<String> alterStatements(String database) {
    checkName(database);
    return List.of(
        alter(database, RAW, RAW_DURATION, true), alter(database, TRENDS, TRENDS_DURATION, false));
  }

  /**
   * True when the rows of {@code SHOW RETENTION POLICIES} (columns name, duration, …, default) hold
   * {@link #RAW} as the default and {@link #TRENDS}, each with our duration: then nothing needs
   * creating, and a user without admin rights can write.
   */
  public static boolean inPlace(List<String> columns, List<List<Object>> rows) {
    if (columns == null || rows == null) return false;
    int name = columns.indexOf("name");
    int duration = columns.indexOf("duration");
    int isDefault = columns.indexOf("default");
    if (name < 0 || duration < 0 || isDefault < 0) return false;
    boolean raw = false;
    boolean trends = false;
    for (List<Object> row : rows) {
      Object n = row.get(name);
      String d = String.valueOf(row.get(duration));
      boolean dflt = Boolean.TRUE.equals(row.get(isDefault));
      if (RAW.equals(n)) raw = d.equals(shown(RAW_DURATION)) && dflt;
      if (TRENDS.equals(n)) trends = d.equals(shown(TRENDS_DURATION));
    }
    return raw && trends;
  }

  /** A duration in days ("30d") as InfluxDB shows it ("720h0m0s"). */
  static String shown(String days) {
    if (!days.matches("[0-9]+d")) throw new IllegalArgumentException("not whole days: " + days);
    return Long.parseLong(days.substring(0, days.length() - 1)) * 24 + "h0m0s";
  }

  /** The fully qualified name to read a measurement of a policy, e.g. "pantau"."trends"."daily". */
  public static String qualified(String database, String policy, String measurement) {
    return '"' + database + "\".\"" + policy + "\".\"" + measurement + '"';
  }

  private static String create(String db, String rp, String duration, boolean isDefault) {
    return "CREATE " + policy(db, rp, duration, isDefault);
  }

  private static String alter(String db, String rp, String duration, boolean isDefault) {
    return "ALTER " + policy(db, rp, duration, isDefault);
  }

  private static String policy(String db, String rp, String duration, boolean isDefault) {
    return "RETENTION POLICY \""
        + rp
        + "\" ON \""
        + db
        + "\" DURATION "
        + duration
        + " REPLICATION 1"
        + (isDefault ? " DEFAULT" : "");
  }

  private static void checkName(String database) {
    if (database == null || !database.matches("[A-Za-z0-9_]+")) {
      throw new IllegalArgumentException(
          "influx database: must be letters, digits or _ (got " + database + ")");
    }
  }
}
