package id.pantau.sink;

import java.util.ArrayList;
import java.util.List;

/**
 * The parts of a line-protocol line that decide whether a later line makes it redundant: its point
 * (series key and timestamp) and the keys of its fields. InfluxDB keeps one point per series and
 * timestamp and lets a later write's fields win, so a buffered line whose point is written again,
 * with at least the same fields, before the batch goes out need not be sent at all.
 */
record LinePoint(String point, List<String> fieldKeys) {
  /** Null for a line without a timestamp or in a shape not understood: such a line is kept. */
  static LinePoint of(String line) {
    int seriesEnd = unescapedSpace(line, 0);
    if (seriesEnd < 0) return null;
    List<String> keys = new ArrayList<>(8);
    int i = seriesEnd + 1;
    int keyStart = i;
    boolean quoted = false;
    boolean inValue = false;
    for (; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quoted) {
        if (c == '\\') i++;
        else if (c == '"') quoted = false;
      } else if (c == '\\') {
        i++;
      } else if (c == '"') {
        quoted = true;
      } else if (c == '=' && !inValue) {
        keys.add(line.substring(keyStart, i));
        inValue = true;
      } else if (c == ',' && inValue) {
        keyStart = i + 1;
        inValue = false;
      } else if (c == ' ') {
        break;
      }
    }
    if (i >= line.length() || keys.isEmpty()) return null; // no timestamp: the server's clock
    String time = line.substring(i + 1);
    if (time.isEmpty()) return null;
    return new LinePoint(line.substring(0, seriesEnd) + ' ' + time, keys);
  }

  /** Whether this line's fields include every field of {@code earlier}. */
  boolean covers(LinePoint earlier) {
    return fieldKeys.containsAll(earlier.fieldKeys);
  }

  private static int unescapedSpace(String s, int from) {
    for (int i = from; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\\') i++;
      else if (c == ' ') return i;
    }
    return -1;
  }
}
