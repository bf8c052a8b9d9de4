package id.pantau.ingest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import id.pantau.events.Json;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * Units as CSV rows (read by {@link Rows#fromCsv}): the columns are the JSON's names with the
 * office flattened to officeLat, officeLon, officeRadiusM. A row of strings becomes a unit's JSON
 * here; errors name the column: "headcount: must be an integer (got 'forty')".
 */
final class UnitCsv {
  static final List<String> COLUMNS =
      List.of(
          "name",
          "unitId",
          "region",
          "timeZone",
          "headcount",
          "essential",
          "minPresent",
          "officeLat",
          "officeLon",
          "officeRadiusM",
          "effectiveFrom");

  static final List<String> REQUIRED = List.of("unitId", "name", "region", "timeZone", "headcount");

  static final Kind.Csv CSV = new Kind.Csv(COLUMNS, REQUIRED, UnitCsv::unit, UnitCsv::columnName);

  private UnitCsv() {}

  /** A row as the JSON of a Unit; a cell that does not convert is an error, not a value. */
  static ObjectNode unit(ObjectNode row, List<String> errors) {
    ObjectNode u = Json.MAPPER.createObjectNode();
    for (String column : List.of("unitId", "name", "region", "timeZone", "effectiveFrom")) {
      String v = text(row, column);
      if (v != null) u.put(column, v);
    }
    Integer headcount = integer(row, "headcount", errors);
    if (headcount != null) u.put("headcount", headcount);
    Integer minPresent = integer(row, "minPresent", errors);
    if (minPresent != null) u.put("minPresent", minPresent);
    Boolean essential = bool(row, "essential", errors);
    if (essential != null) u.put("essential", essential);
    Double lat = number(row, "officeLat", errors);
    Double lon = number(row, "officeLon", errors);
    Double radius = number(row, "officeRadiusM", errors);
    if (lat != null || lon != null || radius != null) {
      ObjectNode office = u.putObject("office");
      if (lat != null) office.put("lat", lat);
      if (lon != null) office.put("lon", lon);
      if (radius != null) office.put("radiusM", radius);
    }
    return u;
  }

  /** The JSON field names of a validation error as the CSV columns. */
  static String columnName(String error) {
    if (error.startsWith("office.lat:")) return "officeLat:" + error.substring(11);
    if (error.startsWith("office.lon:")) return "officeLon:" + error.substring(11);
    if (error.startsWith("office.radiusM:")) return "officeRadiusM:" + error.substring(15);
    return error;
  }

  private static String text(ObjectNode row, String column) {
    if (!row.path(column).isTextual()) return null;
    String v = row.get(column).asText();
    return v.isEmpty() ? null : v;
  }

  private static Integer integer(ObjectNode row, String column, List<String> errors) {
    return cell(row, column, "an integer", UnitCsv::parseInteger, errors);
  }

  private static Double number(ObjectNode row, String column, List<String> errors) {
    return cell(row, column, "a number", UnitCsv::parseNumber, errors);
  }

  private static Boolean bool(ObjectNode row, String column, List<String> errors) {
    return cell(row, column, "true or false", UnitCsv::parseBool, errors);
  }

  /**
   * The cell as {@code parse} reads it; null when it is empty, or when it does not read (then
   * "column: must be {@code what} (got '…')" is among the errors).
   */
  private static <T> T cell(
      ObjectNode row, String column, String what, Function<String, T> parse, List<String> errors) {
    String v = text(row, column);
    if (v == null) return null;
    T value = parse.apply(v);
    if (value == null) errors.add(column + ": must be " + what + " (got '" + clip(v) + "')");
    return value;
  }

  private static Integer parseInteger(String v) {
    try {
      return Integer.valueOf(v);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static Double parseNumber(String v) {
    // "-6,1783" from a spreadsheet with a decimal comma (the file is then ';'-separated)
    if (v.indexOf(',') == v.lastIndexOf(',') && v.indexOf('.') < 0) v = v.replace(',', '.');
    try {
      double d = Double.parseDouble(v);
      return Double.isFinite(d) ? d : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static Boolean parseBool(String v) {
    return switch (v.toLowerCase(Locale.ROOT)) {
      case "true", "yes", "ya", "1" -> true;
      case "false", "no", "tidak", "0" -> false;
      default -> null;
    };
  }

  private static String clip(String s) {
    return s.length() > 40 ? s.substring(0, 40) + "…" : s;
  }
}
