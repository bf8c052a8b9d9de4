package id.pantau.ingest;

import id.pantau.access.Principal;
import id.pantau.access.Role;
import id.pantau.access.TokenStore;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** Tokens and events for the tests. */
final class TestData {
  static final String DEVICE = "device-token";
  static final String OPERATOR = "operator-token";
  static final String BKD_BANTEN = "bkd-banten-token";
  static final String LEADERSHIP = "leadership-token";
  static final String UNIT_SCOPED_DEVICE = "kiosk-disdukcapil-token";

  /** Ingest's clock in the tests: the morning of the events below (08:10 WIB, a Monday). */
  static final Instant NOW = Instant.parse("2026-11-23T01:10:00Z");

  private TestData() {}

  static Clock clock() {
    return Clock.fixed(NOW, ZoneOffset.UTC);
  }

  static TokenStore tokens() {
    Map<String, Principal> m = new HashMap<>();
    m.put(TokenStore.sha256(DEVICE), new Principal("phone-app", Role.DEVICE, Set.of(), Set.of()));
    m.put(TokenStore.sha256(OPERATOR), new Principal("ops", Role.OPERATOR, Set.of(), Set.of()));
    m.put(
        TokenStore.sha256(BKD_BANTEN),
        new Principal("bkd-banten", Role.BKD_ADMIN, Set.of("banten"), Set.of()));
    m.put(
        TokenStore.sha256(LEADERSHIP), new Principal("sekda", Role.LEADERSHIP, Set.of(), Set.of()));
    m.put(
        TokenStore.sha256(UNIT_SCOPED_DEVICE),
        new Principal("kiosk-1", Role.DEVICE, Set.of(), Set.of("tng-disdukcapil")));
    return TokenStore.of(m);
  }

  static String id() {
    return UUID.randomUUID().toString();
  }

  static String attendance(String eventId, String nip) {
    return "{\"type\":\"attendance\",\"eventId\":\""
        + eventId
        + "\",\"nip\":\""
        + nip
        + "\",\"unitId\":\"tng-disdukcapil\",\"action\":\"CHECK_IN\",\"mode\":\"WFO\","
        + "\"time\":\"2026-11-23T07:12:03+07:00\","
        + "\"location\":{\"lat\":-6.1783,\"lon\":106.6319,\"accuracyM\":12.5,\"mock\":false},"
        + "\"deviceId\":\"a1f3\",\"source\":\"APP\"}";
  }

  static String location(String eventId, String nip) {
    return "{\"type\":\"location\",\"eventId\":\""
        + eventId
        + "\",\"nip\":\""
        + nip
        + "\",\"unitId\":\"tng-disdukcapil\",\"time\":\"2026-11-23T08:05:00+07:00\","
        + "\"location\":{\"lat\":-6.20,\"lon\":106.62,\"accuracyM\":30,\"mock\":false},"
        + "\"deviceId\":\"a1f3\"}";
  }

  static String unitBody(String region, String timeZone) {
    return "{\"name\":\"Dinas Kependudukan dan Pencatatan Sipil\",\"region\":\""
        + region
        + "\",\"timeZone\":\""
        + timeZone
        + "\",\"headcount\":120,\"essential\":true,\"minPresent\":30,"
        + "\"office\":{\"lat\":-6.1783,\"lon\":106.6319,\"radiusM\":150}}";
  }
}
