package id.pantau.api.hooks;

import com.fasterxml.jackson.databind.JsonNode;
import id.pantau.access.Principal;
import id.pantau.api.ApiException;
import id.pantau.events.Alert;
import id.pantau.events.Json;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The body of {@code PUT /api/v1/hooks/{name}} checked against the caller: every bad field is a 400
 * {@code field: reason} (all in one answer), a region or unit outside the caller's scope a 403
 * naming it. Empty or absent lists mean every one the caller may see.
 */
final class HookRequest {
  static final Pattern NAME = Pattern.compile("[a-z0-9-]{1,64}");
  static final int MIN_SECRET = 16;
  static final int MAX_SECRET = 256;
  static final int MAX_URL = 2000;
  static final int MAX_ID = 200;
  static final int MAX_ITEMS = 500;
  private static final Set<String> FIELDS = Set.of("url", "regions", "units", "kinds", "secret");

  private HookRequest() {}

  /** The hook the caller asks for. */
  static Hook parse(Principal caller, String name, byte[] body, Instant now) {
    List<String> errors = new ArrayList<>();
    if (name == null || !NAME.matcher(name).matches()) {
      errors.add("name: must be 1 to 64 characters of a-z, 0-9 and -, e.g. bkd-serang-alerts");
    }
    JsonNode json = read(body);
    if (json == null || !json.isObject()) {
      errors.add(
          "body: must be a JSON object {\"url\", \"secret\", \"regions\": [], \"units\": [],"
              + " \"kinds\": []}");
      throw ApiException.badRequest(errors);
    }
    for (Iterator<String> it = json.fieldNames(); it.hasNext(); ) {
      String f = it.next();
      if (!FIELDS.contains(f))
        errors.add(f + ": unknown field; use url, regions, units, kinds, secret");
    }
    String url = url(json.get("url"), errors);
    String secret = secret(json.get("secret"), errors);
    List<String> regions = ids("regions", json.get("regions"), errors);
    List<String> units = ids("units", json.get("units"), errors);
    List<String> kinds = ids("kinds", json.get("kinds"), errors);
    for (String k : kinds) {
      if (!Alert.KINDS.contains(k)) {
        errors.add("kinds: '" + k + "' is no alert kind; use " + String.join(", ", Alert.KINDS));
      }
    }
    if (!errors.isEmpty()) throw ApiException.badRequest(errors);
    requireInScope(caller, regions, units);
    return new Hook(
        name,
        url,
        regions,
        units,
        kinds,
        secret,
        caller.name(),
        sorted(caller.regions()),
        sorted(caller.units()),
        now.toString());
  }

  /**
   * A hook may narrow the caller's scope, never widen it. A unit of a region-scoped caller is let
   * through: its region is known only from its alerts, and the owner's scope is applied to each.
   */
  private static void requireInScope(Principal caller, List<String> regions, List<String> units) {
    if (caller.seesEverything()) return;
    for (String r : regions) {
      if (!caller.regions().contains(r)) {
        throw ApiException.forbidden(
            "regions: '" + r + "' is not among the regions this token may see");
      }
    }
    if (!caller.regions().isEmpty()) return;
    for (String u : units) {
      if (!caller.units().contains(u)) {
        throw ApiException.forbidden(
            "units: '" + u + "' is not among the units this token may see");
      }
    }
  }

  private static JsonNode read(byte[] body) {
    if (body == null || body.length == 0) return null;
    try {
      return Json.MAPPER.readTree(body);
    } catch (IOException e) {
      return null;
    }
  }

  private static String url(JsonNode node, List<String> errors) {
    String reason = "url: must be an absolute http or https URL, e.g. https://example.go.id/hook";
    if (node == null || !node.isTextual() || node.asText().isBlank()) {
      errors.add(reason);
      return null;
    }
    String text = node.asText().strip();
    if (text.length() > MAX_URL) {
      errors.add("url: must be at most " + MAX_URL + " characters");
      return null;
    }
    try {
      URI u = new URI(text);
      String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase();
      if ((scheme.equals("http") || scheme.equals("https")) && u.getHost() != null) return text;
    } catch (URISyntaxException e) {
      // the reason below says what to send
    }
    errors.add(reason);
    return null;
  }

  private static String secret(JsonNode node, List<String> errors) {
    if (node == null || !node.isTextual()) {
      errors.add("secret: required, " + MIN_SECRET + " to " + MAX_SECRET + " characters");
      return null;
    }
    String s = node.asText();
    if (s.length() < MIN_SECRET || s.length() > MAX_SECRET) {
      errors.add(
          "secret: must be "
              + MIN_SECRET
              + " to "
              + MAX_SECRET
              + " characters (got "
              + s.length()
              + "); e.g. openssl rand -hex 32");
      return null;
    }
    return s;
  }

  /** A list of 1–200 character IDs; absent or null is empty. Repeats count once. */
  private static List<String> ids(String field, JsonNode node, List<String> errors) {
    if (node == null || node.isNull()) return List.of();
    if (!node.isArray() || node.size() > MAX_ITEMS) {
      errors.add(field + ": must be a list of at most " + MAX_ITEMS + " strings, e.g. [\"a\"]");
      return List.of();
    }
    Set<String> out = new LinkedHashSet<>();
    for (JsonNode item : node) {
      if (!item.isTextual() || item.asText().isBlank() || item.asText().length() > MAX_ID) {
        errors.add(field + ": each must be a string of 1 to " + MAX_ID + " characters");
        return List.of();
      }
      out.add(item.asText().strip());
    }
    return List.copyOf(out);
  }

  private static List<String> sorted(Set<String> s) {
    return s.stream().sorted().toList();
  }
}
