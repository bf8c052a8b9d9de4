package id.pantau.ingest;

import id.pantau.events.Office;
import id.pantau.events.Unit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Units as CSV: a header row naming the columns (any order, names as in the JSON, the office
 * flattened to officeLat, officeLon, officeRadiusM), then one unit a row. Errors name the line and
 * the column: "line 3: headcount: must be an integer".
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

  /** One data row: its line and either the unit or the reasons, each prefixed "line N: ". */
  record Parsed(int line, Unit unit, List<String> errors) {
    boolean isOk() {
      return errors.isEmpty();
    }
  }

  private UnitCsv() {}

  /** The units of the file, or a 400 when the file itself (header, quoting) cannot be read. */
  static List<Parsed> parse(String text, int maxRows) {
    List<CsvReader.Row> rows;
    try {
      rows = CsvReader.read(text);
    } catch (CsvReader.CsvException e) {
      throw IngestException.badRequest(
          "the CSV cannot be read", List.of("line " + e.line + ": " + e.getMessage()));
    }
    if (rows.isEmpty()) {
      throw IngestException.badRequest(
          "the CSV is empty",
          List.of("body: needs a header row (" + String.join(",", COLUMNS) + ") and units"));
    }
    Map<String, Integer> columns = header(rows.get(0));
    if (rows.size() - 1 > maxRows) {
      throw IngestException.tooLarge(
          "the CSV has more than " + maxRows + " units; split it",
          "body: more than " + maxRows + " rows");
    }
    List<Parsed> parsed = new ArrayList<>(rows.size() - 1);
    for (CsvReader.Row row : rows.subList(1, rows.size())) parsed.add(unit(row, columns));
    return parsed;
  }

  private static Map<String, Integer> header(CsvReader.Row row) {
    Map<String, String> canonical = new LinkedHashMap<>();
    for (String c : COLUMNS) canonical.put(c.toLowerCase(Locale.ROOT), c);
    Map<String, Integer> columns = new LinkedHashMap<>();
    List<String> errors = new ArrayList<>();
    for (int i = 0; i < row.cells().size(); i++) {
      String name = row.cells().get(i);
      String column = canonical.get(name.toLowerCase(Locale.ROOT));
      if (column == null) {
        errors.add(
            "line "
                + row.line()
                + ": unknown column '"
                + name
                + "'; columns are "
                + String.join(",", COLUMNS));
      } else if (columns.putIfAbsent(column, i) != null) {
        errors.add("line " + row.line() + ": column '" + column + "' appears twice");
      }
    }
    for (String required : REQUIRED) {
      if (!columns.containsKey(required)) {
        errors.add("line " + row.line() + ": the header lacks the column '" + required + "'");
      }
    }
    if (!errors.isEmpty()) throw IngestException.badRequest("the CSV header is not usable", errors);
    return columns;
  }

  private static Parsed unit(CsvReader.Row row, Map<String, Integer> columns) {
    String prefix = "line " + row.line() + ": ";
    List<String> errors = new ArrayList<>();
    int width = columnCount(columns);
    // fewer cells: the rest are empty (some exports drop them); more: only if they are empty
    if (row.cells().size() > width
        && !row.cells().subList(width, row.cells().size()).stream().allMatch(String::isEmpty)) {
      errors.add(prefix + "has " + row.cells().size() + " cells where the header has " + width);
      return new Parsed(row.line(), null, errors);
    }
    Cells cells = new Cells(row, columns);
    List<String> failed = new ArrayList<>(); // columns whose text could not be converted
    Unit unit = new Unit();
    unit.unitId = cells.text("unitId");
    unit.name = cells.text("name");
    unit.region = cells.text("region");
    unit.timeZone = cells.text("timeZone");
    unit.headcount = cells.integer("headcount", failed);
    unit.essential = cells.bool("essential", failed);
    unit.minPresent = cells.integer("minPresent", failed);
    Double lat = cells.number("officeLat", failed);
    Double lon = cells.number("officeLon", failed);
    Double radius = cells.number("officeRadiusM", failed);
    if (lat != null || lon != null || radius != null) {
      unit.office = new Office();
      unit.office.lat = lat;
      unit.office.lon = lon;
      unit.office.radiusM = radius;
    }
    String effectiveFrom = cells.text("effectiveFrom");
    if (effectiveFrom != null) unit.setEffectiveFrom(effectiveFrom);
    for (String f : failed) errors.add(prefix + f);
    for (String error : unit.validate()) {
      String e = csvName(error);
      String column = e.substring(0, Math.max(0, e.indexOf(':')));
      if (failed.stream().noneMatch(f -> f.startsWith(column + ":"))) errors.add(prefix + e);
    }
    return new Parsed(row.line(), errors.isEmpty() ? unit : null, errors);
  }

  /** The JSON field names of a validation error as the CSV columns. */
  private static String csvName(String error) {
    if (error.startsWith("office.lat:")) return "officeLat:" + error.substring(11);
    if (error.startsWith("office.lon:")) return "officeLon:" + error.substring(11);
    if (error.startsWith("office.radiusM:")) return "officeRadiusM:" + error.substring(15);
    return error;
  }

  private static int columnCount(Map<String, Integer> columns) {
    return columns.values().stream().mapToInt(i -> i).max().orElse(-1) + 1;
  }

  /** The cells of one row by column name; an empty cell is an absent value. */
  private record Cells(CsvReader.Row row, Map<String, Integer> columns) {
    String text(String column) {
      Integer i = columns.get(column);
      if (i == null || i >= row.cells().size()) return null;
      String v = row.cells().get(i);
      return v.isEmpty() ? null : v;
    }

    Integer integer(String column, List<String> failed) {
      String v = text(column);
      if (v == null) return null;
      try {
        return Integer.valueOf(v);
      } catch (NumberFormatException e) {
        failed.add(column + ": must be an integer (got '" + clip(v) + "')");
        return null;
      }
    }

    Double number(String column, List<String> failed) {
      String v = text(column);
      if (v == null) return null;
      // "-6,1783" from a spreadsheet with a decimal comma (the file is then ';'-separated)
      if (v.indexOf(',') == v.lastIndexOf(',') && v.indexOf('.') < 0) v = v.replace(',', '.');
      try {
        double d = Double.parseDouble(v);
        if (Double.isFinite(d)) return d;
      } catch (NumberFormatException e) {
        // reported below
      }
      failed.add(column + ": must be a number (got '" + clip(v) + "')");
      return null;
    }

    Boolean bool(String column, List<String> failed) {
      String v = text(column);
      if (v == null) return null;
      switch (v.toLowerCase(Locale.ROOT)) {
        case "true", "yes", "ya", "1":
          return true;
        case "false", "no", "tidak", "0":
          return false;
        default:
          failed.add(column + ": must be true or false (got '" + clip(v) + "')");
          return null;
      }
    }

    private static String clip(String s) {
      return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }
  }
}
