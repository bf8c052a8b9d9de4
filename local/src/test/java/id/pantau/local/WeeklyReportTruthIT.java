package id.pantau.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import id.pantau.access.Principal;
import id.pantau.access.Role;
import id.pantau.access.TokenStore;
import id.pantau.api.Dashboard;
import id.pantau.api.DashboardConfig;
import id.pantau.api.report.IsoWeek;
import id.pantau.daily.DailyLines;
import id.pantau.daily.DailyRollup;
import id.pantau.infra.FreePort;
import id.pantau.infra.InfluxServer;
import id.pantau.sim.City;
import id.pantau.sim.CityConfig;
import id.pantau.sim.CityRegion;
import id.pantau.sim.Faults;
import id.pantau.sim.SimDay;
import id.pantau.sim.truth.GroundTruth;
import id.pantau.sink.Retention;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.influxdb.InfluxDB;
import org.influxdb.InfluxDBFactory;
import org.influxdb.dto.Query;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The weekly report against the ground truth of two simulated weeks of a small city (weekends off).
 * Fourteen days through the whole pipeline would take minutes, so the daily rollups are made from
 * each day's ground truth and written as the jobs write them ({@link DailyLines}, into retention
 * policy trends); that the jobs' rollups equal those of the ground truth is what {@code ./pantau
 * verify} checks (TruthCheck, daily rollups: rates, counts, breaches, minutes over cap). The
 * report's figures are then checked against figures computed here from the ground truth's check-in
 * results and breaches, not from the rollups.
 */
class WeeklyReportTruthIT {
  static final String TOKEN = "tok-leader";
  static final CityConfig CITY = CityConfig.defaults().withSize(6, 150).withWorkWeekends(false);

  static Path dir;
  static InfluxServer influx;
  static Dashboard dashboard;
  static IsoWeek week;
  static City city;

  /** The ground truth of each simulated date, both weeks. */
  static final Map<LocalDate, GroundTruth> TRUTH = new TreeMap<>();

  @BeforeAll
  static void writeTwoSimulatedWeeksOfRollups() throws Exception {
    dir = Files.createTempDirectory("pantau-weekly-truth");
    influx = InfluxServer.start(dir.resolve("influx"));
    influx.createDatabase(Retention.DATABASE);
    week = IsoWeek.lastCompleteOn(LocalDate.now(ZoneId.of("Asia/Jakarta")));
    city = City.of(CITY);
    List<String> lines = new ArrayList<>();
    for (LocalDate d = week.previous().monday(); !d.isAfter(week.sunday()); d = d.plusDays(1)) {
      GroundTruth truth = GroundTruth.of(SimDay.of(city, d, Faults.all()));
      TRUTH.put(d, truth);
      for (GroundTruth.Daily daily : truth.daily().values()) lines.add(line(truth, d, daily));
    }
    writeRollups(influx.url(), lines);
    Principal leader = new Principal("walikota", Role.LEADERSHIP, Set.of(), Set.of());
    dashboard =
        Dashboard.start(
            new DashboardConfig(
                influx.url(),
                Retention.DATABASE,
                "127.0.0.1:" + FreePort.find(),
                "127.0.0.1",
                0,
                null),
            TokenStore.of(Map.of(TokenStore.sha256(TOKEN), leader)));
  }

  /** Daily rollup lines ({@link DailyLines}) into retention policy trends, made here if missing. */
  static void writeRollups(String influxUrl, List<String> lines) {
    try (InfluxDB client = InfluxDBFactory.connect(influxUrl)) {
      for (String s : Retention.statements(Retention.DATABASE)) {
        client.query(new Query(s, Retention.DATABASE));
      }
      client.write(
          Retention.DATABASE,
          Retention.TRENDS,
          InfluxDB.ConsistencyLevel.ONE,
          TimeUnit.MILLISECONDS,
          lines);
    }
  }

  /** A unit's final rollup of the date as the jobs write it, its figures from the truth. */
  static String line(GroundTruth truth, LocalDate date, GroundTruth.Daily d) {
    DailyRollup r = new DailyRollup();
    r.unitId = d.unitId();
    r.region =
        city.units().stream()
            .filter(u -> u.unitId().equals(d.unitId()))
            .findFirst()
            .orElseThrow()
            .region()
            .id();
    r.date = date.toString();
    r.dayStartMs = truth.presence(d.unitId()).dayStartMs();
    r.attendanceRate = d.attendanceRate();
    r.attendanceExpected = d.attendanceExpected();
    r.attendanceReported = d.attendanceReported();
    r.wfhCompliance = d.wfhCompliance();
    r.wfhExpected = d.wfhExpected();
    r.wfhReported = d.wfhReported();
    r.peakPresent = d.peakPresent();
    r.meanPresent = d.meanPresent();
    r.minutesOverCap = d.minutesOverCap();
    r.breaches = d.breaches();
    r.provisional = false;
    return DailyLines.encode(r);
  }

  @AfterAll
  static void stop() throws Exception {
    if (dashboard != null) dashboard.close();
    if (influx != null) influx.close();
    try (var files = Files.walk(dir)) {
      for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  /** What the report should say of one region and set of dates, from the ground truth alone. */
  record Expected(
      long attExpected, long attDone, long wfhExpected, long wfhDone, long breaches, long minutes) {
    Double attendance() {
      return attExpected == 0 ? null : attDone / (double) attExpected;
    }

    Double wfh() {
      return wfhExpected == 0 ? null : wfhDone / (double) wfhExpected;
    }
  }

  static Expected expected(String region, List<LocalDate> dates, String unit) {
    long ae = 0, ad = 0, we = 0, wd = 0, breaches = 0, minutes = 0;
    for (LocalDate d : dates) {
      GroundTruth t = TRUTH.get(d);
      for (GroundTruth.Count c : t.counts()) {
        if (!inRegion(c.unitId(), region) || (unit != null && !unit.equals(c.unitId()))) continue;
        if (c.window().equals("ATTENDANCE")) {
          ae += c.expected();
          ad += c.onTime() + c.late();
        } else {
          we += c.expected();
          wd += c.onTime() + c.late();
        }
      }
      for (GroundTruth.Breach b : t.breaches()) if (inRegion(b.unitId(), region)) breaches++;
      // the rollups' minutes, as the trends give them: whole minutes per unit and day
      for (var daily : t.daily().values()) {
        if (inRegion(daily.unitId(), region)) minutes += Math.round(daily.minutesOverCap());
      }
    }
    return new Expected(ae, ad, we, wd, breaches, minutes);
  }

  static boolean inRegion(String unitId, String region) {
    return city.units().stream()
        .anyMatch(u -> u.unitId().equals(unitId) && u.region().id().equals(region));
  }

  static List<LocalDate> datesOf(IsoWeek w) {
    List<LocalDate> out = new ArrayList<>();
    for (LocalDate d = w.monday(); !d.isAfter(w.sunday()); d = d.plusDays(1)) out.add(d);
    return out;
  }

  /** The report's CSV rows by their "row" cell (days by date), each cell by column. */
  static Map<String, Map<String, String>> report(String region) throws Exception {
    HttpResponse<String> r =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create(
                            dashboard.url()
                                + "/reports/weekly?format=csv&region="
                                + region
                                + "&week="
                                + week))
                    .header("Authorization", "Bearer " + TOKEN)
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    String[] lines = r.body().split("\r\n");
    List<String> header = Arrays.asList(lines[0].split(",", -1));
    Map<String, Map<String, String>> rows = new HashMap<>();
    for (int i = 1; i < lines.length; i++) {
      String[] cells = lines[i].split(",", -1);
      Map<String, String> row = new HashMap<>();
      for (int c = 0; c < header.size(); c++) row.put(header.get(c), cells[c]);
      String kind = row.get("row");
      rows.put(kind.equals("day") ? row.get("date") : kind, row);
    }
    return rows;
  }

  static void assertFigures(Map<String, String> row, Expected e, String what) {
    assertRate(row.get("attendanceRate"), e.attendance(), what + " attendance");
    assertRate(row.get("wfhCompliance"), e.wfh(), what + " WFH compliance");
    assertThat(row.get("attendanceExpected")).as(what).isEqualTo(String.valueOf(e.attExpected()));
    assertThat(row.get("breaches")).as(what + " breaches").isEqualTo(String.valueOf(e.breaches()));
    assertThat(row.get("minutesOverCap"))
        .as(what + " minutes")
        .isEqualTo(String.valueOf(e.minutes()));
  }

  static void assertRate(String cell, Double expected, String what) {
    if (expected == null) {
      assertThat(cell).as(what).isEmpty();
    } else {
      assertThat(Double.parseDouble(cell)).as(what).isCloseTo(expected, within(1e-12));
    }
  }

  @Test
  void eachRegionsWeekMatchesTheGroundTruth() throws Exception {
    long breachesSeen = 0;
    for (CityRegion region : city.regions()) {
      Map<String, Map<String, String>> rows = report(region.id());
      Expected now = expected(region.id(), datesOf(week), null);
      Expected before = expected(region.id(), datesOf(week.previous()), null);
      assertFigures(rows.get("week"), now, region.id() + " " + week);
      assertFigures(rows.get("previous_week"), before, region.id() + " " + week.previous());
      Map<String, String> change = rows.get("change");
      assertRate(change.get("attendanceRate"), now.attendance() - before.attendance(), "change");
      assertThat(change.get("breaches"))
          .isEqualTo(String.valueOf(now.breaches() - before.breaches()));
      assertThat(change.get("minutesOverCap"))
          .isEqualTo(String.valueOf(now.minutes() - before.minutes()));
      for (LocalDate d : datesOf(week)) {
        assertFigures(
            rows.get(d.toString()), expected(region.id(), List.of(d), null), region.id() + " " + d);
      }
      breachesSeen += now.breaches();
    }
    assertThat(breachesSeen).as("the simulated week has breaches to count").isPositive();
  }

  @Test
  void theBestAndWorstUnitsAreThoseOfTheGroundTruth() throws Exception {
    for (CityRegion region : city.regions()) {
      Map<String, Map<String, String>> rows = report(region.id());
      List<String> units = new ArrayList<>();
      city.units().stream()
          .filter(u -> u.region().id().equals(region.id()))
          .forEach(u -> units.add(u.unitId()));
      String best = null, worst = null;
      Expected bestE = null, worstE = null;
      for (String unit : units.stream().sorted().toList()) {
        Expected e = expected(region.id(), datesOf(week), unit);
        if (e.attExpected() == 0) continue;
        if (best == null || better(e, bestE)) {
          best = unit;
          bestE = e;
        }
        if (worst == null || worse(e, worstE)) {
          worst = unit;
          worstE = e;
        }
      }
      assertThat(rows.get("best_unit").get("unit")).as(region.id() + " best").isEqualTo(best);
      assertThat(rows.get("worst_unit").get("unit")).as(region.id() + " worst").isEqualTo(worst);
    }
  }

  /**
   * Whether a's attendance beats b's: a higher rate, or the same rate with more staff expected.
   * Units are visited in ID order and replace only when strictly better, so a full tie keeps the
   * lower ID.
   */
  static boolean better(Expected a, Expected b) {
    long lhs = a.attDone() * b.attExpected();
    long rhs = b.attDone() * a.attExpected();
    return lhs > rhs || (lhs == rhs && a.attExpected() > b.attExpected());
  }

  /** Whether a's attendance is below b's, or the same with more staff expected (more affected). */
  static boolean worse(Expected a, Expected b) {
    long lhs = a.attDone() * b.attExpected();
    long rhs = b.attDone() * a.attExpected();
    return lhs < rhs || (lhs == rhs && a.attExpected() > b.attExpected());
  }
}
