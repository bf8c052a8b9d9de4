package id.pantau.local.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import id.pantau.events.Json;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.zip.GZIPInputStream;

/**
 * What every answer must be: complete (no broken connection), never a 5xx (but a health endpoint's
 * 503 health report, {@link #healthReport}), a 2xx only where the request may get one, and a 4xx
 * with a JSON body giving a reason ({@code errors} or {@code error}).
 */
final class Check {
  private Check() {}

  /** Null when the answer is right, else what is wrong with it. */
  static String problem(FuzzRequest request, Answer answer) {
    if (answer.broken() != null) return "broken connection";
    int s = answer.status();
    if (s >= 500) return s == 503 && healthReport(request, answer) ? null : "a " + s;
    if (s >= 200 && s < 300) {
      if (!request.ok().contains(s)) return "a " + s + " where none is documented";
      String type = answer.header("content-type");
      if (!request.isHead() && type != null && type.startsWith("application/json")) {
        JsonNode body = json(answer);
        if (body == null) return "a " + s + " whose body is not JSON";
        return narrowed(request, body);
      }
      return null;
    }
    if (s >= 400) {
      String type = answer.header("content-type");
      if (type == null || !type.startsWith("application/json")) {
        return "a " + s + " without a JSON body (Content-Type " + type + ")";
      }
      if (request.isHead()) return null;
      JsonNode body = json(answer);
      if (body == null || !body.isObject()) return "a " + s + " whose body is not a JSON object";
      if (!hasReason(body)) return "a " + s + " without a reason (errors or error)";
      return null;
    }
    return "a " + s + " (neither 2xx nor 4xx)";
  }

  /**
   * Whether a 503 is a health endpoint's documented answer that something it depends on is down:
   * ingest's {@code GET /v1/health} answers {@code 503 {"kafka": "down", "error": "…"}} and
   * dashboard-api's {@code GET /api/v1/health} {@code 503 {"kafka": …, "influxdb": …, "occupancy":
   * …}} with one {@code "down"} when Kafka does not answer within 2 s (or influxd does not answer
   * its ping). On an overloaded machine (a CI runner building beside the fuzz) Kafka can be that
   * slow while nothing is wrong with the services: the endpoint then tells the truth, and counting
   * it a failure would make the fuzz flaky. So it passes only for a request that could get the
   * health endpoint's 200 (one the generator made for health, not spoiled) whose target names
   * health, with a JSON body that is exactly that service's report and says what is down; every
   * other 5xx, a 503 from any other route, with another body or without one (HEAD) stays a failure.
   */
  static boolean healthReport(FuzzRequest request, Answer answer) {
    String target = request.raw() != null ? request.raw() : request.target();
    if (!request.ok().contains(200) || target == null || !target.contains("health")) return false;
    if (request.isHead()) return false;
    String type = answer.header("content-type");
    if (type == null || !type.startsWith("application/json")) return false;
    JsonNode body = json(answer);
    if (body == null || !body.isObject()) return false;
    Set<String> fields = new HashSet<>();
    body.fieldNames().forEachRemaining(fields::add);
    return switch (request.service()) {
      case INGEST ->
          fields.equals(Set.of("kafka", "error"))
              && is(body.get("kafka"), "down")
              && body.get("error").isTextual()
              && !body.get("error").asText().isBlank();
      case DASHBOARD ->
          Set.of("kafka", "influxdb", "occupancy").containsAll(fields)
              && fields.containsAll(Set.of("kafka", "influxdb"))
              && (is(body.get("kafka"), "up") || is(body.get("kafka"), "down"))
              && (is(body.get("influxdb"), "up") || is(body.get("influxdb"), "down"))
              && (is(body.get("kafka"), "down") || is(body.get("influxdb"), "down"));
    };
  }

  private static boolean is(JsonNode value, String text) {
    return value.isTextual() && value.asText().equals(text);
  }

  /**
   * The injection oracle: a read narrowed to one unit or region answers rows of that one only, so a
   * quote, regex or statement in the parameter never widened the query.
   */
  private static String narrowed(FuzzRequest request, JsonNode body) {
    if (request.service() != FuzzRequest.Service.DASHBOARD || request.target() == null) return null;
    for (String param : List.of("unit", "region")) {
      String asked = single(request.target(), param);
      if (asked == null) continue;
      for (String list : List.of("rows", "breaches")) {
        for (JsonNode row : body.path(list)) {
          String got = row.path(param).asText(null);
          if (!asked.equals(got)) {
            return "rows of "
                + param
                + " '"
                + got
                + "' for "
                + param
                + "="
                + Hostile.printable(asked, 80);
          }
        }
      }
    }
    return null;
  }

  /** The decoded value of a query parameter given exactly once, else null. */
  private static String single(String target, String name) {
    int fragment = target.indexOf('#');
    if (fragment >= 0) target = target.substring(0, fragment); // not sent as query
    int q = target.indexOf('?');
    if (q < 0) return null;
    String value = null;
    for (String pair : target.substring(q + 1).split("&")) {
      if (!pair.startsWith(name + "=")) continue;
      if (value != null) return null;
      try {
        value = URLDecoder.decode(pair.substring(name.length() + 1), StandardCharsets.UTF_8);
      } catch (IllegalArgumentException e) {
        return null;
      }
    }
    return value == null || value.isBlank() ? null : value;
  }

  private static boolean hasReason(JsonNode body) {
    JsonNode errors = body.get("errors");
    if (errors != null && errors.isArray() && !errors.isEmpty()) {
      for (JsonNode e : errors) if (!e.isTextual() || e.asText().isBlank()) return false;
      return true;
    }
    JsonNode error = body.get("error");
    return error != null && error.isTextual() && !error.asText().isBlank();
  }

  private static JsonNode json(Answer answer) {
    try {
      byte[] body = answer.body();
      String encoding = answer.header("content-encoding");
      if (encoding != null && encoding.contains("gzip")) {
        body = new GZIPInputStream(new ByteArrayInputStream(body)).readAllBytes();
      }
      return Json.MAPPER.readTree(body);
    } catch (IOException e) {
      return null;
    }
  }
}
