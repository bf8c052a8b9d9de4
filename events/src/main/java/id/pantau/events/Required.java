package id.pantau.events;

import java.util.List;
import java.util.regex.Pattern;

/** Small checks shared by the validators; each adds "field: reason". */
final class Required {
  /** Identifiers are used as Kafka keys and InfluxDB tag values: keep them plain. */
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,127}");

  private Required() {}

  static void text(String field, String value, List<String> errors) {
    if (value == null || value.isBlank()) errors.add(field + ": is required");
  }

  static void id(String field, String value, List<String> errors) {
    if (value == null || value.isBlank()) errors.add(field + ": is required");
    else if (!ID.matcher(value).matches()) {
      errors.add(field + ": must be 1-128 letters, digits or . _ : - (got '" + clip(value) + "')");
    }
  }

  static void present(String field, Object value, List<String> errors) {
    if (value == null) errors.add(field + ": is required");
  }

  static String clip(String s) {
    return s.length() > 40 ? s.substring(0, 40) + "…" : s;
  }
}
