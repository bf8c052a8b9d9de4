package id.pantau.api;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A request's query parameters, percent-decoded as UTF-8 whatever its Content-Type says. Javalin
 * decodes the query with the charset of the request's body: an empty or unknown one ({@code
 * Content-Type: application/json; charset=}) dropped every parameter, so {@code ?unit=x&date=d}
 * silently answered every unit for today, and a bad escape ({@code %zz}) dropped its parameter the
 * same way. Here a bad escape is a 400 naming the parameter.
 */
final class QueryParams {
  private final Map<String, List<String>> values;

  private QueryParams(Map<String, List<String>> values) {
    this.values = values;
  }

  /**
   * Parses the raw query string (null: none).
   *
   * @throws ApiException 400 naming each parameter whose name or value is not valid
   *     percent-encoding
   */
  static QueryParams parse(String query) {
    Map<String, List<String>> values = new LinkedHashMap<>();
    List<String> errors = new ArrayList<>();
    if (query != null && !query.isEmpty()) {
      for (String pair : query.split("&")) {
        if (pair.isEmpty()) continue;
        int eq = pair.indexOf('=');
        String rawName = eq < 0 ? pair : pair.substring(0, eq);
        String rawValue = eq < 0 ? "" : pair.substring(eq + 1);
        String name = decode(rawName);
        String value = decode(rawValue);
        if (name == null || value == null) {
          String field = name == null ? "query" : name;
          errors.add(
              field
                  + ": not valid percent-encoding ('"
                  + clip(pair)
                  + "'): write '%' as %25 and encode other bytes as %XX");
          continue;
        }
        values.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
      }
    }
    if (!errors.isEmpty()) throw ApiException.badRequest(errors);
    return new QueryParams(values);
  }

  /** The first value of the parameter, or null when it is absent. */
  String first(String name) {
    List<String> v = values.get(name);
    return v == null || v.isEmpty() ? null : v.get(0);
  }

  private static String decode(String raw) {
    try {
      return URLDecoder.decode(raw, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static String clip(String s) {
    return s.length() > 60 ? s.substring(0, 60) + "…" : s;
  }
}
