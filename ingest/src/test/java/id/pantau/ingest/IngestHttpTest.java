package id.pantau.ingest;

import static id.pantau.ingest.TestData.BKD_BANTEN;
import static id.pantau.ingest.TestData.DEVICE;
import static id.pantau.ingest.TestData.LEADERSHIP;
import static id.pantau.ingest.TestData.OPERATOR;
import static id.pantau.ingest.TestData.UNIT_SCOPED_DEVICE;
import static id.pantau.ingest.TestData.attendance;
import static id.pantau.ingest.TestData.id;
import static id.pantau.ingest.TestData.location;
import static id.pantau.ingest.TestData.unitBody;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import id.pantau.events.Json;
import id.pantau.events.Topics;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Ingest over real HTTP against a real Kafka broker (one per class). */
class IngestHttpTest {
  static final long MAX_BODY = 64 * 1024;
  static final int MAX_LINES = 50;

  @RegisterExtension
  static final LiveIngest ingest =
      LiveIngest.with(b -> b.maxBodyBytes(MAX_BODY).maxLines(MAX_LINES));

  static final HttpProbe http = ingest.http;
  static final TopicProbe topics = ingest.topics;

  private static JsonNode value(ConsumerRecord<String, String> r) throws Exception {
    return Json.MAPPER.readTree(r.value());
  }

  // ------------------------------------------------------------------ events

  @Test
  void aSingleAttendanceEventIsAcceptedAndLandsOnItsTopicKeyedByNipWithReceivedAt()
      throws Exception {
    String eventId = id();
    Map<TopicPartition, Long> before = topics.end(Topics.ATTENDANCE);

    var answer = http.postEvent(DEVICE, attendance(eventId, "198703122010011002"));

    answer.assertTook(202, 1);
    assertThat(answer.json().get("rejected")).isEmpty();
    List<ConsumerRecord<String, String>> records = topics.since(before);
    assertThat(records).hasSize(1);
    assertThat(records.get(0).key()).isEqualTo("198703122010011002");
    JsonNode event = value(records.get(0));
    assertThat(event.get("eventId").asText()).isEqualTo(eventId);
    assertThat(event.get("type").asText()).isEqualTo("attendance");
    assertThat(event.get("receivedAt").asLong()).isEqualTo(TestData.NOW.toEpochMilli());
  }

  @Test
  void aLocationPingLandsOnTheLocationTopic() throws Exception {
    String body = location(id(), "nip-loc-1");

    var sent =
        topics.publishedBy(
            Topics.LOCATION,
            () -> http.post("/v1/events", "application/json; charset=utf-8", DEVICE, body));

    assertThat(sent.answer().status()).isEqualTo(202);
    assertThat(sent.keys()).containsExactly("nip-loc-1");
    assertThat(value(sent.records().get(0)).has("receivedAt")).isTrue();
  }

  @Test
  void aBatchAcceptsItsGoodLinesAndNamesTheBadLineWithTheFieldAndReason() throws Exception {
    String bad = attendance(id(), "nip-b2").replace("\"CHECK_IN\"", "\"ARRIVE\"");
    String badId = Json.MAPPER.readTree(bad).get("eventId").asText();
    String body =
        attendance(id(), "nip-b1") + "\n" + bad + "\n\n" + location(id(), "nip-b3") + "\n";
    Map<TopicPartition, Long> attendanceBefore = topics.end(Topics.ATTENDANCE);
    Map<TopicPartition, Long> locationBefore = topics.end(Topics.LOCATION);

    var answer = http.postNdjson(DEVICE, body);

    answer.assertTook(202, 2);
    JsonNode rejected = answer.json().get("rejected");
    assertThat(rejected).hasSize(1);
    assertThat(rejected.get(0).get("line").asInt()).isEqualTo(2);
    assertThat(rejected.get(0).get("eventId").asText()).isEqualTo(badId);
    assertThat(rejected.get(0).get("errors").get(0).asText())
        .startsWith("action: must be one of CHECK_IN, CHECK_OUT");
    assertThat(topics.since(attendanceBefore))
        .extracting(ConsumerRecord::key)
        .containsExactly("nip-b1");
    assertThat(topics.since(locationBefore))
        .extracting(ConsumerRecord::key)
        .containsExactly("nip-b3");
  }

  @Test
  void aBatchWithNothingValidIsRefusedWith400InTheSameShape() {
    String body = "{\"type\":\"visit\",\"eventId\":\"e-1\"}\n" + "not json\n" + "[1,2]\n";
    Map<TopicPartition, Long> before = topics.end(Topics.ATTENDANCE);

    var answer = http.postNdjson(DEVICE, body);

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.accepted()).isZero();
    JsonNode rejected = answer.json().get("rejected");
    assertThat(rejected).hasSize(3);
    assertThat(rejected.get(0).get("eventId").asText()).isEqualTo("e-1");
    assertThat(rejected.get(0).get("errors").get(0).asText())
        .isEqualTo("type: must be 'attendance' or 'location'");
    assertThat(rejected.get(1).get("eventId").isNull()).isTrue();
    assertThat(rejected.get(1).get("errors").get(0).asText()).startsWith("body: not valid JSON");
    assertThat(rejected.get(2).get("errors").get(0).asText())
        .isEqualTo("body: must be a JSON object");
    assertThat(answer.json().get("error").asText()).isNotBlank();
    assertThat(answer.firstError()).isEqualTo("line 1: type: must be 'attendance' or 'location'");
    assertThat(topics.since(before)).isEmpty();
  }

  @Test
  void aSingleInvalidEventIsRefusedWith400NamingEveryField() {
    String body = "{\"type\":\"attendance\",\"eventId\":\"e-2\",\"nip\":\"n\",\"time\":\"07:12\"}";

    var answer = http.postEvent(DEVICE, body);

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.json().get("rejected").get(0).get("errors"))
        .extracting(JsonNode::asText)
        .contains(
            "unitId: is required",
            "action: is required",
            "time: must be ISO-8601 with an offset, e.g. 2026-11-23T07:12:03+07:00");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "2099-12-31T00:00:00Z|time: 2099-12-31T00:00:00Z is 73 years ahead of the server clock; at"
            + " most 5 minutes ahead is accepted: check the device's clock",
        "0001-01-01T00:00:00Z|time: 0001-01-01T00:00:00Z is 2025 years older than the server"
            + " clock; events up to 7 days old are accepted: check the device's clock, or send the"
            + " day again through a replay",
        "2026-11-23T08:16:00+07:00|time: 2026-11-23T08:16:00+07:00 is 6 minutes ahead of the"
            + " server clock; at most 5 minutes ahead is accepted: check the device's clock"
      })
  void anEventFromAClockFarOffIsRefusedNamingHowFarAndWhatIsAccepted(String time, String reason) {
    Map<TopicPartition, Long> before = topics.end(Topics.ATTENDANCE);
    String body =
        attendance(id(), "nip-clock").replace("2026-11-23T07:12:03+07:00", time)
            + "\n"
            + location(id(), "nip-clock").replace("2026-11-23T08:05:00+07:00", time);

    var answer = http.postNdjson(DEVICE, body);

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.json().get("errors"))
        .extracting(JsonNode::asText)
        .containsExactly("line 1: " + reason, "line 2: " + reason);
    assertThat(topics.since(before)).isEmpty();
  }

  @Test
  void anEventWithinTheClockSkewIsTaken() {
    String body = attendance(id(), "nip-skew").replace("07:12:03", "08:14:59");

    assertThat(http.postEvent(DEVICE, body).status()).isEqualTo(202);
  }

  @Test
  void manySingleEventsInFlightAtOnceAreEachAcceptedAndPublishedOnce() throws Exception {
    int n = 300; // more than Jetty's threads: no request holds one while Kafka acknowledges
    Map<TopicPartition, Long> before = topics.end(Topics.ATTENDANCE);
    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    List<String> ids = new ArrayList<>();
    List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      String eventId = id();
      ids.add(eventId);
      answers.add(
          client.sendAsync(
              HttpRequest.newBuilder(URI.create(ingest.url() + "/v1/events"))
                  .timeout(Duration.ofSeconds(60))
                  .header("Content-Type", "application/json")
                  .header("Authorization", "Bearer " + DEVICE)
                  .POST(HttpRequest.BodyPublishers.ofString(attendance(eventId, "nip-many-" + i)))
                  .build(),
              HttpResponse.BodyHandlers.ofString()));
    }

    for (CompletableFuture<HttpResponse<String>> answer : answers) {
      HttpResponse<String> r = answer.get(60, TimeUnit.SECONDS);
      assertThat(r.statusCode()).isEqualTo(202);
      assertThat(Json.MAPPER.readTree(r.body()).get("accepted").asInt()).isEqualTo(1);
    }
    List<String> published = new ArrayList<>();
    for (ConsumerRecord<String, String> r : topics.since(before)) {
      published.add(value(r).get("eventId").asText());
    }
    assertThat(published).containsExactlyInAnyOrderElementsOf(ids);
  }

  @Test
  void aDuplicateEventIdIsAcceptedAgainButPublishedOnce() {
    String eventId = id();
    Map<TopicPartition, Long> before = topics.end(Topics.ATTENDANCE);

    var first = http.postEvent(DEVICE, attendance(eventId, "nip-dup"));
    var again = http.postEvent(DEVICE, attendance(eventId, "nip-dup"));
    var twiceInABatch =
        http.postNdjson(
            DEVICE, attendance(eventId, "nip-dup") + "\n" + attendance(eventId, "nip-dup"));

    assertThat(first.status()).isEqualTo(202);
    again.assertTook(202, 1);
    assertThat(twiceInABatch.accepted()).isEqualTo(2);
    assertThat(topics.since(before)).hasSize(1);
  }

  @Test
  void aTokenScopedToUnitsPostsOnlyForThoseUnits() {
    String other = attendance(id(), "nip-s2").replace("tng-disdukcapil", "tng-bappeda");
    var answer = http.postNdjson(UNIT_SCOPED_DEVICE, attendance(id(), "nip-s1") + "\n" + other);

    answer.assertTook(202, 1);
    assertThat(answer.json().get("rejected").get(0).get("errors").get(0).asText())
        .isEqualTo("unitId: the token 'kiosk-1' may not post events of unit 'tng-bappeda'");
  }

  // ------------------------------------------------------------------ limits and formats

  @Test
  void aBodyOverTheSizeLimitIsRefusedWith413() {
    String line = attendance("e-big", "nip-big") + "\n";
    String body = line.repeat((int) (MAX_BODY / line.length()) + 1);
    Map<TopicPartition, Long> before = topics.end(Topics.ATTENDANCE);

    var answer = http.postNdjson(DEVICE, body);

    assertThat(answer.status()).isEqualTo(413);
    assertThat(answer.json().get("error").asText()).contains(Long.toString(MAX_BODY));
    assertThat(answer.firstError()).startsWith("body: more than");
    assertThat(topics.since(before)).isEmpty();
  }

  @Test
  void aChunkedBodyWithoutContentLengthIsCutOffAtTheLimitWith413() {
    byte[] line = (attendance("e-chunk", "nip-chunk") + "\n").getBytes(StandardCharsets.UTF_8);
    int copies = (int) (MAX_BODY / line.length) + 1;
    var request =
        HttpRequest.newBuilder(URI.create(ingest.url() + "/v1/events"))
            .header("Content-Type", "application/x-ndjson")
            .header("Authorization", "Bearer " + DEVICE)
            .POST(
                HttpRequest.BodyPublishers.ofInputStream(
                    () ->
                        new SequenceInputStream(
                            Collections.enumeration(
                                Collections.nCopies(copies, line).stream()
                                    .map(b -> (InputStream) new ByteArrayInputStream(b))
                                    .toList()))))
            .build();

    var answer = http.send(request);

    assertThat(answer.refused(413)).startsWith("body: more than");
  }

  @Test
  void moreLinesThanTheLimitAreRefusedWith413() {
    StringBuilder body = new StringBuilder();
    for (int i = 0; i <= MAX_LINES; i++) body.append("{}\n");

    var answer = http.postNdjson(DEVICE, body.toString());

    assertThat(answer.refused(413)).isEqualTo("body: more than " + MAX_LINES + " lines");
  }

  @Test
  void otherContentTypesAreRefusedWith415AndAReason() {
    var plain = http.post("/v1/events", "text/plain", DEVICE, attendance(id(), "n"));
    var none = http.send("POST", "/v1/events", null, DEVICE, attendance(id(), "n").getBytes());

    assertThat(plain.status()).isEqualTo(415);
    assertThat(plain.json().get("error").asText())
        .contains("'text/plain'")
        .contains("application/x-ndjson");
    assertThat(plain.firstError()).startsWith("Content-Type: must be");
    assertThat(none.status()).isEqualTo(415);
  }

  // ------------------------------------------------------------------ auth

  @Test
  void aMissingOrUnknownTokenIsRefusedWith401() {
    var missing = http.postEvent(null, attendance(id(), "n"));
    var unknown = http.postEvent("nope", attendance(id(), "n"));
    var unitsWithout = http.putUnit("u-1", null, "banten", "Asia/Jakarta");

    assertThat(missing.status()).isEqualTo(401);
    assertThat(missing.json().get("error").asText()).contains("Authorization: Bearer");
    assertThat(unknown.status()).isEqualTo(401);
    assertThat(unitsWithout.status()).isEqualTo(401);
  }

  @Test
  void aTokenWithTheWrongRoleIsRefusedWith403() {
    var leadershipPosts = http.postEvent(LEADERSHIP, attendance(id(), "n"));
    var devicePutsUnit = http.putUnit("u-1", DEVICE, "banten", "Asia/Jakarta");

    assertThat(leadershipPosts.status()).isEqualTo(403);
    assertThat(leadershipPosts.json().get("error").asText()).contains("LEADERSHIP");
    assertThat(devicePutsUnit.refused(403)).startsWith("role: DEVICE");
  }

  @Test
  void aRegionScopedAdminMayPutUnitsOnlyOfItsRegions() {
    var own = http.putUnit("srg-dinkes", BKD_BANTEN, "banten", "Asia/Jakarta");
    var other = http.putUnit("sby-dinkes", BKD_BANTEN, "jawa-timur", "Asia/Jakarta");

    assertThat(own.status()).isEqualTo(200);
    assertThat(other.refused(403))
        .isEqualTo(
            "region: the token 'bkd-banten' may not change unit 'sby-dinkes' of region"
                + " 'jawa-timur' (its regions: [banten])");
  }

  // ------------------------------------------------------------------ units

  @Test
  void aPutUnitLandsOnTheUnitsTopicKeyedByUnitIdWithEffectiveFromInItsZone() throws Exception {
    var sent =
        topics.publishedBy(
            Topics.UNITS, () -> http.putUnit("jyp-dinkes", OPERATOR, "papua", "Asia/Jayapura"));

    assertThat(sent.answer().status()).isEqualTo(200);
    assertThat(sent.answer().json().get("unitId").asText()).isEqualTo("jyp-dinkes");
    String effectiveFrom = sent.answer().json().get("effectiveFrom").asText();
    assertThat(OffsetDateTime.parse(effectiveFrom).getOffset().getId()).isEqualTo("+09:00");
    assertThat(sent.keys()).containsExactly("jyp-dinkes");
    JsonNode unit = value(sent.records().get(0));
    assertThat(unit.get("unitId").asText()).isEqualTo("jyp-dinkes");
    assertThat(unit.get("effectiveFrom").asText()).isEqualTo(effectiveFrom);
    assertThat(unit.get("office").get("radiusM").asDouble()).isEqualTo(150.0);
  }

  @Test
  void aUnitBodyNamingAnotherUnitIdIsRefusedWith400() {
    String body =
        unitBody("banten", "Asia/Jakarta").replace("{\"name\"", "{\"unitId\":\"other\",\"name\"");

    assertThat(http.putJson("/v1/units/srg-bappeda", OPERATOR, body).badRequest())
        .startsWith("unitId: does not match the path");
  }

  @Test
  void anInvalidUnitIsRefusedWith400NamingTheFields() {
    String body =
        "{\"name\":\"X\",\"region\":\"banten\",\"timeZone\":\"WIB\",\"headcount\":\"many\"}";

    assertThat(http.putJson("/v1/units/srg-x", OPERATOR, body).badRequest())
        .isEqualTo("headcount: must be an integer");
  }

  @Test
  void aCsvOfUnitsLandsOnTheUnitsTopicOneRecordPerUnit() {
    String csv =
        """
        name,unitId,region,timeZone,headcount,essential,minPresent,officeLat,officeLon,officeRadiusM
        Puskesmas Ciledug,tng-pkm-ciledug,banten,Asia/Jakarta,40,true,8,-6.23,106.71,80
        "Badan Perencanaan, Pembangunan",tng-bappeda,banten,Asia/Jakarta,55,false,,,,
        """;
    var sent = topics.publishedBy(Topics.UNITS, () -> http.putCsv("/v1/units", BKD_BANTEN, csv));

    sent.answer().assertTook(200, 2);
    assertThat(sent.keys()).containsExactlyInAnyOrder("tng-pkm-ciledug", "tng-bappeda");
  }

  @Test
  void aCsvWithABadLineIsRefusedWholeNamingTheLineAndTheColumn() {
    String csv =
        """
        name,unitId,region,timeZone,headcount,essential,minPresent,officeLat,officeLon,officeRadiusM
        Puskesmas Karawaci,tng-pkm-karawaci,banten,Asia/Jakarta,40,true,8,,,
        Dinas Sosial,tng-dinsos,banten,Asia/Jakarta,forty,false,,,,
        """;
    var sent =
        topics.publishedBy(
            Topics.UNITS, () -> http.put("/v1/units", "text/csv; charset=utf-8", OPERATOR, csv));

    assertThat(sent.records()).isEmpty();
    assertThat(sent.answer().badRequest()).startsWith("line 3: headcount: must be an integer");
    assertThat(sent.answer().json().get("error").asText()).contains("nothing was stored");
  }

  @Test
  void aJsonArrayOfUnitsIsAllOrNothingNamingTheBadItem() {
    String good =
        unitBody("banten", "Asia/Jakarta").replace("{\"name\"", "{\"unitId\":\"srg-a\",\"name\"");
    String bad =
        "{\"unitId\":\"srg-b\",\"name\":\"B\",\"region\":\"banten\",\"timeZone\":\"Asia/Jakarta\"}";
    Map<TopicPartition, Long> before = topics.end(Topics.UNITS);

    var refused = http.putJson("/v1/units", OPERATOR, "[" + good + "," + bad + "]");
    var stored = http.putJson("/v1/units", OPERATOR, "[" + good + "]");

    assertThat(refused.badRequest()).isEqualTo("item 2: headcount: is required");
    assertThat(stored.status()).isEqualTo(200);
    assertThat(stored.json().get("unitIds").get(0).asText()).isEqualTo("srg-a");
    assertThat(topics.since(before)).extracting(ConsumerRecord::key).containsExactly("srg-a");
  }

  @Test
  void aGivenEffectiveFromIsKept() {
    String body =
        unitBody("banten", "Asia/Jakarta")
            .replace("{\"name\"", "{\"effectiveFrom\":\"2026-12-01T00:00:00+07:00\",\"name\"");

    var answer = http.putJson("/v1/units/srg-later", OPERATOR, body);

    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.json().get("effectiveFrom").asText()).isEqualTo("2026-12-01T00:00:00+07:00");
  }

  @Test
  void aFullBatchAtTheDefaultLimitsIsAcceptedAndPublishedWhole() {
    try (Ingest defaults = ingest.start(b -> b)) {
      int n = IngestConfig.DEFAULT_MAX_LINES;
      StringBuilder body = new StringBuilder();
      for (int i = 0; i < n; i++)
        body.append(attendance(id(), "nip-full-" + (i % 500))).append('\n');
      assertThat((long) body.length()).isLessThan(IngestConfig.DEFAULT_MAX_BODY_BYTES);
      Map<TopicPartition, Long> before = topics.end(Topics.ATTENDANCE);
      HttpProbe probe = new HttpProbe(defaults.url());
      probe.postNdjson(DEVICE, attendance(id(), "warm-up"));

      long t0 = System.nanoTime();
      var answer = probe.postNdjson(DEVICE, body.toString());
      long ms = (System.nanoTime() - t0) / 1_000_000;

      assertThat(answer.status()).isEqualTo(202);
      assertThat(answer.accepted()).isEqualTo(n);
      assertThat(topics.since(before)).hasSize(n + 1);
      System.err.printf(
          "a batch of %d events (%d bytes) accepted in %d ms: %.0f events/s%n",
          n, body.length(), ms, n * 1000.0 / Math.max(1, ms));
    }
  }

  // ------------------------------------------------------------------ the rest

  @Test
  void healthSaysKafkaIsUp() {
    var answer = http.get("/v1/health");

    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.json().get("kafka").asText()).isEqualTo("up");
  }

  @Test
  void anUnknownEndpointAnswersJson404() {
    var answer = http.get("/v1/nothing");

    assertThat(answer.status()).isEqualTo(404);
    assertThat(answer.json().get("error").asText()).contains("POST /v1/events");
  }

  @Test
  void relaxedDeviceAuthOnLoopbackTakesEventsWithoutATokenButNotUnits() {
    try (Ingest relaxed = ingest.start(b -> b.relaxDeviceAuth(true))) {
      HttpProbe local = new HttpProbe(relaxed.url());

      var event = local.postEvent(null, attendance(id(), "nip-r"));
      var wrongToken = local.postEvent("nope", attendance(id(), "n"));
      var unit = local.putUnit("u-r", null, "banten", "Asia/Jakarta");

      assertThat(event.status()).isEqualTo(202);
      assertThat(wrongToken.status()).isEqualTo(401);
      assertThat(unit.status()).isEqualTo(401);
    }
  }
}
