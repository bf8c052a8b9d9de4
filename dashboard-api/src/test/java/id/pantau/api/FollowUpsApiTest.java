package id.pantau.api;

import static id.pantau.api.LiveDashboard.BKD_PROVINCE;
import static id.pantau.api.LiveDashboard.BKD_SERANG;
import static id.pantau.api.LiveDashboard.BKD_TANGERANG;
import static id.pantau.api.LiveDashboard.DAMKAR_HEAD;
import static id.pantau.api.LiveDashboard.DEVICE;
import static id.pantau.api.LiveDashboard.LEADER;
import static id.pantau.api.LiveDashboard.OPERATOR;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import id.pantau.events.Alert;
import id.pantau.events.Json;
import id.pantau.events.Topics;
import id.pantau.infra.Poll;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * GET /api/v1/units/{unitId}/followups against a real Kafka broker: results produced to the
 * compacted pantau.checkins.v1 (some before the dashboard started, read from the beginning) and
 * per-employee alerts of pantau.alerts.v1.
 */
class FollowUpsApiTest {
  static final Duration DEADLINE = Duration.ofSeconds(30);
  static final String TANGERANG = "kota-tangerang";
  static final ZoneId WIB = ZoneId.of("Asia/Jakarta");

  @RegisterExtension static final LiveDashboard app = LiveDashboard.overKafka();
  static LocalDate today;

  @BeforeAll
  static void produceEarlierResults() throws Exception {
    app.kafka().createTopic(Topics.CHECKINS, 2, true);
    today = LocalDate.now(WIB);
    // Written before the dashboard starts: the book reads the topic from its beginning.
    produce(result("tng-damkar", "199001012020011001", today, "ATTENDANCE", "ON_TIME", null, 7));
    produce(result("tng-damkar", "199001012020011001", today, "LOC1", "MISSED", "PENDING", null));
    produce(result("tng-damkar", "198501012010011002", today, "ATTENDANCE", "ON_TIME", null, 7));
    // Older than the 3 days kept.
    produce(
        result(
            "tng-damkar",
            "198501012010011002",
            today.minusDays(5),
            "ATTENDANCE",
            "MISSED",
            null,
            null));

    // No influxd: a unit the book knows needs none. The dashboard starts on first use.
  }

  /** A result as the compliance job writes it (WindowResult's JSON, a field it adds included). */
  static Map<String, Object> result(
      String unit,
      String nip,
      LocalDate date,
      String window,
      String status,
      String previous,
      Integer checkinHour) {
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("nip", nip);
    r.put("unitId", unit);
    r.put("region", TANGERANG);
    r.put("timeZone", "Asia/Jakarta");
    r.put("date", date.toString());
    r.put("window", window);
    r.put("mode", window.equals("ATTENDANCE") ? "WFO" : "WFH");
    r.put("status", status);
    r.put("previousStatus", previous);
    r.put("eventTimeMs", System.currentTimeMillis());
    r.put("checkinAt", checkinHour == null ? null : at(date, checkinHour).toEpochMilli());
    r.put("windowStartMs", at(date, 0).toEpochMilli());
    r.put("windowEndMs", at(date, 8).toEpochMilli());
    r.put("somethingNew", "ignored");
    return r;
  }

  static Instant at(LocalDate date, int hour) {
    return date.atTime(LocalTime.of(hour, 0)).atZone(WIB).toInstant();
  }

  static void produce(Map<String, Object> r) throws Exception {
    String key = r.get("nip") + "@" + r.get("date") + "@" + r.get("window");
    app.produce(Topics.CHECKINS, key, Json.bytes(r));
  }

  static void produce(Alert a) throws Exception {
    app.produce(Topics.ALERTS, a.unitId, Json.bytes(a));
  }

  /** An alert of the employee dated today (as the jobs date it), produced; returned as sent. */
  static Alert produceDatedToday(String kind, String unit, String nip, String message)
      throws Exception {
    Alert a = alert(kind, unit, nip, message);
    a.date = today.toString();
    produce(a);
    return a;
  }

  static Alert alert(String kind, String unit, String nip, String message) {
    Alert a = new Alert();
    a.alertId = kind + ":" + unit + ":" + nip + ":" + System.nanoTime();
    a.kind = kind;
    a.phase = Alert.RAISED;
    a.unitId = unit;
    a.region = TANGERANG;
    a.nip = nip;
    a.startedAt = Instant.now().toString();
    a.message = message;
    return a;
  }

  /** The unit's follow-ups of today once they satisfy the condition, or fails at the deadline. */
  static JsonNode await(String unit, Predicate<JsonNode> condition) throws InterruptedException {
    JsonNode[] last = {null};
    boolean met =
        Poll.until(
            DEADLINE,
            () -> {
              HttpResponse<String> r =
                  app.get("/api/v1/units/" + unit + "/followups?date=" + today, BKD_PROVINCE);
              if (r.statusCode() != 200) return false;
              last[0] = Http.json(r);
              return condition.test(last[0]);
            });
    if (met) return last[0];
    throw new AssertionError("follow-ups of " + unit + " not as expected in time: " + last[0]);
  }

  /** The unit's follow-ups once they list the employee and the entry satisfies the condition. */
  static JsonNode awaitEmployee(String unit, String nip, Predicate<JsonNode> entry)
      throws InterruptedException {
    return await(unit, b -> employee(b, nip) != null && entry.test(employee(b, nip)));
  }

  static JsonNode employee(JsonNode body, String nip) {
    for (JsonNode e : body.get("employees")) if (e.get("nip").asText().equals(nip)) return e;
    return null;
  }

  static List<String> nips(JsonNode body) {
    List<String> out = new ArrayList<>();
    body.get("employees").forEach(e -> out.add(e.get("nip").asText()));
    return out;
  }

  @Test
  void resultsWrittenBeforeTheStartAreReadWithThoseNeedingAFollowUpFirst() throws Exception {
    JsonNode body = await("tng-damkar", b -> b.get("employees").size() == 2);

    assertThat(body.get("unit").asText()).isEqualTo("tng-damkar");
    assertThat(body.get("date").asText()).isEqualTo(today.toString());
    assertThat(nips(body)).containsExactly("199001012020011001", "198501012010011002");
    JsonNode missed = body.get("employees").get(0);
    assertThat(missed.get("needsFollowUp").asBoolean()).isTrue();
    assertThat(missed.get("windows").get("ATTENDANCE").get("status").asText()).isEqualTo("ON_TIME");
    assertThat(missed.get("windows").get("ATTENDANCE").get("checkinAt").asText())
        .isEqualTo(at(today, 7).toString());
    JsonNode loc1 = missed.get("windows").get("LOC1");
    assertThat(loc1.get("status").asText()).isEqualTo("MISSED");
    assertThat(loc1.get("checkinAt").isNull()).isTrue();
    assertThat(loc1.get("previousStatus").asText()).isEqualTo("PENDING");
    assertThat(missed.get("flags")).isEmpty();
    assertThat(body.get("employees").get(1).get("needsFollowUp").asBoolean()).isFalse();
  }

  @Test
  void aLaterResultForTheSameKeyReplacesTheEarlierOne() throws Exception {
    String nip = "197001012000011003";
    produce(result("tng-arsip", nip, today, "ATTENDANCE", "MISSED", "PENDING", null));
    awaitEmployee("tng-arsip", nip, e -> true);

    produce(result("tng-arsip", nip, today, "ATTENDANCE", "LATE_UPLOAD", "MISSED", 7));
    JsonNode body =
        awaitEmployee(
            "tng-arsip",
            nip,
            e -> e.get("windows").get("ATTENDANCE").get("status").asText().equals("LATE_UPLOAD"));

    JsonNode e = employee(body, nip);
    assertThat(body.get("employees")).hasSize(1);
    assertThat(e.get("windows")).hasSize(1);
    assertThat(e.get("windows").get("ATTENDANCE").get("previousStatus").asText())
        .isEqualTo("MISSED");
    assertThat(e.get("needsFollowUp").asBoolean()).isTrue();
  }

  @Test
  void aPerEmployeeLocationAlertBecomesAFlagAndAComplianceAlertDoesNot() throws Exception {
    String nip = "198801012015011004";
    produce(result("tng-bapenda", nip, today, "ATTENDANCE", "ON_TIME", null, 7));
    produceDatedToday("LATE_ATTENDANCE", "tng-bapenda", nip, "check-in at 07:40");
    Alert outside =
        alert("OUTSIDE_OFFICE", "tng-bapenda", nip, "checked in 2.3 km from the office");
    produce(outside); // no date: the unit's local date of startedAt

    JsonNode body = awaitEmployee("tng-bapenda", nip, e -> e.get("flags").size() > 0);

    JsonNode e = employee(body, nip);
    assertThat(e.get("flags")).hasSize(1);
    JsonNode flag = e.get("flags").get(0);
    assertThat(flag.get("kind").asText()).isEqualTo("OUTSIDE_OFFICE");
    assertThat(flag.get("message").asText()).isEqualTo("checked in 2.3 km from the office");
    assertThat(flag.get("at").asText()).isEqualTo(outside.startedAt);
    assertThat(e.get("needsFollowUp").asBoolean()).isTrue();
  }

  @Test
  void aCorrectedAlertRemovesItsFlag() throws Exception {
    String nip = "198201012005011006";
    produce(result("tng-satpol", nip, today, "ATTENDANCE", "ON_TIME", null, 7));
    Alert outside = produceDatedToday("OUTSIDE_OFFICE", "tng-satpol", nip, "checked in 900 m away");
    awaitEmployee("tng-satpol", nip, e -> e.get("flags").size() == 1);

    outside.phase = "CORRECTED";
    produce(outside);
    JsonNode body = awaitEmployee("tng-satpol", nip, e -> e.get("flags").isEmpty());

    assertThat(employee(body, nip).get("needsFollowUp").asBoolean()).isFalse();
  }

  @Test
  void aFlagOfSomebodyWithoutResultsStillListsThem() throws Exception {
    String nip = "199501012019011005";
    produceDatedToday("MOCK_LOCATION", "tng-dinkes", nip, "mock location reported");

    JsonNode body = awaitEmployee("tng-dinkes", nip, e -> true);

    JsonNode e = employee(body, nip);
    assertThat(e.get("windows")).isEmpty();
    assertThat(e.get("mode").isNull()).isTrue();
    assertThat(e.get("needsFollowUp").asBoolean()).isTrue();
  }

  @Test
  void followUpsAsCsvHaveOneRowPerEmployeeAndWindow() throws Exception {
    await("tng-damkar", b -> b.get("employees").size() == 2);

    HttpResponse<String> r =
        app.get("/api/v1/units/tng-damkar/followups?format=csv&date=" + today, DAMKAR_HEAD);

    assertThat(Http.csvLines(r))
        .containsExactly(
            "unit,date,nip,mode,window,status,checkinAt,previousStatus,flags,needsFollowUp,zone",
            "tng-damkar,"
                + today
                + ",199001012020011001,WFH,ATTENDANCE,ON_TIME,"
                + at(today, 7)
                + ",,,true,Asia/Jakarta",
            "tng-damkar,"
                + today
                + ",199001012020011001,WFH,LOC1,MISSED,,PENDING,,true,Asia/Jakarta",
            "tng-damkar,"
                + today
                + ",198501012010011002,WFO,ATTENDANCE,ON_TIME,"
                + at(today, 7)
                + ",,,false,Asia/Jakarta");
  }

  @Test
  void aUnitWithNobodyExpectedIsAnEmptyList() throws Exception {
    await("tng-damkar", b -> b.get("employees").size() == 2); // loaded

    HttpResponse<String> r = app.get("/api/v1/units/tng-nobody/followups", BKD_PROVINCE);

    assertThat(Http.json(r, 200).get("employees")).isEmpty();
  }

  @Test
  void onlyRolesThatMaySeeTheUnitGetNames() throws Exception {
    await("tng-damkar", b -> b.get("employees").size() == 2);
    String path = "/api/v1/units/tng-damkar/followups";

    assertThat(app.get(path, DAMKAR_HEAD).statusCode()).isEqualTo(200);
    assertThat(app.get(path, BKD_TANGERANG).statusCode()).isEqualTo(200);
    HttpResponse<String> leader = app.get(path, LEADER);
    assertThat(Http.error(leader, 403)).startsWith("role: LEADERSHIP");
    HttpResponse<String> operator = app.get(path, OPERATOR);
    assertThat(Http.error(operator, 403)).startsWith("role: OPERATOR");
    HttpResponse<String> otherRegion = app.get(path, BKD_SERANG);
    assertThat(Http.error(otherRegion, 403)).startsWith("unitId:");
    assertThat(app.get(path, DEVICE).statusCode()).isEqualTo(403);
    HttpResponse<String> otherUnit = app.get("/api/v1/units/tng-arsip/followups", DAMKAR_HEAD);
    assertThat(Http.error(otherUnit, 403)).startsWith("unitId:");
    assertThat(app.get(path, null).statusCode()).isEqualTo(401);
  }

  @Test
  void aDateOlderThanTheBookOrMalformedIsRefusedNamingDate() {
    HttpResponse<String> old =
        app.get("/api/v1/units/tng-damkar/followups?date=" + today.minusDays(5), BKD_PROVINCE);
    assertThat(Http.errors(old, 400))
        .containsExactly(
            "date: follow-ups are kept for the last 3 days, from " + today.minusDays(2));

    HttpResponse<String> bad =
        app.get("/api/v1/units/tng-damkar/followups?date=today", BKD_PROVINCE);
    assertThat(Http.errors(bad, 400))
        .containsExactly("date: must be a date YYYY-MM-DD, e.g. 2026-11-23");
  }
}
