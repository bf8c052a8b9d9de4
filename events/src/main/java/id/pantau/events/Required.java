package id.pantau.events;

import java.util.List;

/** Small checks shared by the validators; each adds "field: reason". */
public final class Required {

  private Required() {}

  static void text(String field, String value, List<String> errors) {
    if (value == null || value.isBlank()) errors.add(field + ": is required");
  }

  public static void id(String field, String value, List<String> errors) {
    if (value == null || value.isBlank()) errors.add(field + ": is required");
    else if (!isPlainId(value)) {
      errors.add(field + ": must be 1-128 letters, digits or . _ : - (got '" + clip(value) + "')");
    }
  }

  /**
   * Identifiers are used as Kafka keys and InfluxDB tag values: keep them plain, i.e.
   * [A-Za-z0-9][A-Za-z0-9._:-]{0,127}. A loop, not a regex: it runs for every field of every event.
   */
  static boolean isPlainId(String s) {
    int n = s.length();
    if (n == 0 || n > 128) return false;
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      boolean alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
      if (!alnum && (i == 0 || (c != '.' && c != '_' && c != ':' && c != '-'))) return false;
    }
    return true;
  }

  static void present(String field, Object value, List<String> errors) {
    if (value == null) errors.add(field + ": is required");
  }

  static String clip(String s) {
    return s.length() > 40 ? s.substring(0, 40) + "…" : s;
  }
}
