package id.pantau.api;

import static id.pantau.api.LiveDashboard.BKD_JAYAPURA;
import static id.pantau.api.LiveDashboard.DEVICE;
import static id.pantau.api.LiveDashboard.LEADER;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.LocalDate;
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
 * GET /api/v1/trends over a real influxd: daily rollups written at the local midnight starting each
 * day, in units of WIB and WIT.
 */
class TrendsApiTest {
  static final String TANGERANG = "kota-tangerang";
  static final String JAYAPURA = "kota-jayapura";
  static final ZoneOffset WIB = ZoneOffset.ofHours(7);
  static final ZoneOffset WIT = ZoneOffset.ofHours(9);

  @RegisterExtension static final LiveDashboard app = LiveDashboard.overInflux();
  static LocalDate today;

  @BeforeAll
  static void writeRollups() {
    today = LocalDate.now(ZoneId.of("Asia/Jakarta"));
    List<Point> points = new ArrayList<>();
    double[] rates = {0.9, 0.8, 0.7};
    for (int d = 0; d < 3; d++) {
      LocalDate day = LocalDate.parse("2026-11-21").plusDays(d);
      points.add(point("tng-disdukcapil", TANGERANG, day, WIB, rates[d], 25 + d));
      points.add(point("jpr-bkd", JAYAPURA, day, WIT, 0.8, 10 + d));
    }
    // A day 40 days ago: outside the default range.
    points.add(point("tng-damkar", TANGERANG, today.minusDays(40), WIB, 0.5, 5));
    points.add(point("tng-damkar", TANGERANG, today.minusDays(2), WIB, 0.7, 7));
    app.writeDaily(points);
  }

  static Point point(
      String unit, String region, LocalDate day, ZoneOffset zone, double rate, int peak) {
    return Point.measurement("daily")
        .time(day.atStartOfDay(zone).toInstant().toEpochMilli(), TimeUnit.MILLISECONDS)
        .tag("unit", unit)
        .tag("region", region)
        .addField("attendance_rate", rate)
        .addField("wfh_compliance", 0.95)
        .addField("peak_present", (long) peak)
        .addField("mean_present", peak / 2.0)
        .addField("minutes_over_cap", 12L)
        .addField("alerts", 3L)
        .addField("attendance_expected", 20L)
        .addField("attendance_reported", Math.round(rate * 20))
        .addField("wfh_expected", 20L)
        .addField("wfh_reported", 19L)
        .addField("breaches", 1L)
        .build();
  }

  static List<String> keys(HttpResponse<String> r) {
    List<String> out = new ArrayList<>();
    Http.json(r)
        .get("rows")
        .forEach(u -> out.add(u.get("date").asText() + "/" + u.get("unit").asText()));
    return out;
  }

  @Test
  void eachDaysRollupIsOnItsLocalDateInWibAndWitSortedByDateRegionUnit() {
    HttpResponse<String> r = app.get("/api/v1/trends?from=2026-11-22&to=2026-11-23", LEADER);

    JsonNode body = Http.json(r, 200);
    assertThat(body.get("from").asText()).isEqualTo("2026-11-22");
    assertThat(body.get("to").asText()).isEqualTo("2026-11-23");
    assertThat(keys(r))
        .containsExactly(
            "2026-11-22/jpr-bkd",
            "2026-11-22/tng-disdukcapil",
            "2026-11-23/jpr-bkd",
            "2026-11-23/tng-disdukcapil");
    JsonNode row = body.get("rows").get(3);
    assertThat(row.get("region").asText()).isEqualTo(TANGERANG);
    assertThat(row.get("attendanceRate").asDouble()).isEqualTo(0.7);
    assertThat(row.get("wfhCompliance").asDouble()).isEqualTo(0.95);
    assertThat(row.get("peakPresent").asInt()).isEqualTo(27);
    assertThat(row.get("meanPresent").asDouble()).isEqualTo(13.5);
    assertThat(row.get("minutesOverCap").asInt()).isEqualTo(12);
    assertThat(row.get("alerts").asInt()).isEqualTo(3);
    assertThat(row.get("attendanceExpected").asInt()).isEqualTo(20);
    assertThat(row.get("attendanceReported").asInt()).isEqualTo(14);
    assertThat(row.get("wfhExpected").asInt()).isEqualTo(20);
    assertThat(row.get("wfhReported").asInt()).isEqualTo(19);
    assertThat(row.get("breaches").asInt()).isEqualTo(1);
  }

  @Test
  void aUnitOrRegionNarrowsTheRowsAndScopingApplies() {
    assertThat(keys(app.get("/api/v1/trends?from=2026-11-21&to=2026-11-23&unit=jpr-bkd", LEADER)))
        .containsExactly("2026-11-21/jpr-bkd", "2026-11-22/jpr-bkd", "2026-11-23/jpr-bkd");
    assertThat(
            keys(
                app.get(
                    "/api/v1/trends?from=2026-11-21&to=2026-11-21&region=" + TANGERANG, LEADER)))
        .contains("2026-11-21/tng-disdukcapil")
        .doesNotContain("2026-11-21/jpr-bkd");
    assertThat(keys(app.get("/api/v1/trends?from=2026-11-21&to=2026-11-21", BKD_JAYAPURA)))
        .containsExactly("2026-11-21/jpr-bkd");
    assertThat(app.get("/api/v1/trends", DEVICE).statusCode()).isEqualTo(403);
  }

  @Test
  void withoutARangeTheLast30DaysUpToTodayAreRead() {
    HttpResponse<String> r = app.get("/api/v1/trends?unit=tng-damkar", LEADER);

    JsonNode body = Http.json(r, 200);
    LocalDate to = LocalDate.parse(body.get("to").asText());
    assertThat(to).isIn(today, today.plusDays(1));
    assertThat(LocalDate.parse(body.get("from").asText())).isEqualTo(to.minusDays(29));
    assertThat(keys(r)).containsExactly(today.minusDays(2) + "/tng-damkar");
  }

  @Test
  void aRangeWithoutRollupsIsAnEmptyList() {
    LocalDate twoYearsAgo = today.minusYears(2);
    HttpResponse<String> r =
        app.get("/api/v1/trends?from=" + twoYearsAgo + "&to=" + twoYearsAgo.plusDays(30), LEADER);

    assertThat(Http.json(r, 200).get("rows")).isEmpty();
  }

  @Test
  void trendsAsCsvHaveAHeaderRowAndOneRowPerUnitAndDate() {
    HttpResponse<String> r =
        app.get("/api/v1/trends?from=2026-11-21&to=2026-11-21&unit=jpr-bkd&format=csv", LEADER);

    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body().split("\r\n"))
        .containsExactly(
            "date,unit,region,attendanceRate,wfhCompliance,peakPresent,meanPresent,"
                + "minutesOverCap,alerts,attendanceExpected,attendanceReported,wfhExpected,"
                + "wfhReported,breaches",
            "2026-11-21,jpr-bkd,kota-jayapura,0.8,0.95,10,5.0,12,3,20,16,20,19,1");
  }

  @Test
  void badDatesAndRangesOver366DaysAreRefusedNamingTheParameter() {
    HttpResponse<String> bad = app.get("/api/v1/trends?from=yesterday&to=2026-13-01", LEADER);
    assertThat(Http.errors(bad, 400))
        .containsExactly(
            "from: must be a date YYYY-MM-DD, e.g. 2026-11-23",
            "to: must be a date YYYY-MM-DD, e.g. 2026-11-23");

    HttpResponse<String> backwards =
        app.get("/api/v1/trends?from=2026-11-23&to=2026-11-22", LEADER);
    assertThat(Http.errors(backwards)).containsExactly("to: must not be before from");

    LocalDate first = today.minusDays(400);
    HttpResponse<String> tooLong =
        app.get("/api/v1/trends?from=" + first + "&to=" + first.plusDays(366), LEADER);
    assertThat(Http.errors(tooLong))
        .containsExactly("to: must be at most 366 days from from, both included");
    assertThat(
            app.get("/api/v1/trends?from=" + first + "&to=" + first.plusDays(365), LEADER)
                .statusCode())
        .isEqualTo(200);
  }
}
