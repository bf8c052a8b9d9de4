package id.pantau.api;

import static id.pantau.api.LiveDashboard.BKD_PROVINCE;
import static id.pantau.api.LiveDashboard.BKD_SERANG;
import static id.pantau.api.LiveDashboard.DAMKAR_HEAD;
import static id.pantau.api.LiveDashboard.DEVICE;
import static id.pantau.api.LiveDashboard.LEADER;
import static id.pantau.api.LiveDashboard.OPERATOR;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.influxdb.dto.Point;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * GET /api/v1/compliance over a real influxd: points written the way the compliance job writes them
 * (one per unit, window and local date at the window's end), in units of WIB and WIT.
 */
class ComplianceApiTest {
  static final String TANGERANG = "kota-tangerang";
  static final String JAYAPURA = "kota-jayapura";
  static final String SERANG = "kota-serang";

  /** A recent date: compliance points are raw points, kept 30 days. */
  static final LocalDate DAY = LocalDate.now(ZoneId.of("Asia/Jakarta")).minusDays(3);

  static final ZoneOffset WIB = ZoneOffset.ofHours(7);
  static final ZoneOffset WIT = ZoneOffset.ofHours(9);

  @RegisterExtension static final LiveDashboard app = LiveDashboard.overInflux();

  @BeforeAll
  static void writeFixture() {
    List<Point> points = new ArrayList<>();
    // Disdukcapil (WIB): attendance due 07:30, written twice (the later count replaces it) …
    points.add(point("tng-disdukcapil", TANGERANG, "ATTENDANCE", DAY, "07:30", WIB, 40, 20, 2, 0));
    points.add(point("tng-disdukcapil", TANGERANG, "ATTENDANCE", DAY, "07:30", WIB, 40, 30, 5, 3));
    // … a location window ending late in the afternoon, and yesterday's attendance.
    points.add(point("tng-disdukcapil", TANGERANG, "LOC3", DAY, "16:30", WIB, 12, 9, 1, 2));
    points.add(
        point(
            "tng-disdukcapil",
            TANGERANG,
            "ATTENDANCE",
            DAY.minusDays(1),
            "07:30",
            WIB,
            40,
            1,
            1,
            1));
    points.add(point("tng-damkar", TANGERANG, "ATTENDANCE", DAY, "07:30", WIB, 30, 28, 1, 1));
    // Jayapura (WIT): its 07:30 is 22:30 UTC the day before; the next day's 07:30 is 22:30 UTC on
    // the day.
    points.add(point("jpr-bkd", JAYAPURA, "ATTENDANCE", DAY, "07:30", WIT, 20, 18, 2, 0));
    points.add(
        point("jpr-bkd", JAYAPURA, "ATTENDANCE", DAY.plusDays(1), "07:30", WIT, 20, 5, 0, 15));
    points.add(point("srg-bkpsdm", SERANG, "ATTENDANCE", DAY, "07:30", WIB, 50, 45, 0, 5));
    app.write(points);
  }

  static Point point(
      String unit,
      String region,
      String window,
      LocalDate date,
      String end,
      ZoneOffset zone,
      int expected,
      int onTime,
      int late,
      int missed) {
    return Point.measurement("compliance")
        .time(endOf(date, end, zone).toInstant().toEpochMilli(), TimeUnit.MILLISECONDS)
        .tag("unit", unit)
        .tag("region", region)
        .tag("window", window)
        .addField("expected", (long) expected)
        .addField("on_time", (long) onTime)
        .addField("late", (long) late)
        .addField("missed", (long) missed)
        .addField("late_upload", 1L)
        .addField("pending", (long) (expected - onTime - late - missed))
        .addField("rate", (double) (onTime + late) / expected)
        .build();
  }

  static OffsetDateTime endOf(LocalDate date, String time, ZoneOffset zone) {
    return OffsetDateTime.of(date, LocalTime.parse(time), zone);
  }

  /** The instant of a local time on a date, as the API writes it. */
  static String instant(LocalDate date, String time, ZoneOffset zone) {
    return endOf(date, time, zone).toInstant().toString();
  }

  static List<String> rowKeys(HttpResponse<String> r) {
    List<String> out = new ArrayList<>();
    Http.json(r)
        .get("rows")
        .forEach(u -> out.add(u.get("unit").asText() + "/" + u.get("window").asText()));
    return out;
  }

  @Test
  void everyUnitAndWindowOfTheDateIsItsLatestPointSortedByRegionUnitWindow() {
    HttpResponse<String> r = app.get("/api/v1/compliance?date=" + DAY, OPERATOR);

    JsonNode body = Http.json(r, 200);
    assertThat(body.get("date").asText()).isEqualTo(DAY.toString());
    assertThat(rowKeys(r))
        .containsExactly(
            "jpr-bkd/ATTENDANCE",
            "srg-bkpsdm/ATTENDANCE",
            "tng-damkar/ATTENDANCE",
            "tng-disdukcapil/ATTENDANCE",
            "tng-disdukcapil/LOC3");
    JsonNode attendance = body.get("rows").get(3);
    assertThat(attendance.get("region").asText()).isEqualTo(TANGERANG);
    assertThat(attendance.get("expected").asInt()).isEqualTo(40);
    assertThat(attendance.get("onTime").asInt()).isEqualTo(30);
    assertThat(attendance.get("late").asInt()).isEqualTo(5);
    assertThat(attendance.get("missed").asInt()).isEqualTo(3);
    assertThat(attendance.get("lateUpload").asInt()).isEqualTo(1);
    assertThat(attendance.get("pending").asInt()).isEqualTo(2);
    assertThat(attendance.get("rate").asDouble()).isEqualTo(0.875);
    assertThat(attendance.get("asOf").asText()).isEqualTo(instant(DAY, "07:30", WIB));
  }

  @Test
  void aWitUnitsMorningBelongsToItsOwnDateNotTheUtcOne() {
    HttpResponse<String> today =
        app.get("/api/v1/compliance?date=" + DAY + "&unit=jpr-bkd", OPERATOR);
    HttpResponse<String> tomorrow =
        app.get("/api/v1/compliance?date=" + DAY.plusDays(1) + "&unit=jpr-bkd", OPERATOR);
    HttpResponse<String> yesterday =
        app.get("/api/v1/compliance?date=" + DAY.minusDays(1) + "&unit=jpr-bkd", OPERATOR);

    JsonNode t = Http.json(today).get("rows");
    assertThat(t).hasSize(1);
    assertThat(t.get(0).get("onTime").asInt()).isEqualTo(18);
    assertThat(t.get(0).get("asOf").asText()).isEqualTo(instant(DAY, "07:30", WIT));
    JsonNode n = Http.json(tomorrow).get("rows");
    assertThat(n).hasSize(1);
    assertThat(n.get(0).get("missed").asInt()).isEqualTo(15);
    assertThat(Http.json(yesterday).get("rows")).isEmpty();
  }

  @Test
  void aWibUnitsAfternoonAndYesterdayStayOnTheirOwnDates() {
    HttpResponse<String> r =
        app.get("/api/v1/compliance?date=" + DAY.minusDays(1) + "&unit=tng-disdukcapil", OPERATOR);

    assertThat(rowKeys(r)).containsExactly("tng-disdukcapil/ATTENDANCE");
    assertThat(Http.json(r).get("rows").get(0).get("onTime").asInt()).isEqualTo(1);
  }

  @Test
  void unitAndWindowNarrowTheRows() {
    HttpResponse<String> r =
        app.get("/api/v1/compliance?date=" + DAY + "&unit=tng-disdukcapil&window=LOC3", OPERATOR);

    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(rowKeys(r)).containsExactly("tng-disdukcapil/LOC3");
  }

  @Test
  void scopedCallersSeeOnlyTheirUnitsAndLeadershipReadsTheAggregates() {
    assertThat(rowKeys(app.get("/api/v1/compliance?date=" + DAY, DAMKAR_HEAD)))
        .containsExactly("tng-damkar/ATTENDANCE");
    assertThat(rowKeys(app.get("/api/v1/compliance?date=" + DAY, BKD_SERANG)))
        .containsExactly("srg-bkpsdm/ATTENDANCE");
    assertThat(rowKeys(app.get("/api/v1/compliance?date=" + DAY, LEADER))).hasSize(5);
    assertThat(app.get("/api/v1/compliance?date=" + DAY, DEVICE).statusCode()).isEqualTo(403);
  }

  @Test
  void withoutADateTheAnswerIsForTodayInJakarta() {
    HttpResponse<String> r = app.get("/api/v1/compliance", OPERATOR);

    assertThat(Http.json(r, 200).get("date").asText())
        .isIn(
            LocalDate.now(ZoneId.of("Asia/Jakarta")).toString(),
            LocalDate.now(ZoneId.of("Asia/Jakarta")).minusDays(1).toString());
  }

  @Test
  void complianceAsCsvHasAHeaderRowAndOneRowPerUnitAndWindow() {
    HttpResponse<String> r =
        app.get("/api/v1/compliance?date=" + DAY + "&unit=tng-damkar&format=csv", OPERATOR);

    assertThat(Http.csvLines(r))
        .containsExactly(
            "unit,region,window,expected,onTime,late,missed,lateUpload,pending,rate,asOf,zone",
            "tng-damkar,kota-tangerang,ATTENDANCE,30,28,1,1,1,0,0.9666666666666667,"
                + instant(DAY, "07:30", WIB)
                + ",Asia/Jakarta");
  }

  @Test
  void everyBadParameterIsNamedInOneAnswer() {
    HttpResponse<String> r =
        app.get("/api/v1/compliance?date=23-11-2026&window=LOC0&unit=" + "u".repeat(201), OPERATOR);

    assertThat(Http.errors(r, 400))
        .containsExactly(
            "date: must be a date YYYY-MM-DD, e.g. 2026-11-23",
            "unit: must be 1 to 200 characters",
            "window: must be ATTENDANCE or LOC1, LOC2 …");
  }

  @Test
  void followUpsAre503WithRetryAfterWhileKafkaCannotBeRead() {
    HttpResponse<String> r = app.get("/api/v1/units/tng-damkar/followups", BKD_PROVINCE);

    assertThat(r.statusCode()).isEqualTo(503);
    assertThat(r.headers().firstValue("Retry-After")).isPresent();
    assertThat(Http.errors(r)).singleElement().asString().startsWith("checkins:");
  }

  @Test
  void aUnitIsBoundAsDataNeverSpliced() {
    String hostile = URLEncoder.encode("x' OR unit =~ /.*/ OR unit = 'y", StandardCharsets.UTF_8);
    HttpResponse<String> r =
        app.get("/api/v1/compliance?date=" + DAY + "&unit=" + hostile, OPERATOR);

    assertThat(Http.json(r, 200).get("rows")).isEmpty();
  }
}
