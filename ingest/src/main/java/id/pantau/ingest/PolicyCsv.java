package id.pantau.ingest;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import id.pantau.events.Json;
import id.pantau.events.ZoneLevel;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Zones and policies as CSV rows (from {@link Rows#fromCsv}: one JSON object of text cells a row,
 * empty cells left out) turned into the JSON of {@code ZoneChange} and {@code Policy}. A policy is
 * flat in CSV: capLow, capMedium, capHigh, capExposed for capPercent; serviceHours as {@code
 * 08:00-15:00}; locationWindows as {@code 07:30-09:00;11:30-13:00}. An empty cell leaves the field
 * out, so it keeps its value downstream. Cells that cannot be converted are reported as "column:
 * reason" and left out of the JSON, so validation does not report them twice.
 */
final class PolicyCsv {
  static final List<String> ZONE_COLUMNS = List.of("region", "level", "effectiveFrom");
  static final List<String> ZONE_REQUIRED = ZONE_COLUMNS;

  static final List<String> POLICY_COLUMNS =
      List.of(
          "region",
          "effectiveFrom",
          "capLow",
          "capMedium",
          "capHigh",
          "capExposed",
          "breachDwellS",
          "serviceHours",
          "checkinDeadline",
          "checkinCutoff",
          "locationWindows",
          "allowedLatenessS");
  static final List<String> POLICY_REQUIRED = List.of("region", "effectiveFrom");

  private static final List<String> CAP_COLUMNS =
      List.of("capLow", "capMedium", "capHigh", "capExposed");
  private static final Pattern WINDOW_ERROR =
      Pattern.compile("^locationWindows\\[(\\d+)](?:\\[\\d])?: (.*)$", Pattern.DOTALL);
  private static final Pattern SERVICE_ERROR =
      Pattern.compile("^serviceHours\\[\\d]: (.*)$", Pattern.DOTALL);

  private PolicyCsv() {}

  /** A zone row: the level in any case ("high" from a spreadsheet is HIGH). */
  static ObjectNode zone(ObjectNode row, List<String> errors) {
    if (row.path("level").isTextual()) {
      String level = row.get("level").asText().toUpperCase(Locale.ROOT);
      for (ZoneLevel l : ZoneLevel.values()) {
        if (l.name().equals(level)) row.put("level", level);
      }
    }
    return row;
  }

  /** A policy row as the JSON of a Policy. */
  static ObjectNode policy(ObjectNode row, List<String> errors) {
    ObjectNode p = Json.MAPPER.createObjectNode();
    copy(row, p, "region");
    copy(row, p, "effectiveFrom");
    copy(row, p, "checkinDeadline");
    copy(row, p, "checkinCutoff");
    ObjectNode cap = Json.MAPPER.createObjectNode();
    for (String column : CAP_COLUMNS) {
      Integer v = integer(row, column, true, errors);
      if (v != null) cap.put(column.substring(3).toUpperCase(Locale.ROOT), v);
    }
    if (!cap.isEmpty()) p.set("capPercent", cap);
    Integer dwell = integer(row, "breachDwellS", false, errors);
    if (dwell != null) p.put("breachDwellS", dwell);
    Integer lateness = integer(row, "allowedLatenessS", false, errors);
    if (lateness != null) p.put("allowedLatenessS", lateness);
    String hours = text(row, "serviceHours");
    if (hours != null) {
      ArrayNode span = span(hours);
      if (span == null) {
        errors.add(
            "serviceHours: must be HH:MM-HH:MM, e.g. 08:00-15:00 (got '" + clip(hours) + "')");
      } else {
        p.set("serviceHours", span);
      }
    }
    String windows = text(row, "locationWindows");
    if (windows != null) {
      ArrayNode all = Json.MAPPER.createArrayNode();
      boolean ok = true;
      for (String w : windows.split("[;,]")) {
        if (w.isBlank()) continue;
        ArrayNode span = span(w);
        if (span == null) ok = false;
        else all.add(span);
      }
      if (!ok || all.isEmpty()) {
        errors.add(
            "locationWindows: must be HH:MM-HH:MM windows separated by ';', e.g."
                + " 07:30-09:00;11:30-13:00 (got '"
                + clip(windows)
                + "')");
      } else {
        p.set("locationWindows", all);
      }
    }
    return p;
  }

  /** A validation error of a Policy, with the JSON field names as the CSV columns. */
  static String policyColumnName(String error) {
    for (String column : CAP_COLUMNS) {
      String field = "capPercent." + column.substring(3).toUpperCase(Locale.ROOT) + ":";
      if (error.startsWith(field)) return column + ":" + error.substring(field.length());
    }
    Matcher w = WINDOW_ERROR.matcher(error);
    if (w.matches()) {
      return "locationWindows: window " + (Integer.parseInt(w.group(1)) + 1) + ": " + w.group(2);
    }
    Matcher s = SERVICE_ERROR.matcher(error);
    if (s.matches()) return "serviceHours: " + s.group(1);
    return error;
  }

  private static void copy(ObjectNode from, ObjectNode to, String field) {
    String v = text(from, field);
    if (v != null) to.put(field, v);
  }

  private static String text(ObjectNode row, String column) {
    if (!row.path(column).isTextual()) return null;
    String v = row.get(column).asText().trim();
    return v.isEmpty() ? null : v;
  }

  /** "75", or "75%" for a percentage cell when allowed. */
  private static Integer integer(
      ObjectNode row, String column, boolean percent, List<String> errors) {
    String v = text(row, column);
    if (v == null) return null;
    String digits = percent && v.endsWith("%") ? v.substring(0, v.length() - 1).trim() : v;
    try {
      return Integer.valueOf(digits);
    } catch (NumberFormatException e) {
      errors.add(column + ": must be an integer (got '" + clip(v) + "')");
      return null;
    }
  }

  /** "08:00-15:00" (or with an en dash, spaces around) as ["08:00", "15:00"]; null if not one. */
  private static ArrayNode span(String text) {
    String[] parts = text.replace('\u2013', '-').split("-", -1);
    if (parts.length != 2 || parts[0].isBlank() || parts[1].isBlank()) return null;
    ArrayNode span = Json.MAPPER.createArrayNode();
    span.add(parts[0].trim());
    span.add(parts[1].trim());
    return span;
  }

  private static String clip(String s) {
    return s.length() > 40 ? s.substring(0, 40) + "…" : s;
  }
}
