package id.pantau.api;

import id.pantau.events.Alert;
import id.pantau.events.Json;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** What the webhook tests send: hook bodies, alerts, the hooks API's calls. */
public final class HookFixtures {
  public static final String SECRET = "rahasia-bkd-0123456789";
  static final String TANGERANG = "kota-tangerang";
  static final String SERANG = "kota-serang";

  private HookFixtures() {}

  /** A hook's JSON body; a null list is left out. */
  public static String hook(
      String url, String secret, List<String> regions, List<String> units, List<String> kinds) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("url", url);
    body.put("secret", secret);
    if (regions != null) body.put("regions", regions);
    if (units != null) body.put("units", units);
    if (kinds != null) body.put("kinds", kinds);
    return Json.text(body);
  }

  /** A hook of every alert the caller may see. */
  public static String hook(String url) {
    return hook(url, SECRET, null, null, null);
  }

  static Alert alert(String kind, String unit, String region) {
    Alert a = new Alert();
    a.alertId = UUID.randomUUID().toString();
    a.kind = kind;
    a.phase = Alert.OPEN;
    a.unitId = unit;
    a.region = region;
    a.limit = 20;
    a.present = 25;
    a.startedAt = "2026-11-23T01:30:00Z";
    a.message = unit + " " + kind;
    return a;
  }

  public static HttpResponse<String> put(String baseUrl, String name, String token, String body) {
    return Http.send("PUT", baseUrl + "/api/v1/hooks/" + name, token, body);
  }

  static HttpResponse<String> delete(String baseUrl, String name, String token) {
    return Http.send("DELETE", baseUrl + "/api/v1/hooks/" + name, token, null);
  }
}
