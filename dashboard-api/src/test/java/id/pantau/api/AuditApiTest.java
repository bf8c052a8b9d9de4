package id.pantau.api;

import static id.pantau.api.LiveDashboard.BKD_PROVINCE;
import static id.pantau.api.LiveDashboard.BKD_SERANG;
import static id.pantau.api.LiveDashboard.BKD_TANGERANG;
import static id.pantau.api.LiveDashboard.DAMKAR_HEAD;
import static id.pantau.api.LiveDashboard.LEADER;
import static id.pantau.api.LiveDashboard.OPERATOR;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import id.pantau.events.Json;
import id.pantau.events.Topics;
import id.pantau.infra.Poll;
import id.pantau.kafka.Start;
import id.pantau.kafka.TopicFollower;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The audit trail against a real Kafka broker: a follow-up read, a 401 and a 403 each become a
 * record in pantau.audit.v1, in the audit log file and in GET /api/v1/audit, which only BKD admins
 * read, each within its regions.
 */
class AuditApiTest {
  static final Duration DEADLINE = Duration.ofSeconds(30);
  static final Path AUDIT_FILE = Path.of("target/pantau-audit-test.jsonl");

  @RegisterExtension static final LiveDashboard app = LiveDashboard.overKafka();

  static final List<JsonNode> inTopic = new CopyOnWriteArrayList<>();
  static TopicFollower topic;
  static LocalDate today;

  @BeforeAll
  static void followTheAuditTopic() throws Exception {
    today = LocalDate.now(ZoneId.of("Asia/Jakarta"));
    // The unit's region comes from its check-in record: the audit scopes by it.
    Map<String, Object> r =
        FollowUpsApiTest.result(
            "tng-pajak", "199201012021011007", today, "ATTENDANCE", "ON_TIME", null, 7);
    app.produce(Topics.CHECKINS, "199201012021011007@" + today + "@ATTENDANCE", Json.bytes(r));
    topic =
        TopicFollower.of(app.kafka().bootstrapServers(), Topics.AUDIT)
            .clientId("audit-api-test")
            .from(Start.beginning())
            .onRecord(rec -> inTopic.add(tree(rec.value())))
            .start();
  }

  @AfterAll
  static void stopFollowing() {
    topic.close();
  }

  static JsonNode tree(byte[] json) {
    try {
      return Json.MAPPER.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Predicate<JsonNode> record(String who, String action, String unit, int answer) {
    return n ->
        n.path("who").asText().equals(who)
            && n.path("action").asText().equals(action)
            && (unit == null
                ? n.path("unit").isNull() || n.path("unit").isMissingNode()
                : n.path("unit").asText().equals(unit))
            && n.path("answer").asInt() == answer;
  }

  static void awaitInTopic(Predicate<JsonNode> wanted) {
    assertThat(Poll.until(DEADLINE, () -> inTopic.stream().anyMatch(wanted)))
        .as("in %s: %s", Topics.AUDIT, inTopic)
        .isTrue();
  }

  /** The audit trail as the admin reads it, once it holds a wanted record. */
  static JsonNode awaitInTrail(String admin, String query, Predicate<JsonNode> wanted) {
    JsonNode[] last = {null};
    boolean found =
        Poll.until(
            DEADLINE,
            () -> {
              HttpResponse<String> r = app.get("/api/v1/audit" + query, admin);
              if (r.statusCode() != 200) return false;
              last[0] = Http.json(r);
              for (JsonNode n : last[0].get("records")) if (wanted.test(n)) return true;
              return false;
            });
    assertThat(found).as("in GET /api/v1/audit%s: %s", query, last[0]).isTrue();
    return last[0];
  }

  static String awaitInFile(Predicate<JsonNode> wanted) throws IOException {
    String[] line = {null};
    Poll.until(
        DEADLINE,
        () -> {
          try {
            if (!Files.exists(AUDIT_FILE)) return false;
            for (String l : Files.readAllLines(AUDIT_FILE)) {
              if (!l.isBlank() && wanted.test(tree(l.getBytes()))) {
                line[0] = l;
                return true;
              }
            }
            return false;
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
    assertThat(line[0]).as("a line of " + AUDIT_FILE).isNotNull();
    return line[0];
  }

  @Test
  void aFollowUpReadIsAuditedInTheTopicTheFileAndTheTrail() throws Exception {
    String path = "/api/v1/units/tng-pajak/followups";
    assertThat(Poll.until(DEADLINE, () -> app.get(path, BKD_TANGERANG).statusCode() == 200))
        .isTrue();
    Predicate<JsonNode> read =
        record("bkd-tangerang", "GET /api/v1/units/{unitId}/followups", "tng-pajak", 200);

    awaitInTopic(read);
    String line = awaitInFile(read);
    assertThat(tree(line.getBytes()).get("role").asText()).isEqualTo("BKD_ADMIN");
    assertThat(tree(line.getBytes()).fieldNames())
        .toIterable()
        .containsExactly("time", "who", "role", "action", "unit", "answer");
    awaitInTrail(BKD_PROVINCE, "?unit=tng-pajak&who=bkd-tangerang", read);
  }

  @Test
  void aWrongTokenAndARefusedRoleAreAudited() {
    assertThat(app.get("/api/v1/occupancy", "tok-stolen").statusCode()).isEqualTo(401);
    assertThat(app.get("/api/v1/units/tng-pajak/followups", LEADER).statusCode()).isEqualTo(403);

    Predicate<JsonNode> unauthorized = record("anonymous", "GET /api/v1/occupancy", null, 401);
    Predicate<JsonNode> forbidden =
        record("walikota", "GET /api/v1/units/{unitId}/followups", "tng-pajak", 403);
    awaitInTopic(unauthorized);
    awaitInTopic(forbidden);
    awaitInTrail(BKD_PROVINCE, "?who=anonymous", unauthorized);
    JsonNode trail = awaitInTrail(BKD_PROVINCE, "?who=walikota", forbidden);
    for (JsonNode n : trail.get("records")) assertThat(n.get("who").asText()).isEqualTo("walikota");
  }

  @Test
  void onlyBkdAdminsReadTheTrailAndARefusalToReadItIsAuditedToo() {
    for (String caller : List.of(OPERATOR, LEADER, DAMKAR_HEAD)) {
      HttpResponse<String> r = app.get("/api/v1/audit", caller);
      assertThat(Http.error(r, 403)).contains("may not read the audit trail");
    }
    assertThat(app.get("/api/v1/audit", null).statusCode()).isEqualTo(401);
    awaitInTopic(record("ops", "GET /api/v1/audit", null, 403));
  }

  @Test
  void anAdminSeesTheRecordsOfTheUnitsOfItsRegionsOnly() {
    assertThat(
            Poll.until(
                DEADLINE,
                () ->
                    app.get("/api/v1/units/tng-pajak/followups", DAMKAR_HEAD).statusCode() == 403))
        .isTrue();
    Predicate<JsonNode> refused =
        record("kepala-damkar", "GET /api/v1/units/{unitId}/followups", "tng-pajak", 403);
    awaitInTrail(BKD_TANGERANG, "?who=kepala-damkar", refused);

    HttpResponse<String> serang = app.get("/api/v1/audit?unit=tng-pajak", BKD_SERANG);
    assertThat(Http.json(serang, 200).get("records")).isEmpty();
  }

  @Test
  void theTrailComesAsCsvAndBadParametersAreNamed() {
    assertThat(app.get("/api/v1/occupancy", "tok-csv").statusCode()).isEqualTo(401);
    awaitInTrail(
        BKD_PROVINCE, "?who=anonymous", record("anonymous", "GET /api/v1/occupancy", null, 401));

    HttpResponse<String> csv = app.get("/api/v1/audit?format=csv&who=anonymous", BKD_PROVINCE);
    assertThat(csv.statusCode()).isEqualTo(200);
    String[] lines = csv.body().split("\r\n");
    assertThat(lines[0]).isEqualTo("time,who,role,action,unit,answer");
    assertThat(lines).anyMatch(l -> l.endsWith(",anonymous,,GET /api/v1/occupancy,,401"));

    HttpResponse<String> bad =
        app.get("/api/v1/audit?from=yesterday&to=2026-01-01T00:00:00Z", BKD_PROVINCE);
    assertThat(Http.error(bad, 400)).startsWith("from: must be ISO-8601");
  }
}
