package id.pantau.local.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** CSV uploads (units, zones, policies, rosters): valid rows, then spoiled cells and framing. */
final class CsvFuzz {
  private CsvFuzz() {}

  /** The rows under a header of the columns, each cell the row's field (nested ones flattened). */
  static List<List<String>> table(List<String> columns, List<? extends JsonNode> rows) {
    List<List<String>> out = new ArrayList<>();
    out.add(new ArrayList<>(columns));
    for (JsonNode row : rows) {
      List<String> cells = new ArrayList<>();
      for (String c : columns) {
        JsonNode v = row.get(c);
        cells.add(v == null || v.isNull() ? "" : v.isValueNode() ? v.asText() : join(v));
      }
      out.add(cells);
    }
    return out;
  }

  private static String join(JsonNode v) {
    List<String> parts = new ArrayList<>();
    v.forEach(p -> parts.add(p.isValueNode() ? p.asText() : join(p).replace(';', '-')));
    return String.join(v.size() == 2 && v.get(0).isValueNode() ? "-" : ";", parts);
  }

  /** Spoils a few cells, or the framing, when {@code spoil}; then the text (UTF-8 as ISO chars). */
  static String text(SplittableRandom r, List<List<String>> table, boolean spoil) {
    if (spoil) {
      int n = 1 + r.nextInt(3);
      for (int i = 0; i < n; i++) {
        List<String> row = table.get(r.nextInt(table.size()));
        if (row.isEmpty()) continue;
        int c = r.nextInt(row.size());
        switch (r.nextInt(6)) {
          case 0 -> row.remove(c);
          case 1 -> row.add(Hostile.text(r));
          case 2 -> row.set(c, Hostile.pick(r, Hostile.NUMBERS));
          case 3 -> row.set(c, "\"" + Hostile.text(r)); // an unbalanced quote
          default -> row.set(c, Hostile.text(r));
        }
      }
    }
    String delimiter = spoil && r.nextInt(6) == 0 ? ";" : ",";
    StringBuilder s = new StringBuilder();
    if (spoil && r.nextInt(8) == 0) s.append('\ufeff');
    for (List<String> row : table) {
      List<String> cells = new ArrayList<>();
      for (String cell : row) cells.add(quote(cell, delimiter, spoil && r.nextInt(10) == 0));
      s.append(String.join(delimiter, cells)).append(r.nextInt(4) == 0 ? "\n" : "\r\n");
    }
    String text = Hostile.utf8(s.toString());
    if (spoil && r.nextInt(6) == 0) {
      int at = r.nextInt(text.length() + 1);
      text = text.substring(0, at) + Hostile.invalidUtf8(r) + text.substring(at);
    }
    return text;
  }

  private static String quote(String cell, String delimiter, boolean raw) {
    if (raw) return cell;
    if (cell.contains(delimiter)
        || cell.contains("\"")
        || cell.contains("\n")
        || cell.contains("\r")) {
      return "\"" + cell.replace("\"", "\"\"") + "\"";
    }
    return cell;
  }
}
