package id.pantau.api;

import static id.pantau.api.Board.assertRowShows;
import static id.pantau.api.Board.row;
import static id.pantau.api.Board.text;
import static id.pantau.api.LiveDashboard.BKD_PROVINCE;
import static id.pantau.api.LiveDashboard.BKD_TANGERANG;
import static id.pantau.api.LiveDashboard.DAMKAR_HEAD;
import static id.pantau.api.LiveDashboard.LEADER;
import static id.pantau.api.LiveDashboard.OPERATOR;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import id.pantau.events.Alert;
import id.pantau.events.Json;
import id.pantau.events.Topics;
import id.pantau.infra.Browser;
import id.pantau.infra.Poll;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The operations console in a real Chromium against a dashboard over a real influxd (occupancy,
 * breaches, compliance, written as the jobs write them) and a real Kafka (alerts, check-in
 * results): the board's numbers, the live ticker, what each role sees, 360 px, the keyboard.
 */
class ConsoleIT {
  static final String TANGERANG = "kota-tangerang";
  static final String SERANG = "kota-serang";
  static final String MAKASSAR = "kota-makassar";

  /** A unit in WITA (UTC+8), registered on the units topic as ingest registers units. */
  static final String WITA_UNIT = "mks-bkpsdm";

  static final ZoneId WITA = ZoneId.of("Asia/Makassar");
  static final String MISSING_NIP = "199202022020012003";
  static final Duration FIVE_SECONDS = Duration.ofSeconds(5);

  @RegisterExtension static final LiveDashboard app = LiveDashboard.overInfluxAndKafka();

  @BeforeAll
  static void writeTheDay() throws Exception {
    Instant now = Instant.now();
    Instant earlier = now.minus(Duration.ofMinutes(40));
    Instant latest = now.minus(Duration.ofMinutes(2));
    List<org.influxdb.dto.Point> points = new ArrayList<>();
    for (Instant at : List.of(earlier, latest)) {
      boolean last = at == latest;
      points.add(
          OccupancyApiTest.point("tng-disdukcapil", TANGERANG, at, last ? 25 : 15, 40, 20, 5));
      points.add(OccupancyApiTest.point("tng-damkar", TANGERANG, at, last ? 4 : 12, 30, 22, 10));
      points.add(OccupancyApiTest.point("tng-dinkes", TANGERANG, at, 10, 40, 20, 5));
      points.add(OccupancyApiTest.point("srg-bkpsdm", SERANG, at, last ? 21 : 20, 50, null, null));
      points.add(OccupancyApiTest.point("srg-dishub", SERANG, at, 12, 30, 15, 3));
      points.add(OccupancyApiTest.point(WITA_UNIT, MAKASSAR, at, 9, 30, 15, 3));
    }
    points.add(
        BreachesApiTest.breach(
            WITA_UNIT, MAKASSAR, "OVER_CAP", lastHalfPastMidnightUtc(now), 15, 18, false, 1800));
    points.add(
        BreachesApiTest.breach(
            "tng-disdukcapil",
            TANGERANG,
            "OVER_CAP",
            now.minus(Duration.ofMinutes(30)),
            20,
            25,
            true,
            0));
    points.add(
        BreachesApiTest.breach(
            "tng-damkar",
            TANGERANG,
            "UNDER_FLOOR",
            now.minus(Duration.ofDays(2)),
            10,
            4,
            false,
            600));
    LocalDate today = LocalDate.now(ZoneId.of("Asia/Jakarta"));
    points.add(
        ComplianceApiTest.point(
            "tng-damkar",
            TANGERANG,
            "ATTENDANCE",
            today,
            "07:30",
            ZoneOffset.ofHours(7),
            30,
            26,
            2,
            2));
    app.write(points);

    Map<String, Object> missed =
        FollowUpsApiTest.result(
            "tng-damkar", MISSING_NIP, today, "ATTENDANCE", "MISSED", null, null);
    app.produce(Topics.CHECKINS, MISSING_NIP + "@" + today + "@ATTENDANCE", Json.bytes(missed));
    app.produce(
        Topics.UNITS, WITA_UNIT, Json.bytes(UnitZonesApiTest.unit(WITA_UNIT, MAKASSAR, WITA)));
  }

  /** The latest 00:30 UTC before now: 08:30 WITA of today or yesterday there. */
  static Instant lastHalfPastMidnightUtc(Instant now) {
    Instant t = now.atZone(ZoneOffset.UTC).toLocalDate().atTime(0, 30).toInstant(ZoneOffset.UTC);
    return t.isBefore(now) ? t : t.minus(Duration.ofDays(1));
  }

  static JsonNode unit(JsonNode api, String unit) {
    for (JsonNode u : api.get("units")) if (u.get("unit").asText().equals(unit)) return u;
    throw new AssertionError(unit + ": not in the API's answer");
  }

  /** How bad a unit is, as one number: its status's rank, then how far past its limit. */
  static double badness(JsonNode u) {
    int present = u.get("present").asInt();
    return switch (u.get("status").asText()) {
      case "OVER_CAP" ->
          2 + Math.min(0.99, (present - u.get("cap").asDouble()) / u.get("cap").asDouble());
      case "UNDER_FLOOR" ->
          1 + Math.min(0.99, (u.get("floor").asDouble() - present) / u.get("floor").asDouble());
      default -> u.get("share").asDouble() * 0.99;
    };
  }

  /** Signs in on the board and waits until it shows as many rows as the API gives the caller. */
  static JsonNode openBoard(Browser b, String token) {
    JsonNode api = Http.json(app.get("/api/v1/occupancy", token));
    b.signIn(app.url() + "/", token);
    int n = api.get("units").size();
    b.await(d -> b.findAll("#units tbody tr").size() == n);
    return api;
  }

  @Test
  void theBoardShowsTheApiNumbersOfEveryUnitWorstFirstWithTheTotals() throws Exception {
    try (Browser b = Browser.start()) {
      JsonNode api = openBoard(b, BKD_PROVINCE);

      assertThat(api.get("units").size()).isEqualTo(6);
      int present = 0;
      for (JsonNode u : api.get("units")) {
        assertRowShows(b, u);
        present += u.get("present").asInt();
      }
      // Worst first: over cap, then under floor, then OK; within a status, furthest past its limit.
      List<Double> badness = new ArrayList<>();
      for (WebElement tr : b.findAll("#units tbody tr")) {
        JsonNode u = unit(api, tr.getAttribute("data-unit"));
        badness.add(badness(u));
      }
      assertThat(badness).isSortedAccordingTo(Comparator.reverseOrder());
      assertThat(text(b, "#regions tfoot td:nth-of-type(2)")).isEqualTo(Integer.toString(present));
      assertThat(b.findAll("#regions tbody tr")).hasSize(3);
      b.await(d -> !b.findAll("#units tbody tr td.spark svg polyline").isEmpty());
    }
  }

  @Test
  void aBreachReachesTheTickerAndTurnsItsRowRedWithinFiveSeconds() throws Exception {
    // The feed reads the topic before the page subscribes: an alert from now on reaches it.
    try (EventStream probe = EventStream.open(app.url() + "/api/v1/alerts/stream", OPERATOR);
        Browser b = Browser.start()) {
      assertThat(probe.awaitComment(AlertFeed.LIVE, Browser.DEADLINE)).isTrue();
      openBoard(b, BKD_TANGERANG);
      b.await(d -> text(b, "#ticker-state").equals("Tersambung"));
      assertThat(b.find(row("tng-dinkes")).getAttribute("data-status")).isEqualTo("OK");

      app.write(
          List.of(OccupancyApiTest.point("tng-dinkes", TANGERANG, Instant.now(), 26, 40, 20, 5)));
      Alert alert = AlertStreamTest.overCap("tng-dinkes");
      alert.present = 26;
      alert.startedAt = Instant.now().toString();
      app.produce(Topics.ALERTS, "tng-dinkes", Json.bytes(alert));

      b.await(
          FIVE_SECONDS,
          d ->
              !b.findAll("#ticker li[data-unit='tng-dinkes'][data-kind=OVER_CAP]").isEmpty()
                  && "OVER_CAP".equals(b.find(row("tng-dinkes")).getAttribute("data-status")));
      WebElement tr = b.find(row("tng-dinkes"));
      assertThat(tr.getCssValue("background-color")).isEqualTo("rgba(255, 218, 214, 1)");
      assertThat(tr.findElement(By.cssSelector(".status")).getText()).isEqualTo("Lewat batas");
      assertThat(text(b, "#ticker li[data-unit='tng-dinkes']")).contains("Lewat batas", "26");
    }
  }

  @Test
  void aWitaUnitsChartAndTablesShowWitaTimesAndItsTodayStartsAtMidnightWita() throws Exception {
    // The book reads the unit's registration from Kafka as it starts: wait until the API knows.
    assertThat(
            Poll.until(
                Browser.DEADLINE,
                () ->
                    Http.json(app.get("/api/v1/units/" + WITA_UNIT + "/occupancy", BKD_PROVINCE))
                        .get("zone")
                        .asText()
                        .equals("Asia/Makassar")))
        .isTrue();
    try (Browser b = Browser.start()) {
      openBoard(b, BKD_PROVINCE);
      assertThat(b.find(row(WITA_UNIT)).getAttribute("data-zone")).isEqualTo("Asia/Makassar");
      assertThat(text(b, row(WITA_UNIT) + " th .sub")).isEqualTo(MAKASSAR + " · WITA");
      assertThat(text(b, row("tng-damkar") + " th .sub")).isEqualTo(TANGERANG + " · WIB");

      b.open(app.url() + "/units/" + WITA_UNIT);
      String breach = "#breaches tbody tr[data-kind=OVER_CAP]";
      b.await(d -> !b.findAll(breach).isEmpty());
      // Started 00:30 UTC, closed 30 minutes later: 08:30 and 09:00 in Makassar.
      assertThat(text(b, breach + " td:nth-of-type(1)")).endsWith(" 08:30 WITA");
      assertThat(text(b, breach + " td:nth-of-type(2)")).endsWith(" 09:00 WITA");
      assertThat(b.find("#chart").getAttribute("data-from"))
          .isEqualTo(LocalDate.now(WITA) + "T00:00:00+08:00");
      assertThat(text(b, "#unit-region")).isEqualTo(MAKASSAR + " · WITA");
      assertThat(text(b, "#chart-zone")).contains("WITA").doesNotContain("WIB");
    }
  }

  @Test
  void aUnitHeadSeesOnlyItsUnitAndIsToldWhyAnotherUnitsPageIsClosed() throws Exception {
    try (Browser b = Browser.start()) {
      openBoard(b, DAMKAR_HEAD);
      assertThat(b.findAll("#units tbody tr"))
          .extracting(tr -> tr.getAttribute("data-unit"))
          .containsExactly("tng-damkar");

      b.open(app.url() + "/units/tng-disdukcapil");
      b.await(d -> !text(b, "#denied").isEmpty());
      assertThat(text(b, "#denied")).startsWith("Anda tidak berhak melihat unit ini");
      assertThat(b.find("#app").isDisplayed()).isFalse();
      assertThat(app.get("/api/v1/units/tng-disdukcapil/occupancy", DAMKAR_HEAD).statusCode())
          .isEqualTo(403);
    }
  }

  @Test
  void aLeaderSeesTheUnitPageButNoFollowUpList() throws Exception {
    try (Browser b = Browser.start()) {
      b.signIn(app.url() + "/units/tng-damkar", LEADER);
      b.await(d -> !text(b, "#followups-denied").isEmpty());
      assertThat(text(b, "#followups-denied")).isEqualTo("Tidak tersedia untuk peran Anda.");
      assertThat(b.find("#followups").isDisplayed()).isFalse();
      assertThat(b.find("#followups-csv").isDisplayed()).isFalse();
      assertThat(b.findAll(".chart canvas")).isNotEmpty();
      b.await(d -> !b.findAll("#breaches tbody tr[data-kind=UNDER_FLOOR]").isEmpty());
      b.await(d -> !b.findAll("#compliance tbody tr[data-window=ATTENDANCE]").isEmpty());
    }
  }

  @Test
  void aBkdAdminSeesTheFollowUpsAndDownloadsEveryTableAsCsvWithItsSession() throws Exception {
    try (Browser b = Browser.start()) {
      b.signIn(app.url() + "/units/tng-damkar", BKD_TANGERANG);
      b.await(d -> !b.findAll("#followups tbody tr[data-nip='" + MISSING_NIP + "']").isEmpty());
      assertThat(text(b, "#followups tbody tr[data-nip='" + MISSING_NIP + "']"))
          .contains("ATTENDANCE: tidak ada");
      b.await(d -> !b.findAll("#compliance tbody tr[data-window=ATTENDANCE]").isEmpty());
      assertThat(text(b, "#compliance tbody tr[data-window=ATTENDANCE]"))
          .startsWith("ATTENDANCE 30 26 2 2");

      Map<String, String> headers =
          Map.of(
              "#breaches-csv", "unit,region,kind,",
              "#compliance-csv", "unit,region,window,",
              "#followups-csv", "unit,date,nip,");
      for (var e : headers.entrySet()) {
        String href = b.find(e.getKey()).getAttribute("href");
        assertThat(href).as(e.getKey()).contains("format=csv");
        Object answer =
            b.driver()
                .executeAsyncScript(
                    "const done = arguments[1];"
                        + "fetch(arguments[0], {credentials: 'same-origin'})"
                        + ".then(r => r.text().then(t => done(r.status + ' ' + t)))",
                    href);
        assertThat((String) answer).as(e.getKey()).startsWith("200 " + e.getValue());
      }
    }
  }

  @Test
  void theBoardAndTheUnitPageFitA360PixelWideScreen() throws Exception {
    try (Browser b = Browser.phone(360)) {
      openBoard(b, BKD_PROVINCE);
      assertThat(((Number) b.script("return window.innerWidth")).intValue()).isEqualTo(360);
      assertThat(((Number) b.script("return document.documentElement.scrollWidth")).intValue())
          .isLessThanOrEqualTo(360);

      b.open(app.url() + "/units/tng-damkar");
      b.await(d -> !b.findAll("#followups tbody tr").isEmpty());
      assertThat(((Number) b.script("return document.documentElement.scrollWidth")).intValue())
          .isLessThanOrEqualTo(360);
    }
  }

  @Test
  void theFiltersAndEveryRowAreReachableWithTheTabKey() throws Exception {
    try (Browser b = Browser.start()) {
      JsonNode api = openBoard(b, BKD_PROVINCE);
      List<String> reached = new ArrayList<>();
      WebElement body = b.find("body");
      body.click();
      for (int i = 0; i < 60; i++) {
        b.driver().switchTo().activeElement().sendKeys(Keys.TAB);
        WebElement focused = b.driver().switchTo().activeElement();
        String id = focused.getAttribute("id");
        reached.add(id != null && !id.isEmpty() ? id : focused.getAttribute("href"));
      }
      assertThat(reached).contains("f-region", "f-status");
      for (JsonNode u : api.get("units")) {
        assertThat(reached).contains(app.url() + "/units/" + u.get("unit").asText());
      }
      assertThat(b.script("return getComputedStyle(document.activeElement).outlineStyle"))
          .as("focus is visible")
          .isNotEqualTo("none");

      long over = 0;
      for (JsonNode u : api.get("units")) if (u.get("status").asText().equals("OVER_CAP")) over++;
      new Select(b.find("#f-status")).selectByValue("OVER_CAP");
      long expected = over;
      b.await(d -> b.findAll("#units tbody tr").size() == expected);
      assertThat(b.findAll("#units tbody tr"))
          .extracting(tr -> tr.getAttribute("data-status"))
          .containsOnly("OVER_CAP");
    }
  }

  @Test
  void theTokenLeavesTheAddressAndSigningOutAsksForItAgain() throws Exception {
    try (Browser b = Browser.start()) {
      openBoard(b, BKD_TANGERANG);
      assertThat(b.driver().getCurrentUrl()).doesNotContain("token").doesNotContain(BKD_TANGERANG);
      assertThat(b.script("return JSON.stringify(localStorage)").toString())
          .doesNotContain(BKD_TANGERANG);

      b.find("#signout").click();
      b.await(d -> b.find("#signin").isDisplayed());
      Object status =
          b.driver()
              .executeAsyncScript(
                  "const done = arguments[0];"
                      + " fetch('/api/v1/session').then(r => done(r.status))");
      assertThat(((Number) status).intValue()).isEqualTo(401);

      b.find("#token").sendKeys(BKD_TANGERANG, Keys.ENTER);
      b.await(d -> !b.findAll(row("tng-dinkes")).isEmpty());
      b.find("#lang").click();
      assertThat(text(b, "header h1")).isEqualTo("Pantau · Live board");
    }
  }
}
