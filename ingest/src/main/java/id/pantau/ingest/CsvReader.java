package id.pantau.ingest;

import java.util.ArrayList;
import java.util.List;

/**
 * A small RFC 4180 reader: quoted cells may hold the delimiter, doubled quotes and line breaks.
 * Records carry the line they start on. The delimiter is a comma, or a semicolon when the header
 * has semicolons and no comma (spreadsheets in locales with a decimal comma write those). Blank
 * lines are skipped; a byte-order mark is dropped.
 */
final class CsvReader {
  /** One record: the (1-based) line it starts on and its cells, unquoted. */
  record Row(int line, List<String> cells) {}

  /** A record that cannot be read, e.g. a quote that is never closed. */
  static final class CsvException extends Exception {
    final int line;

    CsvException(int line, String message) {
      super(message);
      this.line = line;
    }
  }

  private CsvReader() {}

  static List<Row> read(String text) throws CsvException {
    if (text.startsWith("\uFEFF")) text = text.substring(1);
    char delimiter = delimiter(text);
    List<Row> rows = new ArrayList<>();
    List<String> cells = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    int line = 1;
    int rowLine = 1;
    boolean quoted = false;
    boolean cellWasQuoted = false;
    int n = text.length();
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      if (quoted) {
        if (c == '"') {
          if (i + 1 < n && text.charAt(i + 1) == '"') {
            cell.append('"');
            i++;
          } else {
            quoted = false;
          }
        } else {
          if (c == '\n') line++;
          cell.append(c);
        }
      } else if (c == '"') {
        if (cell.toString().isBlank() && !cellWasQuoted) {
          cell.setLength(0);
          quoted = true;
          cellWasQuoted = true;
        } else {
          throw new CsvException(line, "a quote inside an unquoted cell; quote the whole cell");
        }
      } else if (c == delimiter) {
        cells.add(cellWasQuoted ? cell.toString() : cell.toString().trim());
        cell.setLength(0);
        cellWasQuoted = false;
      } else if (c == '\n' || c == '\r') {
        cells.add(cellWasQuoted ? cell.toString() : cell.toString().trim());
        cell.setLength(0);
        cellWasQuoted = false;
        if (!allEmpty(cells)) rows.add(new Row(rowLine, cells));
        cells = new ArrayList<>();
        if (c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') i++;
        line++;
        rowLine = line;
      } else if (cellWasQuoted) {
        if (!Character.isWhitespace(c)) {
          throw new CsvException(line, "text after a closing quote; quote the whole cell");
        }
      } else {
        cell.append(c);
      }
    }
    if (quoted) throw new CsvException(rowLine, "a quoted cell is never closed");
    cells.add(cellWasQuoted ? cell.toString() : cell.toString().trim());
    if (!allEmpty(cells)) rows.add(new Row(rowLine, cells));
    return rows;
  }

  /** Blank lines, and the ",,,," rows spreadsheets leave below the data. */
  private static boolean allEmpty(List<String> cells) {
    for (String c : cells) if (!c.isEmpty()) return false;
    return true;
  }

  private static char delimiter(String text) {
    int commas = 0;
    int semicolons = 0;
    boolean quoted = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '"') quoted = !quoted;
      else if (!quoted && (c == '\n' || c == '\r')) break;
      else if (!quoted && c == ',') commas++;
      else if (!quoted && c == ';') semicolons++;
    }
    return semicolons > 0 && commas == 0 ? ';' : ',';
  }
}
