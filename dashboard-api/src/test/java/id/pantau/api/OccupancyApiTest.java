package id.pantau.api;

import static id.pantau.api.LiveDashboard.BKD_SERANG;
import static id.pantau.api.LiveDashboard.DAMKAR_HEAD;
import static id.pantau.api.LiveDashboard.DEVICE;
import static id.pantau.api.LiveDashboard.OPERATOR;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.influxdb.dto.Point;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The occupancy endpoints over a real influxd: two regions, three live units and one silent one,
 * several points each, written the way the Flink job writes them.
 */
class OccupancyApiTest {
  static final String TANGERANG = "kota-tangerang";
  static final String SERANG = "kota-serang";

  /** Every unit here: unknown to Kafka (none answers), its zone falls back to WIB. */
  static final String JAKARTA = ",Asia/Jakarta";

  @RegisterExtension static final LiveDashboard app = LiveDashboard.overInflux();

  /** A whole hour, so 10-minute steps fall on the points. */
  static Instant base;

  @BeforeAll
  static void writeFixture() {
    base = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofHours(3));
    List<Point> points = new ArrayList<>();
    // Disdukcapil: cap 20, floor 5; climbs over its cap.
    points.add(point("tng-disdukcapil", TANGERANG, 0, 10, 40, 20, 5));
    points.add(point("tng-disdukcapil", TANGERANG, 10, 18, 40, 20, 5));
    points.add(point("tng-disdukcapil", TANGERANG, 30, 25, 40, 20, 5));
    // Damkar: an essential service with a floor of 10; drops under it.
    points.add(point("tng-damkar", TANGERANG, 0, 12, 30, 22, 10));
    points.add(point("tng-damkar", TANGERANG, 20, 4, 30, 22, 10));
    // BKPSDM Serang: no cap or floor written yet.
    points.add(point("srg-bkpsdm", SERANG, 5, 20, 50, null, null));
    points.add(point("srg-bkpsdm", SERANG, 15, 21, 50, null, null));
    // Arsip Serang: silent for 40 hours, no longer on the board.
    points.add(
        Point.measurement("occupancy")
            .time(Instant.now().minus(Duration.ofHours(40)).toEpochMilli(), TimeUnit.MILLISECONDS)
            .tag("unit", "srg-arsip")
            .tag("region", SERANG)
            .addField("present", 3L)
            .addField("headcount", 12L)
            .addField("share", 0.25)
            .build());
    app.write(points);
  }

  static Point point(
      String unit,
      String region,
      int minute,
      int present,
      int headcount,
      Integer cap,
      Integer floor) {
    return point(
        unit, region, base.plus(Duration.ofMinutes(minute)), present, headcount, cap, floor);
  }

  /** An occupancy point as the job writes it (cap and floor left out when null). */
  static Point point(
      String unit,
      String region,
      Instant at,
      int present,
      int headcount,
      Integer cap,
      Integer floor) {
    Point.Builder b =
        Point.measurement("occupancy")
            .time(at.toEpochMilli(), TimeUnit.MILLISECONDS)
            .tag("unit", unit)
            .tag("region", region)
            .addField("present", (long) present)
            .addField("headcount", (long) headcount)
            .addField("share", (double) present / headcount);
    if (cap != null) b.addField("cap", (long) cap);
    if (floor != null) b.addField("floor", (long) floor);
    return b.build();
  }

  static String at(int minute) {
    return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(
        base.plus(Duration.ofMinutes(minute)).atOffset(ZoneOffset.ofHours(7)));
  }

  static String q(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  static List<String> units(JsonNode body) {
    List<String> out = new ArrayList<>();
    body.get("units").forEach(u -> out.add(u.get("unit").asText()));
    return out;
  }

  // --- GET /api/v1/occupancy ------------------------------------------------------------------

  @Test
  void everyUnitNowIsItsLatestPointWithStatusSortedByRegionThenUnit() {
    HttpResponse<String> r = app.get("/api/v1/occupancy", OPERATOR);

    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type"))
        .hasValueSatisfying(ct -> assertThat(ct).startsWith("application/json"));
    JsonNode body = Http.json(r);
    assertThat(Instant.parse(body.get("asOf").asText()))
        .isBetween(Instant.now().minusSeconds(60), Instant.now().plusSeconds(1));
    assertThat(units(body)).containsExactly("srg-bkpsdm", "tng-damkar", "tng-disdukcapil");

    JsonNode bkpsdm = body.get("units").get(0);
    assertThat(bkpsdm.get("region").asText()).isEqualTo(SERANG);
    assertThat(bkpsdm.get("present").asInt()).isEqualTo(21);
    assertThat(bkpsdm.get("headcount").asInt()).isEqualTo(50);
    assertThat(bkpsdm.get("share").asDouble()).isEqualTo(0.42);
    assertThat(bkpsdm.has("cap")).isTrue();
    assertThat(bkpsdm.get("cap").isNull()).isTrue();
    assertThat(bkpsdm.get("floor").isNull()).isTrue();
    assertThat(bkpsdm.get("status").asText()).isEqualTo("OK");
    assertThat(bkpsdm.get("asOf").asText()).isEqualTo(base.plus(Duration.ofMinutes(15)).toString());

    JsonNode damkar = body.get("units").get(1);
    assertThat(damkar.get("present").asInt()).isEqualTo(4);
    assertThat(damkar.get("floor").asInt()).isEqualTo(10);
    assertThat(damkar.get("status").asText()).isEqualTo("UNDER_FLOOR");

    JsonNode disdukcapil = body.get("units").get(2);
    assertThat(disdukcapil.get("region").asText()).isEqualTo(TANGERANG);
    assertThat(disdukcapil.get("present").asInt()).isEqualTo(25);
    assertThat(disdukcapil.get("cap").asInt()).isEqualTo(20);
    assertThat(disdukcapil.get("share").asDouble()).isEqualTo(0.625);
    assertThat(disdukcapil.get("status").asText()).isEqualTo("OVER_CAP");
    assertThat(disdukcapil.get("asOf").asText())
        .isEqualTo(base.plus(Duration.ofMinutes(30)).toString());
  }

  @Test
  void aUnitSilentForMoreThan36HoursIsNotOnTheBoard() {
    assertThat(units(Http.json(app.get("/api/v1/occupancy", OPERATOR))))
        .doesNotContain("srg-arsip");
  }

  @Test
  void aUnitHeadSeesOnlyTheirOwnUnit() {
    HttpResponse<String> r = app.get("/api/v1/occupancy", DAMKAR_HEAD);

    assertThat(units(Http.json(r, 200))).containsExactly("tng-damkar");
  }

  @Test
  void aRegionScopedBkdAdminSeesEveryUnitOfTheirRegionOnly() {
    HttpResponse<String> r = app.get("/api/v1/occupancy", BKD_SERANG);

    assertThat(units(Http.json(r, 200))).containsExactly("srg-bkpsdm");
  }

  @Test
  void occupancyAsCsvHasAHeaderRowAndTheSameRows() {
    HttpResponse<String> r = app.get("/api/v1/occupancy?format=csv", OPERATOR);

    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type"))
        .hasValueSatisfying(ct -> assertThat(ct).startsWith("text/csv"));
    assertThat(r.body().split("\r\n"))
        .containsExactly(
            "unit,region,present,headcount,share,cap,floor,status,asOf,zone",
            "srg-bkpsdm,kota-serang,21,50,0.42,,,OK," + base.plus(Duration.ofMinutes(15)) + JAKARTA,
            "tng-damkar,kota-tangerang,4,30,0.13333333333333333,22,10,UNDER_FLOOR,"
                + base.plus(Duration.ofMinutes(20))
                + JAKARTA,
            "tng-disdukcapil,kota-tangerang,25,40,0.625,20,5,OVER_CAP,"
                + base.plus(Duration.ofMinutes(30))
                + JAKARTA);
  }

  @Test
  void aClientAcceptingGzipGetsTheSameAnswerGzipped() throws Exception {
    HttpResponse<String> plain = app.get("/api/v1/occupancy", OPERATOR);
    HttpResponse<byte[]> zipped =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(app.url() + "/api/v1/occupancy"))
                    .header("Authorization", "Bearer " + OPERATOR)
                    .header("Accept-Encoding", "gzip, deflate, br")
                    .build(),
                HttpResponse.BodyHandlers.ofByteArray());

    assertThat(zipped.statusCode()).isEqualTo(200);
    assertThat(zipped.headers().firstValue("Content-Encoding")).hasValue("gzip");
    assertThat(plain.headers().firstValue("Content-Encoding")).isEmpty();
    String unzipped;
    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(zipped.body()))) {
      unzipped = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    // Within one cache period both are the same read: the same bytes.
    assertThat(Http.json(unzipped).get("units")).isEqualTo(Http.json(plain).get("units"));
    assertThat(OccupancyAnswer.acceptsGzip("br;q=1, gzip;q=0")).isFalse();
    assertThat(OccupancyAnswer.acceptsGzip("identity")).isFalse();
    assertThat(OccupancyAnswer.acceptsGzip("GZIP;q=0.5")).isTrue();
  }

  @Test
  void anUnknownFormatIsRefusedNamingTheParameter() {
    HttpResponse<String> r = app.get("/api/v1/occupancy?format=xml", OPERATOR);

    assertThat(Http.errors(r, 400)).containsExactly("format: must be json or csv");
  }

  // --- authentication -------------------------------------------------------------------------

  @Test
  void withoutATokenTheApiAnswers401NamingTheReason() {
    HttpResponse<String> r = app.get("/api/v1/occupancy", null);

    assertThat(r.statusCode()).isEqualTo(401);
    assertThat(r.headers().firstValue("WWW-Authenticate"))
        .hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
    assertThat(Http.errors(r)).containsExactly("Authorization: a Bearer token is required");
    assertThat(app.get("/api/v1/units/tng-damkar/occupancy", null).statusCode()).isEqualTo(401);
  }

  @Test
  void anUnknownTokenAnswers401() {
    HttpResponse<String> r = app.get("/api/v1/occupancy", "not-a-token");

    assertThat(Http.errors(r, 401)).containsExactly("Authorization: unknown token");
  }

  @Test
  void aDeviceTokenMayNotReadTheDashboard() {
    HttpResponse<String> r = app.get("/api/v1/occupancy", DEVICE);

    assertThat(Http.error(r, 403)).startsWith("role:");
  }

  @Test
  void theConsolePagesAndTheirChartLibraryAreServedWithoutAToken() {
    HttpResponse<String> board = app.get("/", null);
    assertThat(board.statusCode()).isEqualTo(200);
    assertThat(board.body()).contains("/console/board.js");

    HttpResponse<String> unit = app.get("/units/tng-disdukcapil", null);
    Http.assertAnswered(unit, 200, "text/html");
    assertThat(unit.body()).contains("/console/unit.js");

    // The page's uPlot is the WebJar the pom names: its path resolves on this server.
    String script = app.get("/console/unit.js", null).body();
    Matcher webjar = Pattern.compile("'(/webjars/uplot/[^']+\\.js)'").matcher(script);
    assertThat(webjar.find()).as("unit.js imports uPlot from /webjars").isTrue();
    HttpResponse<String> uplot = app.get(webjar.group(1), null);
    assertThat(uplot.statusCode()).as(webjar.group(1)).isEqualTo(200);
    assertThat(uplot.body()).contains("export { uPlot as default }");
  }

  // --- GET /api/v1/units/{unitId}/occupancy ---------------------------------------------------

  @Test
  void aUnitsSeriesHasOnePointAStepCarryingTheLastReadingForward() {
    HttpResponse<String> r =
        app.get(
            "/api/v1/units/tng-disdukcapil/occupancy?from="
                + q(at(0))
                + "&to="
                + q(at(60))
                + "&step=10m",
            OPERATOR);

    JsonNode body = Http.json(r, 200);
    assertThat(body.get("unit").asText()).isEqualTo("tng-disdukcapil");
    assertThat(body.get("region").asText()).isEqualTo(TANGERANG);
    assertThat(body.get("step").asText()).isEqualTo("10m");
    assertThat(body.get("from").asText()).isEqualTo(base.toString());
    assertThat(body.get("to").asText()).isEqualTo(base.plus(Duration.ofMinutes(60)).toString());

    List<String> times = new ArrayList<>();
    List<Integer> present = new ArrayList<>();
    List<String> status = new ArrayList<>();
    body.get("points")
        .forEach(
            p -> {
              times.add(p.get("time").asText());
              present.add(p.get("present").asInt());
              status.add(p.get("status").asText());
              assertThat(p.get("cap").asInt()).isEqualTo(20);
              assertThat(p.get("headcount").asInt()).isEqualTo(40);
            });
    List<String> expectedTimes = new ArrayList<>();
    for (int m = 0; m < 60; m += 10) expectedTimes.add(base.plus(Duration.ofMinutes(m)).toString());
    assertThat(times).containsExactlyElementsOf(expectedTimes);
    // 20 and 40-50 have no point of their own: fill(previous).
    assertThat(present).containsExactly(10, 18, 18, 25, 25, 25);
    assertThat(status).containsExactly("OK", "OK", "OK", "OVER_CAP", "OVER_CAP", "OVER_CAP");
  }

  @Test
  void withoutParametersTheSeriesCoversTheLast12HoursInAbout720Points() {
    HttpResponse<String> r = app.get("/api/v1/units/tng-damkar/occupancy", DAMKAR_HEAD);

    JsonNode body = Http.json(r, 200);
    assertThat(body.get("step").asText()).isEqualTo("1m");
    Instant from = Instant.parse(body.get("from").asText());
    Instant to = Instant.parse(body.get("to").asText());
    assertThat(Duration.between(from, to)).isEqualTo(Duration.ofHours(12));
    assertThat(to).isBetween(Instant.now().minusSeconds(60), Instant.now().plusSeconds(1));
    JsonNode points = body.get("points");
    assertThat(points.size()).isBetween(720, 721);
    // Before the first reading nothing is known; the latest bucket carries the last reading.
    assertThat(points.get(0).get("present").isNull()).isTrue();
    assertThat(points.get(0).get("status").isNull()).isTrue();
    JsonNode last = points.get(points.size() - 1);
    assertThat(last.get("present").asInt()).isEqualTo(4);
    assertThat(last.get("status").asText()).isEqualTo("UNDER_FLOOR");
  }

  @Test
  void aSeriesAsCsvHasAHeaderRowAndOneRowAPoint() {
    HttpResponse<String> r =
        app.get(
            "/api/v1/units/srg-bkpsdm/occupancy?format=csv&step=10m&from="
                + q(at(0))
                + "&to="
                + q(at(30)),
            BKD_SERANG);

    assertThat(Http.csvLines(r))
        .containsExactly(
            "unit,region,time,present,headcount,share,cap,floor,status,zone",
            "srg-bkpsdm,kota-serang," + base + ",20,50,0.4,,,OK" + JAKARTA,
            "srg-bkpsdm,kota-serang,"
                + base.plus(Duration.ofMinutes(10))
                + ",21,50,0.42,,,OK"
                + JAKARTA,
            "srg-bkpsdm,kota-serang,"
                + base.plus(Duration.ofMinutes(20))
                + ",21,50,0.42,,,OK"
                + JAKARTA);
  }

  @Test
  void aCallerWhoMayNotSeeTheUnitGets403() {
    assertThat(app.get("/api/v1/units/tng-disdukcapil/occupancy", DAMKAR_HEAD).statusCode())
        .isEqualTo(403);
    assertThat(app.get("/api/v1/units/tng-damkar/occupancy", BKD_SERANG).statusCode())
        .isEqualTo(403);
    assertThat(app.get("/api/v1/units/srg-bkpsdm/occupancy", BKD_SERANG).statusCode())
        .isEqualTo(200);
  }

  @Test
  void aUnitWithoutDataIs404() {
    HttpResponse<String> r = app.get("/api/v1/units/no-such-unit/occupancy", OPERATOR);

    assertThat(Http.error(r, 404)).startsWith("unitId:");
  }

  @Test
  void aUnitIdIsBoundAsDataNeverSpliced() {
    String hostile = q("x' OR unit =~ /.*/ OR unit = 'y");
    HttpResponse<String> r = app.get("/api/v1/units/" + hostile + "/occupancy", OPERATOR);

    assertThat(r.statusCode()).isEqualTo(404);
  }

  @Test
  void aFromWithoutOffsetIs400NamingFrom() {
    HttpResponse<String> r =
        app.get("/api/v1/units/tng-damkar/occupancy?from=2026-11-23T07:00:00", OPERATOR);

    assertThat(Http.error(r, 400)).startsWith("from: must be ISO-8601 with an offset");
  }

  @Test
  void everyBadParameterIsNamedInOneAnswer() {
    HttpResponse<String> r =
        app.get("/api/v1/units/tng-damkar/occupancy?from=yesterday&to=today&step=5x", OPERATOR);

    assertThat(Http.errors(r, 400))
        .satisfiesExactly(
            e -> assertThat(e).startsWith("from: "),
            e -> assertThat(e).startsWith("to: "),
            e -> assertThat(e).startsWith("step: "));
  }

  @Test
  void toBeforeFromAndRangesOver31DaysAreRefusedNamingTo() {
    HttpResponse<String> backwards =
        app.get(
            "/api/v1/units/tng-damkar/occupancy?from=" + q(at(60)) + "&to=" + q(at(0)), OPERATOR);
    assertThat(Http.errors(backwards, 400)).containsExactly("to: must be after from");

    HttpResponse<String> tooLong =
        app.get(
            // 31 days and 2 hours, both ends within reach (31 days back, a day ahead)
            "/api/v1/units/tng-damkar/occupancy?from="
                + q(at(-(30 * 24 + 2) * 60))
                + "&to="
                + q(at(24 * 60)),
            OPERATOR);
    assertThat(Http.errors(tooLong, 400)).containsExactly("to: must be at most 31 days after from");
  }

  @Test
  void aStepThatIsNotAWholeNumberAndUnitIsRefused() {
    for (String step : List.of("0m", "5", "1.5h", "5M", "-1m")) {
      HttpResponse<String> r =
          app.get("/api/v1/units/tng-damkar/occupancy?step=" + q(step), OPERATOR);
      assertThat(r.statusCode()).as(step).isEqualTo(400);
      assertThat(Http.errors(r)).as(step).singleElement().asString().startsWith("step: ");
    }
  }
}
