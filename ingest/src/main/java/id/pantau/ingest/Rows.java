package id.pantau.ingest;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ObjectNode;
import id.pantau.events.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The rows of a bulk upload as JSON objects, from a JSON array, NDJSON or CSV with a header of
 * column names, each with the place to name in errors: "item 3" for an array element, "line 3" for
 * a line of NDJSON or CSV. A row that is not even an object carries its reason instead.
 */
final class Rows {
  /** A row: where it is, its JSON (string cells for CSV) or why it is none, and if from CSV. */
  record Row(String where, ObjectNode node, String error, boolean csv) {}

  private static final ObjectReader TREE =
      Json.MAPPER.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private Rows() {}

  static List<Row> fromJsonArray(JsonNode root, int maxRows) {
    if (root.size() > maxRows) throw tooMany(maxRows);
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < root.size(); i++) {
      JsonNode n = root.get(i);
      String where = "item " + (i + 1);
      rows.add(
          n.isObject()
              ? new Row(where, (ObjectNode) n, null, false)
              : new Row(where, null, "must be a JSON object", false));
    }
    return rows;
  }

  static List<Row> fromNdjson(byte[] body, int maxRows) {
    List<NdjsonLines.Line> lines = NdjsonLines.split(body);
    if (lines.size() > maxRows) throw tooMany(maxRows);
    List<Row> rows = new ArrayList<>();
    for (NdjsonLines.Line line : lines) {
      String where = "line " + line.number();
      try {
        JsonNode n = TREE.readTree(body, line.offset(), line.length());
        rows.add(
            n != null && n.isObject()
                ? new Row(where, (ObjectNode) n, null, false)
                : new Row(where, null, "body: must be a JSON object", false));
      } catch (IOException e) {
        rows.add(new Row(where, null, Json.describe(e), false));
      }
    }
    return rows;
  }

  /** CSV with a header naming columns among {@code columns} (any case, any order). */
  static List<Row> fromCsv(byte[] body, List<String> columns, List<String> required, int maxRows) {
    List<CsvReader.Row> csv;
    try {
      csv = CsvReader.read(new String(body, StandardCharsets.UTF_8));
    } catch (CsvReader.CsvException e) {
      throw IngestException.badRequest(
          "the CSV cannot be read", List.of("line " + e.line + ": " + e.getMessage()));
    }
    if (csv.isEmpty()) {
      throw IngestException.badRequest(
          "the CSV is empty",
          List.of("body: needs a header row (" + String.join(",", columns) + ") and rows"));
    }
    if (csv.size() - 1 > maxRows) throw tooMany(maxRows);
    Map<String, String> canonical = new LinkedHashMap<>();
    for (String c : columns) canonical.put(c.toLowerCase(Locale.ROOT), c);
    CsvReader.Row header = csv.get(0);
    List<String> names = new ArrayList<>();
    List<String> errors = new ArrayList<>();
    for (String cell : header.cells()) {
      String name = canonical.get(cell.toLowerCase(Locale.ROOT));
      if (name == null) {
        errors.add(
            "line "
                + header.line()
                + ": unknown column '"
                + cell
                + "'; columns are "
                + String.join(",", columns));
      } else if (names.contains(name)) {
        errors.add("line " + header.line() + ": column '" + name + "' appears twice");
      }
      names.add(name);
    }
    for (String r : required) {
      if (!names.contains(r)) {
        errors.add("line " + header.line() + ": the header lacks the column '" + r + "'");
      }
    }
    if (!errors.isEmpty()) throw IngestException.badRequest("the CSV header is not usable", errors);
    List<Row> rows = new ArrayList<>();
    for (CsvReader.Row r : csv.subList(1, csv.size())) {
      String where = "line " + r.line();
      List<String> cells = r.cells();
      if (cells.size() > names.size()
          && !cells.subList(names.size(), cells.size()).stream().allMatch(String::isEmpty)) {
        rows.add(
            new Row(
                where,
                null,
                "has " + cells.size() + " cells where the header has " + names.size(),
                true));
        continue;
      }
      ObjectNode node = Json.MAPPER.createObjectNode();
      for (int i = 0; i < names.size() && i < cells.size(); i++) {
        if (!cells.get(i).isEmpty()) node.put(names.get(i), cells.get(i));
      }
      rows.add(new Row(where, node, null, true));
    }
    return rows;
  }

  private static IngestException tooMany(int maxRows) {
    return IngestException.tooLarge(
        "the upload has more than " + maxRows + " rows; split it",
        "body: more than " + maxRows + " rows");
  }
}
