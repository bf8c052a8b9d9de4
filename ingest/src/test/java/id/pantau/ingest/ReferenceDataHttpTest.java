package id.pantau.ingest;

import static id.pantau.ingest.TestData.BKD_BANTEN;
import static id.pantau.ingest.TestData.OPERATOR;
import static id.pantau.ingest.TestData.unitBody;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import id.pantau.events.Json;
import id.pantau.events.Policy;
import id.pantau.events.Region;
import id.pantau.events.RosterEntry;
import id.pantau.events.Topics;
import id.pantau.events.Unit;
import id.pantau.events.ZoneChange;
import id.pantau.infra.Poll;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Zones, policies, exposure and rosters over real HTTP against a real broker (one per class). */
class ReferenceDataHttpTest {
  @RegisterExtension static final LiveIngest ingest = LiveIngest.withDefaults();

  static final HttpProbe http = ingest.http;
  static final TopicProbe topics = ingest.topics;

  private static long ms(String time) {
    return OffsetDateTime.parse(time).toInstant().toEpochMilli();
  }

  /** The value of the first record that matches, as bytes for the events module's decoders. */
  static byte[] valueOf(
      List<ConsumerRecord<String, String>> records,
      Predicate<ConsumerRecord<String, String>> match) {
    return records.stream()
        .filter(match)
        .findFirst()
        .orElseThrow()
        .value()
        .getBytes(StandardCharsets.UTF_8);
  }

  // ------------------------------------------------------------------ regions

  static final String SQUARE =
      "[[106.5, -6.3], [106.7, -6.3], [106.7, -6.1], [106.5, -6.1], [106.5, -6.3]]";

  static String regionBody(String coordinates) {
    return """
        {"name": "Kota Tangerang", "province": "Banten", "timeZone": "Asia/Jakarta",
         "boundary": {"type": "Polygon", "coordinates": [%s]}}"""
        .formatted(coordinates);
  }

  @Test
  void aRegionBoundaryLandsOnTheRegionsTopicKeyedByRegion() {
    var sent =
        topics.publishedBy(
            Topics.REGIONS,
            () -> http.putJson("/v1/regions/banten", BKD_BANTEN, regionBody(SQUARE)));

    assertThat(sent.answer().status()).isEqualTo(200);
    assertThat(sent.answer().json().get("region").asText()).isEqualTo("banten");
    assertThat(sent.answer().json().at("/boundary/type").asText()).isEqualTo("Polygon");
    assertThat(sent.keys()).containsExactly("banten");
    Region region = Json.region(sent.firstValue()).value();
    assertThat(region.name).isEqualTo("Kota Tangerang");
    assertThat(region.boundary.polygons[0][0]).hasNumberOfRows(5);
  }

  @Test
  void aRegionNeedsAReferenceDataTokenOfItsScope() {
    var none = http.putJson("/v1/regions/banten", null, regionBody(SQUARE));
    var device = http.putJson("/v1/regions/banten", TestData.DEVICE, regionBody(SQUARE));
    var elsewhere = http.putJson("/v1/regions/jawa-timur", BKD_BANTEN, regionBody(SQUARE));

    assertThat(none.status()).isEqualTo(401);
    assertThat(device.status()).isEqualTo(403);
    assertThat(elsewhere.refused(403))
        .startsWith("region: the token 'bkd-banten' may not change region 'jawa-timur'");
  }

  @Test
  void regionsInBulkLandAllOrNothing() {
    String good = regionBody(SQUARE).replaceFirst("\\{", "{\"region\": \"kota-serang\", ");
    String bad = regionBody("[]").replaceFirst("\\{", "{\"region\": \"kota-cilegon\", ");
    String both = "[" + good + "," + good.replace("kota-serang", "kab-serang") + "]";

    var sent =
        topics.publishedBy(
            Topics.REGIONS,
            () ->
                List.of(
                    http.putJson("/v1/regions", OPERATOR, "[" + good + "," + bad + "]"),
                    http.putJson("/v1/regions", OPERATOR, "[" + good + "," + good + "]"),
                    http.putJson("/v1/regions", BKD_BANTEN, "[" + good + "]"),
                    http.putJson("/v1/regions", OPERATOR, both)));
    var refused = sent.answer().get(0);
    var twice = sent.answer().get(1);
    var outOfScope = sent.answer().get(2);
    var accepted = sent.answer().get(3);

    assertThat(refused.badRequest())
        .isEqualTo(
            "item 2: boundary.coordinates[0]: a ring needs at least 4 [lon, lat] positions, the"
                + " last equal to the first");
    assertThat(twice.badRequest()).isEqualTo("item 2: region: 'kota-serang' is also on item 1");
    assertThat(outOfScope.refused(403))
        .startsWith("item 1: region: the token 'bkd-banten' may not change region 'kota-serang'");
    accepted.assertTook(200, 2);
    // only the accepted upload's two records: the refused ones stored nothing
    assertThat(sent.keys()).containsExactlyInAnyOrder("kota-serang", "kab-serang");
  }

  // ------------------------------------------------------------------ zones and policies

  @Test
  void aZoneLevelLandsOnTheZonesTopicKeyedByRegionAndItsVersion() {
    String from = "2026-11-23T00:00:00+07:00";
    String body = "{\"level\":\"HIGH\",\"effectiveFrom\":\"" + from + "\"}";

    var sent =
        topics.publishedBy(Topics.ZONES, () -> http.putJson("/v1/zones/banten", BKD_BANTEN, body));

    assertThat(sent.answer().status()).isEqualTo(200);
    assertThat(sent.answer().json().get("region").asText()).isEqualTo("banten");
    assertThat(sent.keys()).containsExactly("banten@" + ms(from));
    ZoneChange zone = Json.zone(sent.firstValue()).value();
    assertThat(zone.level.name()).isEqualTo("HIGH");
  }

  @Test
  void aPartialPolicyLandsOnThePoliciesTopicWithEffectiveFromDefaultingToNow() {
    String body = "{\"capPercent\":{\"HIGH\":20},\"checkinDeadline\":\"07:45\"}";

    var sent =
        topics.publishedBy(
            Topics.POLICIES, () -> http.putJson("/v1/policies/banten", BKD_BANTEN, body));

    assertThat(sent.answer().status()).isEqualTo(200);
    long effective = ms(sent.answer().json().get("effectiveFrom").asText());
    assertThat(effective).isEqualTo(TestData.NOW.toEpochMilli());
    assertThat(sent.keys()).containsExactly("banten@" + effective);
    Policy policy = Json.policy(sent.firstValue()).value();
    assertThat(policy.capPercent.high).isEqualTo(20);
    assertThat(policy.capPercent.low).isNull(); // left out: the version before still holds
  }

  // ------------------------------------------------------------------ zones and policies in bulk

  @Test
  void aZoneCsvLandsOnTheZonesTopicEachRowKeyedByRegionAndItsVersion() {
    String csv =
        """
        region,level,effectiveFrom
        banten,HIGH,2026-12-01T00:00:00+07:00
        banten,medium,2026-12-08T00:00:00+07:00
        jawa-timur,LOW,2026-12-01T00:00:00+07:00
        """;
    var sent = topics.publishedBy(Topics.ZONES, () -> http.putCsv("/v1/zones", OPERATOR, csv));

    sent.answer().assertTook(200, 3);
    assertThat(sent.keys())
        .containsExactlyInAnyOrder(
            "banten@" + ms("2026-12-01T00:00:00+07:00"),
            "banten@" + ms("2026-12-08T00:00:00+07:00"),
            "jawa-timur@" + ms("2026-12-01T00:00:00+07:00"));
    ZoneChange second =
        Json.zone(
                valueOf(
                    sent.records(),
                    r -> r.key().equals("banten@" + ms("2026-12-08T00:00:00+07:00"))))
            .value();
    assertThat(second.level.name()).isEqualTo("MEDIUM");
  }

  @Test
  void aPolicyCsvWithPartialColumnsProducesPoliciesWhoseLeftOutFieldsAreAbsent() throws Exception {
    String csv =
        """
        region,effectiveFrom,capHigh,capExposed,serviceHours,checkinDeadline,locationWindows
        banten,2026-12-01T00:00:00+07:00,20,5,08:00-15:00,07:45,07:30-09:00;11:30-13:00;15:00-16:30
        banten,2026-12-15T00:00:00+07:00,,,,08:00,
        """;
    var sent =
        topics.publishedBy(Topics.POLICIES, () -> http.putCsv("/v1/policies", BKD_BANTEN, csv));

    sent.answer().assertTook(200, 2);
    Map<String, JsonNode> byKey = new java.util.HashMap<>();
    for (ConsumerRecord<String, String> r : sent.records()) {
      byKey.put(r.key(), Json.MAPPER.readTree(r.value()));
    }
    JsonNode first = byKey.get("banten@" + ms("2026-12-01T00:00:00+07:00"));
    JsonNode second = byKey.get("banten@" + ms("2026-12-15T00:00:00+07:00"));
    assertThat(byKey).hasSize(2);
    assertThat(first.get("capPercent").get("HIGH").asInt()).isEqualTo(20);
    assertThat(first.get("capPercent").get("EXPOSED").asInt()).isEqualTo(5);
    assertThat(first.get("capPercent").has("LOW")).isFalse();
    assertThat(first.get("serviceHours").toString()).isEqualTo("[\"08:00\",\"15:00\"]");
    assertThat(first.get("locationWindows").toString())
        .isEqualTo("[[\"07:30\",\"09:00\"],[\"11:30\",\"13:00\"],[\"15:00\",\"16:30\"]]");
    assertThat(first.has("breachDwellS")).isFalse();
    assertThat(first.has("checkinCutoff")).isFalse();
    // the second version changes the deadline only: everything else keeps its value downstream
    assertThat(second.get("checkinDeadline").asText()).isEqualTo("08:00");
    assertThat(second.has("capPercent")).isFalse();
    assertThat(second.has("serviceHours")).isFalse();
    assertThat(second.has("locationWindows")).isFalse();
    Policy decoded = Json.policy(second.toString().getBytes(StandardCharsets.UTF_8)).value();
    assertThat(decoded.capPercent).isNull();
    assertThat(decoded.breachDwellS).isNull();
  }

  @Test
  void aPolicyCsvWithBadCellsIsRefusedWholeNamingTheLinesAndColumns() {
    String csv =
        """
        region,effectiveFrom,capHigh,serviceHours,locationWindows,checkinDeadline,checkinCutoff
        banten,2026-12-01T00:00:00+07:00,120,15:00-08:00,07:30-09:00,09:00,08:00
        banten,2026-12-02T00:00:00+07:00,lots,8-3,07:30 to 09:00,,
        """;
    var sent =
        topics.publishedBy(Topics.POLICIES, () -> http.putCsv("/v1/policies", OPERATOR, csv));

    assertThat(sent.records()).isEmpty();
    var answer = sent.answer();
    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.json().get("errors"))
        .extracting(JsonNode::asText)
        .containsExactlyInAnyOrder(
            "line 2: capHigh: must be 0 to 100",
            "line 2: serviceHours: must end after it starts",
            "line 2: checkinCutoff: must be after checkinDeadline",
            "line 3: capHigh: must be an integer (got 'lots')",
            "line 3: serviceHours: must be a local time HH:MM (got '8')",
            "line 3: serviceHours: must be a local time HH:MM (got '3')",
            "line 3: locationWindows: must be HH:MM-HH:MM windows separated by ';', e.g."
                + " 07:30-09:00;11:30-13:00 (got '07:30 to 09:00')");
  }

  @Test
  void theExampleCsvFilesOfTheReadmeAreAccepted() throws Exception {
    http.putUnit("tng-dinkes", OPERATOR, "banten", "Asia/Jakarta");
    Path examples = Path.of("examples");

    var zones =
        http.putCsv(
            "/v1/zones", OPERATOR, java.nio.file.Files.readString(examples.resolve("zones.csv")));
    var policies =
        http.putCsv(
            "/v1/policies",
            BKD_BANTEN,
            java.nio.file.Files.readString(examples.resolve("policies.csv")));
    var rosters =
        http.postCsv(
            "/v1/rosters",
            BKD_BANTEN,
            java.nio.file.Files.readString(examples.resolve("rosters.csv")));

    assertThat(zones.accepted()).isEqualTo(3);
    assertThat(policies.accepted()).isEqualTo(2);
    assertThat(rosters.accepted()).isEqualTo(2);
  }

  // ------------------------------------------------------------------ exposure

  @Test
  void anExposureOfAUnitInTheTokensRegionLandsOnTheExposuresTopic() {
    assertThat(http.putUnit("srg-rsud", OPERATOR, "banten", "Asia/Jakarta").status())
        .isEqualTo(200);
    String body = "{\"exposed\":true,\"effectiveFrom\":\"2026-11-23T10:00:00+07:00\"}";

    var sent =
        topics.publishedBy(
            Topics.EXPOSURES, () -> http.putJson("/v1/units/srg-rsud/exposure", BKD_BANTEN, body));

    assertThat(sent.answer().status()).isEqualTo(200);
    assertThat(sent.keys()).containsExactly("srg-rsud@" + ms("2026-11-23T10:00:00+07:00"));
  }

  @Test
  void anExposureOfAUnitIngestDoesNotKnowIsRefusedForARegionScopedToken() {
    var answer = http.putJson("/v1/units/nowhere-1/exposure", BKD_BANTEN, "{\"exposed\":true}");
    var operator = http.putJson("/v1/units/nowhere-1/exposure", OPERATOR, "{\"exposed\":true}");

    assertThat(answer.refused(403)).startsWith("unitId: unit 'nowhere-1' is not known to ingest");
    assertThat(operator.status()).isEqualTo(200);
  }

  @Test
  void unitsStoredBeforeOrElsewhereAreLearnedFromTheUnitsTopic() throws Exception {
    String body = "{\"unitId\":\"srg-dpmptsp\"," + unitBody("banten", "Asia/Jakarta").substring(1);
    Unit unit = Json.unit(body.getBytes(StandardCharsets.UTF_8)).value();
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, ingest.broker().bootstrapServers());
    p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    try (KafkaProducer<String, byte[]> other = new KafkaProducer<>(p)) { // another ingest
      other.send(new ProducerRecord<>(Topics.UNITS, unit.unitId, Json.bytes(unit))).get();
    }

    Supplier<HttpProbe.Answer> setExposure =
        () -> http.putJson("/v1/units/srg-dpmptsp/exposure", BKD_BANTEN, "{\"exposed\":false}");
    // Until ingest has read the unit, a region-scoped token may not set its exposure.
    HttpProbe.Answer[] answer = {null};
    Poll.until(Duration.ofSeconds(30), () -> (answer[0] = setExposure.get()).status() != 403);
    assertThat(answer[0].status()).isEqualTo(200);
  }

  // ------------------------------------------------------------------ rosters

  @Test
  void aCsvRosterLandsOnTheRostersTopicKeyedByNipAndDate() throws Exception {
    http.putUnit("tng-dinkes", OPERATOR, "banten", "Asia/Jakarta");
    String csv =
        """
        nip,unitId,date,mode,homeRegion,shiftStart
        198703122010011001,tng-dinkes,2026-11-24,PIKET,banten,23:00
        198703122010011002,tng-dinkes,2026-11-24,WFH,,
        """;
    var sent =
        topics.publishedBy(Topics.ROSTERS, () -> http.postCsv("/v1/rosters", BKD_BANTEN, csv));

    sent.answer().assertTook(200, 2);
    assertThat(sent.keys())
        .containsExactlyInAnyOrder(
            "198703122010011001@2026-11-24", "198703122010011002@2026-11-24");
    RosterEntry first =
        Json.roster(valueOf(sent.records(), r -> r.key().startsWith("198703122010011001"))).value();
    assertThat(first.mode.name()).isEqualTo("PIKET");
    assertThat(first.homeRegion).isEqualTo("banten");
    assertThat(first.shiftStart).isEqualTo("23:00");
    RosterEntry second =
        Json.roster(valueOf(sent.records(), r -> r.key().startsWith("198703122010011002"))).value();
    assertThat(second.shiftStart).isNull();
  }

  // ------------------------------------------------------------------ refusals and bulk arrays

  /** A request of a case: the same for every endpoint of reference data. */
  record Request(String method, String path, String contentType, String token, String body) {
    @Override
    public String toString() {
      return method + " " + path;
    }
  }

  static Request put(String path, String contentType, String token, String body) {
    return new Request("PUT", path, contentType, token, body);
  }

  static Request post(String path, String contentType, String token, String body) {
    return new Request("POST", path, contentType, token, body);
  }

  static HttpProbe.Answer send(Request r) {
    return http.send(
        r.method(),
        r.path(),
        r.contentType(),
        r.token(),
        r.body().getBytes(StandardCharsets.UTF_8));
  }

  @BeforeAll
  static void aUnitOfAnotherRegion() {
    assertThat(http.putUnit("sby-dinkes", OPERATOR, "jawa-timur", "Asia/Jakarta").status())
        .isEqualTo(200);
  }

  static Stream<Arguments> badSingleChanges() {
    return Stream.of(
        Arguments.of(
            "a region whose boundary is not a polygon",
            put(
                "/v1/regions/banten",
                "application/json",
                OPERATOR,
                regionBody("[[106.5, -6.3], [106.7, -6.3], [106.7, -6.1], [106.5, -6.3]]")
                    .replace("\"Polygon\"", "\"Circle\"")),
            400,
            "boundary.type: must be Polygon or MultiPolygon (got 'Circle')"),
        Arguments.of(
            "a region whose ring is open",
            put(
                "/v1/regions/banten",
                "application/json",
                OPERATOR,
                regionBody("[[106.5, -6.3], [106.7, -6.3], [106.7, -6.1], [106.5, -6.1]]")),
            400,
            "boundary.coordinates[0]: the last position must equal the first (a closed ring)"),
        Arguments.of(
            "a region body naming another region",
            put("/v1/regions/banten", "application/json", OPERATOR, "{\"region\": \"jatim\"}"),
            400,
            "region: does not match the path ('jatim' in the body, 'banten' in the path)"),
        Arguments.of(
            "a zone of another region than the token's",
            put("/v1/zones/jawa-timur", "application/json", BKD_BANTEN, "{\"level\":\"LOW\"}"),
            403,
            "region: the token 'bkd-banten' may not change region 'jawa-timur' (its regions:"
                + " [banten])"),
        Arguments.of(
            "an unknown zone level",
            put("/v1/zones/banten", "application/json", OPERATOR, "{\"level\":\"RED\"}"),
            400,
            "level: must be one of LOW, MEDIUM, HIGH (got 'RED')"),
        Arguments.of(
            "a policy whose cutoff is before its deadline",
            put(
                "/v1/policies/banten",
                "application/json",
                OPERATOR,
                "{\"checkinDeadline\":\"09:00\",\"checkinCutoff\":\"08:00\"}"),
            400,
            "checkinCutoff: must be after checkinDeadline"),
        Arguments.of(
            "a zone level from the year 9999",
            put(
                "/v1/zones/banten",
                "application/json",
                OPERATOR,
                "{\"level\":\"HIGH\",\"effectiveFrom\":\"9999-12-31T00:00:00Z\"}"),
            400,
            "effectiveFrom: 9999-12-31T00:00:00Z is 7973 years ahead of the server clock; a change"
                + " may be planned at most 366 days ahead"),
        Arguments.of(
            "a policy reaching back before the oldest event still taken",
            put(
                "/v1/policies/banten",
                "application/json",
                OPERATOR,
                "{\"checkinDeadline\":\"08:00\",\"effectiveFrom\":\"0001-01-01T00:00:00Z\"}"),
            400,
            "effectiveFrom: 0001-01-01T00:00:00Z is before 2026-11-16T01:10:00Z; a change may"
                + " take effect from then on (up to 7 days back): give a later effectiveFrom or"
                + " none (now)"),
        Arguments.of(
            "a unit effective from the year 2262",
            put(
                "/v1/units/tng-far",
                "application/json",
                OPERATOR,
                "{\"name\":\"Far\",\"region\":\"banten\",\"timeZone\":\"Asia/Jakarta\","
                    + "\"headcount\":5,\"effectiveFrom\":\"2262-04-12T00:00:00+07:00\"}"),
            400,
            "effectiveFrom: 2262-04-12T00:00:00+07:00 is 235 years ahead of the server clock; a"
                + " change may be planned at most 366 days ahead"),
        Arguments.of(
            "a roster for a day in the year 9999",
            post(
                "/v1/rosters",
                "application/json",
                OPERATOR,
                "[{\"nip\":\"n9\",\"unitId\":\"tng-dinkes\",\"date\":\"9999-12-31\","
                    + "\"mode\":\"WFO\"}]"),
            400,
            "item 1: date: 9999-12-31 is more than 366 days ahead; rosters may be planned up to"
                + " 2027-11-25"),
        Arguments.of(
            "a roster for a unit of another region than the token's",
            post(
                "/v1/rosters",
                "application/json",
                BKD_BANTEN,
                "[{\"nip\":\"n9\",\"unitId\":\"sby-dinkes\",\"date\":\"2026-11-24\",\"mode\":\"WFO\"}]"),
            403,
            "item 1: region: the token 'bkd-banten' may not change unit 'sby-dinkes' of region"
                + " 'jawa-timur' (its regions: [banten])"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badSingleChanges")
  void aBadChangeIsRefusedNamingTheFieldAndTheReason(
      String behaviour, Request request, int status, String firstError) {
    var answer = send(request);

    assertThat(answer.status()).isEqualTo(status);
    assertThat(answer.firstError()).isEqualTo(firstError);
  }

  static Stream<Arguments> badUploads() {
    return Stream.of(
        Arguments.of(
            "a zone CSV with bad lines",
            Topics.ZONES,
            put(
                "/v1/zones",
                "text/csv",
                OPERATOR,
                "region,level,effectiveFrom\n"
                    + "banten,HIGH,2026-12-01T00:00:00+07:00\n"
                    + "banten,RED,2026-12-08T00:00:00+07:00\n"
                    + "banten,LOW,\n"),
            400,
            List.of(
                "line 3: level: must be one of LOW, MEDIUM, HIGH (got 'RED')",
                "line 4: effectiveFrom: is required")),
        Arguments.of(
            "a zone CSV naming a region outside the token's scope",
            Topics.ZONES,
            put(
                "/v1/zones",
                "text/csv",
                BKD_BANTEN,
                "region,level,effectiveFrom\n"
                    + "banten,HIGH,2026-12-01T00:00:00+07:00\n"
                    + "jawa-timur,HIGH,2026-12-01T00:00:00+07:00\n"),
            403,
            List.of(
                "line 3: region: the token 'bkd-banten' may not change region 'jawa-timur'"
                    + " (its regions: [banten])")),
        Arguments.of(
            "a roster CSV with a bad shift start",
            Topics.ROSTERS,
            post(
                "/v1/rosters",
                "text/csv",
                OPERATOR,
                "nip,unitId,date,mode,shiftStart\n"
                    + "n1,tng-dinkes,2026-11-24,PIKET,15:00\n"
                    + "n2,tng-dinkes,2026-11-24,PIKET,3pm\n"),
            400,
            List.of(
                "line 3: shiftStart: must be HH:mm, the shift's local start in the unit's zone"
                    + " (got '3pm')")),
        Arguments.of(
            "a roster NDJSON with a bad line",
            Topics.ROSTERS,
            post(
                "/v1/rosters",
                "application/x-ndjson",
                OPERATOR,
                "{\"nip\":\"n1\",\"unitId\":\"tng-dinkes\",\"date\":\"2026-11-24\",\"mode\":\"WFO\"}\n"
                    + "{\"nip\":\"n2\",\"unitId\":\"tng-dinkes\",\"date\":\"24/11/2026\","
                    + "\"mode\":\"HOLIDAY\"}\n"),
            400,
            List.of(
                "line 2: mode: must be one of WFO, WFH, PIKET, LEAVE, SICK, OFFICIAL_TRAVEL (got"
                    + " 'HOLIDAY')")),
        Arguments.of(
            "a roster repeating an employee's day",
            Topics.ROSTERS,
            post(
                "/v1/rosters",
                "application/json",
                OPERATOR,
                "[{\"nip\":\"n5\",\"unitId\":\"tng-dinkes\",\"date\":\"2026-11-24\",\"mode\":\"WFO\"},"
                    + "{\"nip\":\"n5\",\"unitId\":\"tng-dinkes\",\"date\":\"2026-11-24\","
                    + "\"mode\":\"WFO\"}]"),
            400,
            List.of("item 2: nip: 'n5' on 2026-11-24 is also on item 1")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badUploads")
  void anUploadWithBadLinesIsRefusedWholeNamingEachLineAndField(
      String behaviour, String topic, Request request, int status, List<String> errors) {
    var sent = topics.publishedBy(topic, () -> send(request));

    assertThat(sent.records()).isEmpty();
    assertThat(sent.answer().status()).isEqualTo(status);
    assertThat(sent.answer().json().get("errors"))
        .extracting(JsonNode::asText)
        .containsExactlyElementsOf(errors);
    assertThat(sent.answer().json().get("error").asText()).endsWith("nothing was stored");
  }

  static Stream<Arguments> jsonArrays() {
    String zone =
        "{\"region\":\"banten\",\"level\":\"LOW\",\"effectiveFrom\":\"2027-01-01T00:00:00+07:00\"}";
    String policy =
        "{\"region\":\"jawa-timur\",\"effectiveFrom\":\"2026-12-01T00:00:00+07:00\","
            + "\"capPercent\":{\"HIGH\":30}}";
    return Stream.of(
        Arguments.of(
            "zones",
            put("/v1/zones", "application/json", BKD_BANTEN, "[" + zone + "]"),
            Topics.ZONES,
            "banten@" + ms("2027-01-01T00:00:00+07:00")),
        Arguments.of(
            "policies",
            put("/v1/policies", "application/json", OPERATOR, "[" + policy + "]"),
            Topics.POLICIES,
            "jawa-timur@" + ms("2026-12-01T00:00:00+07:00")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("jsonArrays")
  void aJsonArrayLandsOnItsTopicLikeTheSingleEndpoint(
      String kind, Request request, String topic, String key) {
    var sent = topics.publishedBy(topic, () -> send(request));

    assertThat(sent.answer().status()).isEqualTo(200);
    assertThat(sent.keys()).containsExactly(key);
  }
}
