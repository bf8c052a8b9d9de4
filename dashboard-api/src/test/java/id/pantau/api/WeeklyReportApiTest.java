package id.pantau.api;

import static id.pantau.api.LiveDashboard.BKD_SERANG;
import static id.pantau.api.LiveDashboard.BKD_TANGERANG;
import static id.pantau.api.LiveDashboard.DAMKAR_HEAD;
import static id.pantau.api.LiveDashboard.DEVICE;
import static id.pantau.api.LiveDashboard.LEADER;
import static org.assertj.core.api.Assertions.assertThat;

import id.pantau.api.report.IsoWeek;
import id.pantau.api.report.ReportCsv;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.influxdb.dto.Point;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * GET /reports/weekly over a real influxd: daily rollups of two weeks of kota-tangerang (WIB) and a
 * unit of kota-serang, written as the jobs write them into retention policy trends.
 */
class WeeklyReportApiTest {
  static final String TANGERANG = "kota-tangerang";
  static final ZoneOffset WIB = ZoneOffset.ofHours(7);

  @RegisterExtension static final LiveDashboard app = LiveDashboard.overInflux();

  /** The last week complete in Jakarta, and the one before. */
  static IsoWeek week;

  @BeforeAll
  static void writeTwoWeeksOfRollups() {
    week = IsoWeek.lastCompleteOn(LocalDate.now(ZoneId.of("Asia/Jakarta")));
    LocalDate mon = week.monday();
    LocalDate before = week.previous().monday();
    List<Point> points = new ArrayList<>();
    points.add(point(mon, "tng-a", TANGERANG, 10, 9, 4, 4, 1, 30));
    points.add(point(mon, "tng-b", TANGERANG, 90, 72, 20, 15, 0, 0));
    points.add(point(mon.plusDays(1), "tng-a", TANGERANG, 10, 10, 4, 3, 0, 0));
    points.add(point(mon.plusDays(2), "tng-b", TANGERANG, 90, 81, 20, 18, 2, 45));
    points.add(point(mon.plusDays(2), "srg-x", "kota-serang", 10, 0, 10, 0, 9, 999));
    points.add(point(before.plusDays(1), "tng-a", TANGERANG, 10, 8, 4, 2, 4, 100));
    points.add(point(before.plusDays(1), "tng-b", TANGERANG, 90, 90, 20, 20, 0, 0));
    app.writeDaily(points);
  }

  static Point point(
      LocalDate day, String unit, String region, int ae, int ar, int we, int wr, int br, int min) {
    return Point.measurement("daily")
        .time(day.atStartOfDay(WIB).toInstant().toEpochMilli(), TimeUnit.MILLISECONDS)
        .tag("unit", unit)
        .tag("region", region)
        .addField("attendance_rate", ar / (double) ae)
        .addField("attendance_expected", (long) ae)
        .addField("attendance_reported", (long) ar)
        .addField("wfh_compliance", wr / (double) we)
        .addField("wfh_expected", (long) we)
        .addField("wfh_reported", (long) wr)
        .addField("peak_present", 20L)
        .addField("mean_present", 8.5)
        .addField("minutes_over_cap", (double) min)
        .addField("alerts", br + 3L)
        .addField("breaches", (long) br)
        .build();
  }

  static HttpResponse<String> report(String query, String token) {
    return app.get("/reports/weekly?" + query, token);
  }

  /** The text of the element marked data-figure="name". */
  static String figure(String page, String name) {
    Matcher m = Pattern.compile("data-figure=\"" + name + "\">([^<]*)<").matcher(page);
    assertThat(m.find()).as("figure " + name).isTrue();
    return m.group(1);
  }

  @Test
  void thePageShowsTheWeeksFiguresAndTheChangeInIndonesian() {
    HttpResponse<String> r = report("region=" + TANGERANG + "&week=" + week, LEADER);

    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
    String page = r.body();
    assertThat(page).contains("<html lang=\"id\">", "Laporan Mingguan Pimpinan", "Rincian harian");
    // (9 + 72 + 10 + 81) / 200, not the mean of the daily rates
    assertThat(figure(page, "attendance")).isEqualTo("86,0 %");
    assertThat(figure(page, "wfh")).isEqualTo("83,3 %");
    assertThat(figure(page, "breaches")).isEqualTo("3");
    assertThat(figure(page, "minutes")).isEqualTo("75");
    assertThat(figure(page, "attendance-previous")).isEqualTo("98,0 %");
    assertThat(figure(page, "attendance-change")).isEqualTo("-12,0 poin");
    assertThat(figure(page, "breaches-change")).isEqualTo("-1");
    assertThat(figure(page, "minutes-change")).isEqualTo("-25");
    assertThat(figure(page, "best")).isEqualTo("tng-a");
    assertThat(figure(page, "best-rate")).isEqualTo("95,0 %");
    assertThat(figure(page, "worst")).isEqualTo("tng-b");
    assertThat(page).contains("<svg class=\"chart\"").doesNotContain("srg-x");
    assertThat(page).contains("data-date=\"" + week.monday().plusDays(6) + "\"");
  }

  @Test
  void thePageLoadsNothingFromAnotherHost() {
    HttpResponse<String> r = report("region=" + TANGERANG + "&week=" + week, LEADER);

    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body())
        .doesNotContainPattern("(?i)https?://")
        .doesNotContainPattern("(?i)//[a-z0-9.-]+\\.[a-z]{2,}/");
    assertThat(r.body()).doesNotContain("<script", "<link", "<img", "src=", "@import", "url(");
    assertThat(r.body()).contains("@media print", "@page");
    assertThat(r.headers().firstValue("Content-Security-Policy").orElseThrow())
        .startsWith("default-src 'none'");
  }

  @Test
  void theCsvParsesWithItsHeaderRow() {
    HttpResponse<String> r =
        report("region=" + TANGERANG + "&week=" + week + "&format=csv", LEADER);

    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
    List<String> lines = Arrays.asList(r.body().split("\r\n"));
    List<String> header = Arrays.asList(lines.get(0).split(",", -1));
    assertThat(header).isEqualTo(ReportCsv.HEADER);
    List<List<String>> rows = new ArrayList<>();
    for (String line : lines.subList(1, lines.size())) {
      List<String> cells = Arrays.asList(line.split(",", -1));
      assertThat(cells).as(line).hasSameSizeAs(header);
      rows.add(cells);
    }
    assertThat(rows)
        .extracting(c -> c.get(header.indexOf("row")))
        .containsExactly(
            "week",
            "previous_week",
            "change",
            "best_unit",
            "worst_unit",
            "day",
            "day",
            "day",
            "day",
            "day",
            "day",
            "day");
    List<String> total = rows.get(0);
    assertThat(Double.parseDouble(total.get(header.indexOf("attendanceRate")))).isEqualTo(0.86);
    assertThat(total.get(header.indexOf("attendanceExpected"))).isEqualTo("200");
    assertThat(total.get(header.indexOf("breaches"))).isEqualTo("3");
    assertThat(total.get(header.indexOf("minutesOverCap"))).isEqualTo("75");
    assertThat(rows.get(3).get(header.indexOf("unit"))).isEqualTo("tng-a");
    assertThat(rows.get(5).get(header.indexOf("date"))).isEqualTo(week.monday().toString());
    assertThat(rows.get(11).get(header.indexOf("attendanceRate"))).isEmpty(); // Sunday: no data
  }

  @Test
  void withoutAWeekTheLastCompleteWeekIsReportedAndABkdAdminMayLeaveOutItsRegion() {
    HttpResponse<String> r = report("format=csv", BKD_TANGERANG);

    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body().split("\r\n")[1]).startsWith(TANGERANG + "," + week + ",week,");
  }

  @Test
  void aCallerSeeingManyRegionsMustNameOne() {
    HttpResponse<String> r = report("week=" + week, LEADER);

    assertThat(Http.errors(r, 400))
        .containsExactly(
            "region: required (e.g. region=kota-tangerang) unless the token sees one region");
  }

  @Test
  void aRegionOutsideTheCallersScopeIsForbidden() {
    assertThat(report("region=" + TANGERANG, BKD_SERANG).statusCode()).isEqualTo(403);
    assertThat(Http.errors(report("region=" + TANGERANG, BKD_SERANG)))
        .containsExactly("region: 'kota-tangerang' is not among the regions this token may see");
    // a unit head sees its unit, not the region
    assertThat(report("region=" + TANGERANG, DAMKAR_HEAD).statusCode()).isEqualTo(403);
    assertThat(report("region=" + TANGERANG, DEVICE).statusCode()).isEqualTo(403);
    assertThat(report("region=" + TANGERANG, null).statusCode()).isEqualTo(401);
  }

  @Test
  void badWeeksAndRegionsAreRefusedNamingEachField() {
    HttpResponse<String> r = report("region=" + "x".repeat(201) + "&week=2026-W60", LEADER);

    assertThat(Http.errors(r, 400))
        .containsExactly(
            "region: must be 1 to 200 characters",
            "week: must be an ISO week YYYY-Www, e.g. 2026-W49 (weeks 01 to 52 or 53)");
    IsoWeek ahead = IsoWeek.of(week.monday().plusWeeks(3));
    HttpResponse<String> future = report("region=" + TANGERANG + "&week=" + ahead, LEADER);
    assertThat(future.statusCode()).isEqualTo(400);
    assertThat(Http.errors(future).get(0)).startsWith("week: must be a week from ");
    assertThat(report("region=" + TANGERANG + "&format=pdf", LEADER).statusCode()).isEqualTo(400);
  }

  @Test
  void aWeekWithoutRollupsOfTheRegionIsNotFound() {
    IsoWeek empty = IsoWeek.of(week.monday().minusWeeks(10));
    HttpResponse<String> r = report("region=" + TANGERANG + "&week=" + empty, LEADER);

    assertThat(Http.errors(r, 404))
        .containsExactly(
            "region: no daily rollups of 'kota-tangerang' in " + empty + ": ask for another week");
  }
}
