package id.pantau.api;

import java.util.List;

/** RFC 4180 CSV: a header row, CRLF line ends, fields quoted only when they must be. */
public final class Csv {
  private Csv() {}

  public static String of(List<String> header, List<? extends List<?>> rows) {
    StringBuilder sb = new StringBuilder();
    line(sb, header);
    for (List<?> row : rows) line(sb, row);
    return sb.toString();
  }

  /** A header row of the record's components, then a row of each record's values. */
  public static <R extends Record> String of(Columns<R> columns, List<R> rows) {
    return of(columns.names(), rows.stream().map(columns::values).toList());
  }

  private static void line(StringBuilder sb, List<?> cells) {
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) sb.append(',');
      Object v = cells.get(i);
      if (v != null) sb.append(field(v.toString()));
    }
    sb.append("\r\n");
  }

  static String field(String s) {
    boolean quote =
        s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0;
    return quote ? '"' + s.replace("\"", "\"\"") + '"' : s;
  }
}
