package id.pantau.api;

import static id.pantau.api.LiveDashboard.BKD_SERANG;
import static id.pantau.api.LiveDashboard.DAMKAR_HEAD;
import static id.pantau.api.LiveDashboard.DEVICE;
import static id.pantau.api.LiveDashboard.OPERATOR;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
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
import org.influxdb.dto.Point;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * GET /api/v1/breaches over a real influxd, the breach points written the way the jobs write them:
 * one point per breach at its start, {@code open=false} and the final duration once closed.
 */
class BreachesApiTest {
  static final String TANGERANG = "kota-tangerang";
  static final String SERANG = "kota-serang";

  @RegisterExtension static final LiveDashboard app = LiveDashboard.overInflux();

  /** A whole hour three hours ago: every fixture breach of "today" starts after it. */
  static Instant base;

  /** An open breach that started 50 hours ago: outside the default day, inside open's week. */
  static Instant oldOpen;

  @BeforeAll
  static void writeFixture() {
    base = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofHours(3));
    oldOpen = Instant.now().truncatedTo(ChronoUnit.MINUTES).minus(Duration.ofHours(50));
    List<Point> points = new ArrayList<>();
    // Disdukcapil: over its cap of 20 since minute 30, still open.
    points.add(breach("tng-disdukcapil", TANGERANG, "OVER_CAP", at(30), 20, 25, true, 0));
    // Damkar: under its floor of 10 from minute 10 for 600 s, closed (rewritten at its start).
    points.add(breach("tng-damkar", TANGERANG, "UNDER_FLOOR", at(10), 10, 4, true, 0));
    points.add(breach("tng-damkar", TANGERANG, "UNDER_FLOOR", at(10), 10, 4, false, 600));
    // BKPSDM Serang, another region: over its cap from minute 40 for 20 minutes, closed.
    points.add(breach("srg-bkpsdm", SERANG, "OVER_CAP", at(40), 25, 30, false, 1200));
    // Dishub: open for 50 hours, started outside the default day.
    points.add(breach("tng-dishub", TANGERANG, "OVER_CAP", oldOpen, 15, 18, true, 0));
    // Satpol PP: open but started 8 days ago, outside open's week.
    points.add(
        breach(
            "tng-satpol",
            TANGERANG,
            "UNDER_FLOOR",
            Instant.now().minus(Duration.ofDays(8)),
            12,
            3,
            true,
            0));
    // One write each, in order: the closing rewrite replaces the opening point.
    for (Point p : points) app.write(List.of(p));
  }

  static Point breach(
      String unit,
      String region,
      String kind,
      Instant start,
      int limit,
      int present,
      boolean open,
      long durationS) {
    return Point.measurement("breach")
        .time(start.toEpochMilli(), TimeUnit.MILLISECONDS)
        .tag("unit", unit)
        .tag("region", region)
        .tag("kind", kind)
        .addField("present", (long) present)
        .addField("limit", (long) limit)
        .addField("open", open)
        .addField("duration_s", durationS)
        .build();
  }

  static Instant at(int minute) {
    return base.plus(Duration.ofMinutes(minute));
  }

  static String local(Instant t) {
    return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(t.atOffset(ZoneOffset.ofHours(7)));
  }

  static String q(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  static List<String> units(HttpResponse<String> r) {
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    List<String> out = new ArrayList<>();
    Http.json(r).get("breaches").forEach(b -> out.add(b.get("unit").asText()));
    return out;
  }

  static JsonNode only(HttpResponse<String> r, String unit) {
    for (JsonNode b : Http.json(r).get("breaches")) {
      if (b.get("unit").asText().equals(unit)) return b;
    }
    throw new AssertionError("no breach of " + unit + " in " + r.body());
  }

  // --- ranges and filters -----------------------------------------------------------------------

  @Test
  void withoutParametersTheBreachesOfTheLastDayComeNewestFirst() {
    HttpResponse<String> r = app.get("/api/v1/breaches", OPERATOR);

    assertThat(r.headers().firstValue("Content-Type"))
        .hasValueSatisfying(ct -> assertThat(ct).startsWith("application/json"));
    assertThat(units(r)).containsExactly("srg-bkpsdm", "tng-disdukcapil", "tng-damkar");
    JsonNode body = Http.json(r);
    Instant from = Instant.parse(body.get("from").asText());
    Instant to = Instant.parse(body.get("to").asText());
    assertThat(Duration.between(from, to)).isEqualTo(Duration.ofHours(24));
    assertThat(to).isBetween(Instant.now().minusSeconds(60), Instant.now().plusSeconds(1));
  }

  @Test
  void aClosedBreachEndsItsDurationAfterItsStart() {
    JsonNode damkar = only(app.get("/api/v1/breaches", OPERATOR), "tng-damkar");

    assertThat(damkar.get("region").asText()).isEqualTo(TANGERANG);
    assertThat(damkar.get("kind").asText()).isEqualTo("UNDER_FLOOR");
    assertThat(damkar.get("limit").asInt()).isEqualTo(10);
    assertThat(damkar.get("present").asInt()).isEqualTo(4);
    assertThat(damkar.get("startedAt").asText()).isEqualTo(at(10).toString());
    assertThat(damkar.get("endedAt").asText()).isEqualTo(at(20).toString());
    assertThat(damkar.get("durationS").asLong()).isEqualTo(600);
    assertThat(damkar.get("open").asBoolean()).isFalse();
  }

  @Test
  void anOpenBreachHasNoEndAndCountsItsDurationSoFar() {
    JsonNode disdukcapil = only(app.get("/api/v1/breaches", OPERATOR), "tng-disdukcapil");

    assertThat(disdukcapil.get("kind").asText()).isEqualTo("OVER_CAP");
    assertThat(disdukcapil.get("limit").asInt()).isEqualTo(20);
    assertThat(disdukcapil.get("present").asInt()).isEqualTo(25);
    assertThat(disdukcapil.get("startedAt").asText()).isEqualTo(at(30).toString());
    assertThat(disdukcapil.has("endedAt")).isTrue();
    assertThat(disdukcapil.get("endedAt").isNull()).isTrue();
    assertThat(disdukcapil.get("open").asBoolean()).isTrue();
    long soFar = Duration.between(at(30), Instant.now()).toSeconds();
    assertThat(disdukcapil.get("durationS").asLong()).isBetween(soFar - 60, soFar);
  }

  @Test
  void openTrueListsTheOpenBreachesOfAnyAgeWithinTheLastSevenDays() {
    HttpResponse<String> r = app.get("/api/v1/breaches?open=true", OPERATOR);

    assertThat(units(r)).containsExactly("tng-disdukcapil", "tng-dishub");
    JsonNode dishub = only(r, "tng-dishub");
    assertThat(dishub.get("startedAt").asText()).isEqualTo(oldOpen.toString());
    assertThat(dishub.get("durationS").asLong()).isGreaterThanOrEqualTo(50 * 3600);
    JsonNode body = Http.json(r);
    assertThat(
            Duration.between(
                Instant.parse(body.get("from").asText()), Instant.parse(body.get("to").asText())))
        .isEqualTo(Duration.ofDays(7));
  }

  @Test
  void openFalseListsOnlyClosedBreaches() {
    assertThat(units(app.get("/api/v1/breaches?open=false", OPERATOR)))
        .containsExactly("srg-bkpsdm", "tng-damkar");
  }

  @Test
  void fromAndToListTheBreachesThatStartedInTheRange() {
    HttpResponse<String> r =
        app.get("/api/v1/breaches?from=" + q(local(at(0))) + "&to=" + q(local(at(35))), OPERATOR);

    assertThat(units(r)).containsExactly("tng-disdukcapil", "tng-damkar");
    assertThat(Http.json(r).get("from").asText()).isEqualTo(base.toString());

    HttpResponse<String> week =
        app.get(
            "/api/v1/breaches?from=" + q(local(Instant.now().minus(Duration.ofDays(3)))), OPERATOR);
    assertThat(units(week))
        .containsExactly("srg-bkpsdm", "tng-disdukcapil", "tng-damkar", "tng-dishub");
  }

  @Test
  void unitAndKindNarrowTheList() {
    assertThat(units(app.get("/api/v1/breaches?kind=UNDER_FLOOR", OPERATOR)))
        .containsExactly("tng-damkar");
    assertThat(units(app.get("/api/v1/breaches?unit=tng-disdukcapil", OPERATOR)))
        .containsExactly("tng-disdukcapil");
    assertThat(units(app.get("/api/v1/breaches?unit=tng-disdukcapil&kind=UNDER_FLOOR", OPERATOR)))
        .isEmpty();
  }

  @Test
  void aUnitIsBoundAsDataNeverSpliced() {
    String hostile = q("x' OR unit =~ /.*/ OR unit = 'y");
    assertThat(units(app.get("/api/v1/breaches?unit=" + hostile, OPERATOR))).isEmpty();
  }

  // --- scoping ----------------------------------------------------------------------------------

  @Test
  void aUnitHeadSeesOnlyTheBreachesOfTheirOwnUnit() {
    assertThat(units(app.get("/api/v1/breaches", DAMKAR_HEAD))).containsExactly("tng-damkar");
    assertThat(units(app.get("/api/v1/breaches?unit=tng-disdukcapil", DAMKAR_HEAD))).isEmpty();
  }

  @Test
  void aRegionScopedBkdAdminSeesTheBreachesOfTheirRegionOnly() {
    assertThat(units(app.get("/api/v1/breaches", BKD_SERANG))).containsExactly("srg-bkpsdm");
    assertThat(units(app.get("/api/v1/breaches?open=true", BKD_SERANG))).isEmpty();
  }

  @Test
  void aDeviceTokenMayNotReadBreaches() {
    HttpResponse<String> r = app.get("/api/v1/breaches", DEVICE);

    assertThat(Http.error(r, 403)).startsWith("role:");
    assertThat(app.get("/api/v1/breaches", null).statusCode()).isEqualTo(401);
  }

  // --- CSV --------------------------------------------------------------------------------------

  @Test
  void breachesAsCsvHaveAHeaderRowAndOneRowABreach() {
    HttpResponse<String> r = app.get("/api/v1/breaches?format=csv", OPERATOR);

    assertThat(Http.csvLines(r))
        .satisfiesExactly(
            h ->
                assertThat(h)
                    .isEqualTo(
                        "unit,region,kind,limit,present,startedAt,endedAt,durationS,open,zone"),
            b ->
                assertThat(b)
                    .isEqualTo(
                        "srg-bkpsdm,kota-serang,OVER_CAP,25,30,"
                            + at(40)
                            + ","
                            + at(60)
                            + ",1200,false,Asia/Jakarta"),
            d ->
                assertThat(d)
                    .matches(
                        "tng-disdukcapil,kota-tangerang,OVER_CAP,20,25,"
                            + java.util.regex.Pattern.quote(at(30).toString())
                            + ",,[0-9]+,true,Asia/Jakarta"),
            f ->
                assertThat(f)
                    .isEqualTo(
                        "tng-damkar,kota-tangerang,UNDER_FLOOR,10,4,"
                            + at(10)
                            + ","
                            + at(20)
                            + ",600,false,Asia/Jakarta"));
  }

  // --- validation -------------------------------------------------------------------------------

  @Test
  void anUnknownKindIsRefusedNamingKind() {
    HttpResponse<String> r = app.get("/api/v1/breaches?kind=LATE", OPERATOR);

    assertThat(Http.errors(r, 400)).containsExactly("kind: must be OVER_CAP or UNDER_FLOOR");
  }

  @Test
  void everyBadParameterIsNamedInOneAnswer() {
    HttpResponse<String> r =
        app.get(
            "/api/v1/breaches?from=yesterday&to=2026-11-23T07:00:00&open=maybe&kind=x", OPERATOR);

    assertThat(Http.errors(r, 400))
        .satisfiesExactly(
            e -> assertThat(e).isEqualTo("open: must be true or false"),
            e -> assertThat(e).startsWith("from: must be ISO-8601 with an offset"),
            e -> assertThat(e).startsWith("to: must be ISO-8601 with an offset"),
            e -> assertThat(e).isEqualTo("kind: must be OVER_CAP or UNDER_FLOOR"));
  }

  @Test
  void toBeforeFromAndRangesOver31DaysAreRefusedNamingTo() {
    HttpResponse<String> backwards =
        app.get("/api/v1/breaches?from=" + q(local(at(60))) + "&to=" + q(local(at(0))), OPERATOR);
    assertThat(Http.errors(backwards, 400)).containsExactly("to: must be after from");

    HttpResponse<String> tooLong =
        app.get(
            // 31 days and 2 hours, both ends within reach (31 days back, a day ahead)
            "/api/v1/breaches?from="
                + q(local(at(-(30 * 24 + 2) * 60)))
                + "&to="
                + q(local(at(24 * 60))),
            OPERATOR);
    assertThat(Http.errors(tooLong, 400)).containsExactly("to: must be at most 31 days after from");
  }

  @Test
  void aTooLongUnitIsRefusedNamingUnit() {
    HttpResponse<String> r = app.get("/api/v1/breaches?unit=" + "u".repeat(201), OPERATOR);

    assertThat(Http.errors(r, 400)).containsExactly("unit: must be 1 to 200 characters");
  }

  @Test
  void anUnknownFormatIsRefusedNamingTheParameter() {
    HttpResponse<String> r = app.get("/api/v1/breaches?format=xml", OPERATOR);

    assertThat(Http.errors(r, 400)).containsExactly("format: must be json or csv");
  }
}
