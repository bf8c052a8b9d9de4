package id.pantau.local;

import com.fasterxml.jackson.databind.JsonNode;
import id.pantau.events.Json;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * InfluxQL as Grafana's InfluxDB data source sends it (POST, database {@code pantau}, epoch ms):
 * the macros {@code $timeFilter} and {@code $__interval} and dashboard variables substituted, then
 * the query run against a real influxd.
 */
final class InfluxQl {
  /** One series of an answer: tags, column names and rows (first column the time). */
  record Series(String name, Map<String, String> tags, List<String> columns, List<JsonNode> rows) {
    /** The values of the first column after the time, as numbers (null where not a number). */
    List<Double> values() {
      List<Double> out = new ArrayList<>();
      for (JsonNode r : rows) {
        JsonNode v = r.get(1);
        out.add(v == null || !v.isNumber() ? null : v.asDouble());
      }
      return out;
    }
  }

  /** An answer: its series, or the error InfluxDB gave. */
  record Answer(List<Series> series, String error) {
    boolean empty() {
      return series.stream().allMatch(s -> s.rows().isEmpty());
    }
  }

  private final String url;
  private final String db;
  private final HttpClient http = HttpClient.newHttpClient();

  InfluxQl(String url) {
    this(url, "pantau");
  }

  /** Queries database {@code db} instead. */
  InfluxQl(String url, String db) {
    this.url = url;
    this.db = db;
  }

  Answer run(String query) throws Exception {
    String form =
        "db="
            + URLEncoder.encode(db, StandardCharsets.UTF_8)
            + "&epoch=ms&q="
            + URLEncoder.encode(query, StandardCharsets.UTF_8);
    HttpRequest req =
        HttpRequest.newBuilder(URI.create(url + "/query"))
            .timeout(Duration.ofSeconds(60))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form))
            .build();
    HttpResponse<String> r = http.send(req, HttpResponse.BodyHandlers.ofString());
    JsonNode body = Json.MAPPER.readTree(r.body());
    if (body.has("error")) return new Answer(List.of(), body.get("error").asText());
    JsonNode result = body.path("results").path(0);
    if (result.has("error")) return new Answer(List.of(), result.get("error").asText());
    if (r.statusCode() != 200) return new Answer(List.of(), "HTTP " + r.statusCode());
    List<Series> out = new ArrayList<>();
    for (JsonNode s : result.path("series")) {
      Map<String, String> tags = new LinkedHashMap<>();
      s.path("tags").fields().forEachRemaining(e -> tags.put(e.getKey(), e.getValue().asText()));
      List<String> columns = new ArrayList<>();
      s.path("columns").forEach(c -> columns.add(c.asText()));
      List<JsonNode> rows = new ArrayList<>();
      s.path("values").forEach(rows::add);
      out.add(new Series(s.path("name").asText(), tags, columns, rows));
    }
    return new Answer(out, null);
  }

  /** Grafana's {@code $timeFilter} for InfluxQL: both ends included, in epoch milliseconds. */
  static String timeFilter(long fromMs, long toMs) {
    return "time >= " + fromMs + "ms and time <= " + toMs + "ms";
  }

  /** The interval Grafana picks for a range: about 1,000 points, at least {@code minMs}. */
  static String interval(long rangeMs, long minMs) {
    long raw = Math.max(rangeMs / 1_000, minMs);
    long[] steps = {
      1_000,
      5_000,
      10_000,
      15_000,
      20_000,
      30_000,
      60_000,
      120_000,
      300_000,
      600_000,
      900_000,
      1_200_000,
      1_800_000,
      3_600_000,
      7_200_000,
      10_800_000,
      21_600_000,
      43_200_000,
      86_400_000
    };
    for (long s : steps) {
      if (s >= raw) return s % 60_000 == 0 ? s / 60_000 + "m" : s / 1_000 + "s";
    }
    return "1d";
  }

  /**
   * A variable's value as Grafana writes it into InfluxQL for {@code =~ /^$var$/}: each value
   * regex-escaped, several as {@code (a|b)}; "All" without an all-value is every value.
   */
  static String regexValue(List<String> values) {
    List<String> escaped = values.stream().map(InfluxQl::escape).toList();
    return escaped.size() == 1 ? escaped.get(0) : "(" + String.join("|", escaped) + ")";
  }

  private static final Pattern SPECIAL = Pattern.compile("[\\\\^$*+?.()|\\[\\]{}/]");

  static String escape(String v) {
    return SPECIAL.matcher(v).replaceAll(m -> Matcher.quoteReplacement("\\" + m.group()));
  }

  private static final Pattern VARIABLE = Pattern.compile("\\$\\{(\\w+)}|\\$(\\w+)");

  /**
   * Substitutes {@code $timeFilter}, {@code $__interval} and the variables; throws on a {@code $}
   * reference left over, which Grafana would send as it stands.
   */
  static String substitute(
      String query, String timeFilter, String interval, Map<String, String> variables) {
    Matcher m = VARIABLE.matcher(query);
    StringBuilder sb = new StringBuilder();
    while (m.find()) {
      String name = m.group(1) != null ? m.group(1) : m.group(2);
      String value =
          switch (name) {
            case "timeFilter" -> timeFilter;
            case "__interval" -> interval;
            default -> variables.get(name);
          };
      if (value == null) throw new IllegalArgumentException("unknown variable $" + name);
      m.appendReplacement(sb, Matcher.quoteReplacement(value));
    }
    m.appendTail(sb);
    return sb.toString();
  }

  /** The names of the variables a query uses, without Grafana's macros. */
  static List<String> variablesIn(String query) {
    List<String> out = new ArrayList<>();
    Matcher m = VARIABLE.matcher(query);
    while (m.find()) {
      String name = m.group(1) != null ? m.group(1) : m.group(2);
      if (!name.equals("timeFilter") && !name.startsWith("__") && !out.contains(name)) {
        out.add(name);
      }
    }
    return out;
  }
}
