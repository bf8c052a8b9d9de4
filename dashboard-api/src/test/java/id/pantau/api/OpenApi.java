package id.pantau.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The hand-kept openapi.json of the class path, read for the tests: its operations and refs. */
final class OpenApi {
  private static final Pattern TEMPLATE = Pattern.compile("\\{([^}/]+)}");
  private static final List<String> METHODS =
      List.of("get", "put", "post", "delete", "options", "head", "patch", "trace");

  /** One operation: method, path as the document writes it ({@code /units/{unitId}}). */
  record Operation(String method, String path, JsonNode node, JsonNode pathItem) {
    String route() {
      return method.toUpperCase(Locale.ROOT) + " " + path;
    }

    /** The operation's and its path item's parameters, refs resolved. */
    List<JsonNode> parameters(JsonNode root) {
      List<JsonNode> all = new ArrayList<>();
      for (JsonNode p : pathItem.path("parameters")) all.add(resolve(root, p));
      for (JsonNode p : node.path("parameters")) all.add(resolve(root, p));
      return all;
    }

    TreeSet<String> parameterNames(JsonNode root, String in) {
      TreeSet<String> names = new TreeSet<>();
      for (JsonNode p : parameters(root)) {
        if (p.path("in").asText().equals(in)) names.add(p.path("name").asText());
      }
      return names;
    }
  }

  private OpenApi() {}

  static String text() {
    return DashboardApp.page("/openapi.json");
  }

  static JsonNode document() {
    return Http.json(text());
  }

  static List<Operation> operations(JsonNode root) {
    List<Operation> ops = new ArrayList<>();
    for (Map.Entry<String, JsonNode> path : root.path("paths").properties()) {
      for (String method : METHODS) {
        JsonNode op = path.getValue().get(method);
        if (op != null) ops.add(new Operation(method, path.getKey(), op, path.getValue()));
      }
    }
    return ops;
  }

  /** The names in a path's braces, in order. */
  static TreeSet<String> templateNames(String path) {
    TreeSet<String> names = new TreeSet<>();
    Matcher m = TEMPLATE.matcher(path);
    while (m.find()) names.add(m.group(1));
    return names;
  }

  /** A node, or what its local {@code $ref} points at. */
  static JsonNode resolve(JsonNode root, JsonNode node) {
    JsonNode ref = node.get("$ref");
    return ref == null ? node : root.at(ref.asText().substring(1));
  }
}
