package id.pantau.ingest;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ObjectNode;
import id.pantau.events.Json;
import java.io.IOException;
import java.util.List;
import java.util.Locale;

/** Content types and bodies of requests: what a body is, or the 400/415 that says why not. */
final class Bodies {
  static final String JSON = "application/json";
  static final String NDJSON = "application/x-ndjson";
  static final String CSV = "text/csv";

  private static final ObjectReader TREE =
      Json.MAPPER.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private Bodies() {}

  /** "application/json; charset=utf-8" → "application/json"; missing → "". */
  static String mediaType(String contentType) {
    if (contentType == null) return "";
    int semi = contentType.indexOf(';');
    return (semi < 0 ? contentType : contentType.substring(0, semi))
        .trim()
        .toLowerCase(Locale.ROOT);
  }

  /** NDJSON under either of its names. */
  static boolean isNdjson(String mediaType) {
    return mediaType.equals(NDJSON) || mediaType.equals("application/ndjson");
  }

  /** 415 unless the request is JSON; {@code hint} says where else to go, e.g. for CSV. */
  static void requireJson(String contentType, String what, String hint) {
    if (!mediaType(contentType).equals(JSON)) {
      throw IngestException.unsupportedMediaType(
          describe(contentType) + " is not accepted here: send " + what + " as " + JSON + hint,
          "Content-Type: must be " + JSON);
    }
  }

  /** 415 naming what is accepted instead. */
  static IngestException unsupported(String contentType, String instead, List<String> types) {
    return IngestException.unsupportedMediaType(
        describe(contentType) + " is not accepted here: " + instead,
        "Content-Type: must be " + or(types));
  }

  private static String or(List<String> types) {
    if (types.size() == 1) return types.get(0);
    return String.join(", ", types.subList(0, types.size() - 1))
        + " or "
        + types.get(types.size() - 1);
  }

  static JsonNode parseJson(byte[] body) {
    try {
      JsonNode node = TREE.readTree(body);
      if (node == null || node.isMissingNode()) {
        throw IngestException.badRequest("the body is empty", List.of("body: is empty"));
      }
      return node;
    } catch (IOException e) {
      String reason = Json.describe(e);
      throw IngestException.badRequest("the body is not valid JSON: " + reason, List.of(reason));
    }
  }

  static ObjectNode object(byte[] body) {
    JsonNode node = parseJson(body);
    if (!node.isObject()) {
      throw IngestException.badRequest(
          "the body must be a JSON object", List.of("body: must be a JSON object"));
    }
    return (ObjectNode) node;
  }

  /** The path names the record: the body may repeat the same value, not another one. */
  static void takePathValue(ObjectNode node, String field, String pathValue) {
    JsonNode given = node.get(field);
    if (given != null && !given.isNull() && !given.asText().equals(pathValue)) {
      throw IngestException.badRequest(
          "the " + field + " of the body is not the one of the path",
          List.of(
              field
                  + ": does not match the path ('"
                  + clip(given.asText())
                  + "' in the body, '"
                  + clip(pathValue)
                  + "' in the path)"));
    }
    node.put(field, pathValue);
  }

  static String describe(String contentType) {
    return contentType == null || contentType.isBlank()
        ? "a request without Content-Type"
        : "Content-Type '" + clip(contentType) + "'";
  }

  static boolean isBlank(byte[] body) {
    for (byte b : body) if (b != ' ' && b != '\t' && b != '\r' && b != '\n') return false;
    return true;
  }

  static String clip(String s) {
    return s.length() > 60 ? s.substring(0, 60) + "…" : s;
  }
}
