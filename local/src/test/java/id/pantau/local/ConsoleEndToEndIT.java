package id.pantau.local;

import static id.pantau.api.Board.assertRowShows;
import static id.pantau.api.Board.row;
import static id.pantau.api.Board.text;
import static id.pantau.local.EndToEndIT.await;
import static id.pantau.local.EndToEndIT.checkIn;
import static id.pantau.local.EndToEndIT.ok;
import static id.pantau.local.EndToEndIT.send;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import id.pantau.api.HookFixtures;
import id.pantau.api.Receiver;
import id.pantau.daily.DailyLines;
import id.pantau.daily.DailyRollup;
import id.pantau.events.Alert;
import id.pantau.events.Json;
import id.pantau.events.Topics;
import id.pantau.infra.Browser;
import id.pantau.kafka.TopicFollower;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.WebElement;

/**
 * The operations console's done-when, on the stack `./pantau demo --no-sim` runs (real Kafka,
 * influxd, the jobs on a MiniCluster, ingest, dashboard-api) in a real headless Chromium, opened
 * with the links the demo prints: units registered through ingest show on the board with the API's
 * numbers; check-ins over a unit's cap, posted through ingest, open an OVER_CAP breach in the jobs
 * whose alert reaches the ticker and turns the row red within 5 s of being on the alerts topic, and
 * a webhook gets it once, signed; a unit head sees only its unit; a leader opens the weekly report.
 */
class ConsoleEndToEndIT {
  static final String REGION = "kota-tangerang";
  static final String HEAD_UNIT = "tng-disdukcapil"; // the demo's unit-head token names it
  static final String BREACHED = "tng-damkar";

  /** Unit → headcount; the policy's 30 % makes the caps 3, 3 and 6. */
  static final Map<String, Integer> UNITS =
      new TreeMap<>(Map.of(HEAD_UNIT, 10, BREACHED, 10, "tng-bapenda", 20));

  static final Duration FIVE_SECONDS = Duration.ofSeconds(5);
  @TempDir static Path dir;

  @Test
  void aBreachPostedThroughIngestReachesTheConsoleAndTheWebhookAndEachRoleSeesItsOwn()
      throws Exception {
    long began = System.nanoTime();
    CompletableFuture<Alert> opened = new CompletableFuture<>();
    try (Demo demo = new Demo(new DemoOptions(false, dir, false));
        Receiver receiver = Receiver.answering(HookFixtures.SECRET)) {
      demo.start();
      String admin = demo.tokens.token("bkd-admin");
      ZoneId zone = EndToEndIT.zoneAwayFromMidnight();
      ZonedDateTime now = ZonedDateTime.now(zone).truncatedTo(ChronoUnit.SECONDS);
      registerUnitsWithAFiveSecondDwell(demo, admin, zone, now);

      // Under every cap first: a fifth of each unit's staff present, one in the unit to breach.
      List<String> lines = new ArrayList<>();
      for (var u : UNITS.entrySet()) {
        int present = u.getKey().equals(BREACHED) ? 1 : u.getValue() / 5;
        for (int i = 0; i < present; i++) lines.add(checkIn(u.getKey(), i, now));
      }
      postEvents(demo, lines);
      for (var u : UNITS.entrySet()) {
        int cap = u.getValue() * 30 / 100;
        await(
            u.getKey() + " with the policy's cap " + cap + " in /api/v1/occupancy",
            () -> {
              JsonNode row = unit(occupancy(demo, admin), u.getKey());
              return row != null && row.path("cap").asInt(-1) == cap ? row : null;
            });
      }

      HttpResponse<String> hook =
          await(
              "the hooks loaded (no 503)",
              () -> {
                HttpResponse<String> r =
                    HookFixtures.put(
                        demo.apiUrl, "bkd-caps", admin, HookFixtures.hook(receiver.url()));
                return r.statusCode() == 503 ? null : r;
              });
      assertThat(hook.statusCode()).as(hook.body()).isEqualTo(201);

      try (TopicFollower alerts = followOverCapOpened(demo, opened);
          Browser b = Browser.start()) {
        JsonNode api = openBoard(b, demo.consoleLink("bkd-admin"), occupancy(demo, admin));
        assertThat(api.get("units")).hasSize(UNITS.size());
        for (JsonNode u : api.get("units")) assertRowShows(b, u);
        b.await(d -> text(b, "#ticker-state").equals("Tersambung"));
        assertThat(b.find(row(BREACHED)).getAttribute("data-status")).isEqualTo("OK");

        // Four more staff of a unit whose cap is 3: 5 present, held over the 5 s dwell.
        List<String> crowd = new ArrayList<>();
        for (int i = 1; i <= 4; i++) crowd.add(checkIn(BREACHED, i, now.plusSeconds(1)));
        postEvents(demo, crowd);
        Alert alert = opened.get(90, TimeUnit.SECONDS);
        long onTopic = System.nanoTime();
        assertThat(alert.present).isEqualTo(5);
        assertThat(alert.limit).isEqualTo(3);

        b.await(
            FIVE_SECONDS,
            d ->
                !b.findAll("#ticker li[data-unit='" + BREACHED + "'][data-kind=OVER_CAP]").isEmpty()
                    && "OVER_CAP".equals(b.find(row(BREACHED)).getAttribute("data-status")));
        double reacted = (System.nanoTime() - onTopic) / 1e9;
        System.out.printf(
            "console end-to-end: ticker and red row %.1f s after the topic%n", reacted);
        assertThat(reacted).isLessThanOrEqualTo(5.0);
        WebElement tr = b.find(row(BREACHED));
        assertThat(tr.getCssValue("background-color")).isEqualTo("rgba(255, 218, 214, 1)");
        assertThat(text(b, row(BREACHED) + " .status")).isEqualTo("Lewat batas");
        assertThat(text(b, "#ticker li[data-unit='" + BREACHED + "']"))
            .contains("Lewat batas", "5");

        String key = alert.alertId + ":" + Alert.OPEN;
        assertThat(receiver.awaitBodyWith(alert.alertId, EndToEndIT.DEADLINE))
            .as("the webhook got the alert")
            .isNotEmpty();
        theUnitHeadSeesOnlyItsUnit(demo);
        aLeaderOpensTheWeeklyReport(demo);

        // By now a second delivery of the alert would have come.
        List<Receiver.Request> got =
            receiver.requests().stream().filter(r -> key.equals(r.idempotencyKey())).toList();
        assertThat(got).as("deliveries of " + key).hasSize(1);
        assertThat(got.get(0).signatureValid()).as("HMAC over timestamp:body").isTrue();
        assertThat(got.get(0).timestamp()).isNotBlank();
        JsonNode body = Json.MAPPER.readTree(got.get(0).body());
        assertThat(body.path("kind").asText()).isEqualTo("OVER_CAP");
        assertThat(body.path("unitId").asText()).isEqualTo(BREACHED);
      }
    }
    System.out.printf(
        "console end-to-end: %.0f s with the stack%n", (System.nanoTime() - began) / 1e9);
  }

  /** Units, their region's zone level and a policy: 30 % cap at LOW, a 5 s breach dwell. */
  static void registerUnitsWithAFiveSecondDwell(
      Demo demo, String admin, ZoneId zone, ZonedDateTime now) throws Exception {
    for (var u : UNITS.entrySet()) {
      ok(
          EndToEndIT.put(
              demo.ingestUrl,
              "/v1/units/" + u.getKey(),
              admin,
              """
              {"name":"%s","region":"%s","timeZone":"%s","headcount":%d}"""
                  .formatted(u.getKey(), REGION, zone.getId(), u.getValue())));
    }
    String yesterday = now.toLocalDate().minusDays(1).atStartOfDay(zone).toOffsetDateTime() + "";
    ok(
        EndToEndIT.put(
            demo.ingestUrl,
            "/v1/zones/" + REGION,
            admin,
            """
            {"level":"LOW","effectiveFrom":"%s"}"""
                .formatted(yesterday)));
    ok(
        EndToEndIT.put(
            demo.ingestUrl,
            "/v1/policies/" + REGION,
            admin,
            """
            {"effectiveFrom":"%s","capPercent":{"LOW":30},"breachDwellS":5}"""
                .formatted(yesterday)));
  }

  /** Completes {@code opened} with the first OVER_CAP OPEN alert of the breached unit. */
  static TopicFollower followOverCapOpened(Demo demo, CompletableFuture<Alert> opened) {
    return TopicFollower.of(demo.kafkaBootstrap, Topics.ALERTS)
        .clientId("console-e2e-alerts")
        .onRecord(
            rec -> {
              Alert a = read(rec.value());
              if (BREACHED.equals(a.unitId)
                  && "OVER_CAP".equals(a.kind)
                  && Alert.OPEN.equals(a.phase)) {
                opened.complete(a);
              }
            })
        .start();
  }

  static Alert read(byte[] json) {
    try {
      return Json.MAPPER.readValue(json, Alert.class);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void theUnitHeadSeesOnlyItsUnit(Demo demo) throws Exception {
    try (Browser b = Browser.start()) {
      String head = demo.tokens.token("unit-head");
      JsonNode api = openBoard(b, demo.consoleLink("unit-head"), occupancy(demo, head));
      assertThat(b.findAll("#units tbody tr"))
          .extracting(tr -> tr.getAttribute("data-unit"))
          .containsExactly(HEAD_UNIT);
      assertRowShows(b, api.get("units").get(0));
    }
  }

  /**
   * The report reads the daily rollups, which the jobs write at quarter hours and local midnights:
   * last week's are written here as the jobs write them (90 % attendance each day).
   */
  static void aLeaderOpensTheWeeklyReport(Demo demo) throws Exception {
    writeRollupsOfTheLastNineDays(demo);
    try (Browser b = Browser.start()) {
      String leader = demo.tokens.token("leadership");
      openBoard(b, demo.consoleLink("leadership"), occupancy(demo, leader));
      String report = demo.apiUrl + "/reports/weekly?region=" + REGION;
      // Asked from the board (the report's own policy lets no script fetch), with the session.
      Object answer =
          b.driver()
              .executeAsyncScript(
                  "const done = arguments[1];"
                      + "fetch(arguments[0], {credentials: 'same-origin'})"
                      + ".then(r => done(r.status + ' ' + r.headers.get('Content-Type')))",
                  report);
      assertThat((String) answer).startsWith("200 text/html");
      b.open(report);
      b.await(d -> !b.findAll("[data-figure=attendance]").isEmpty());
      assertThat(text(b, "h1")).isEqualTo("Laporan Mingguan Pimpinan");
      assertThat(text(b, "[data-figure=attendance]")).startsWith("90,0");
    }
  }

  static void writeRollupsOfTheLastNineDays(Demo demo) {
    ZoneId wib = ZoneId.of("Asia/Jakarta");
    LocalDate today = LocalDate.now(wib);
    List<String> lines = new ArrayList<>();
    // Through today: the week the report picks is the last one ended, also after midnight.
    for (LocalDate d = today.minusDays(8); !d.isAfter(today); d = d.plusDays(1)) {
      DailyRollup r = new DailyRollup();
      r.unitId = "tng-bapenda";
      r.region = REGION;
      r.date = d.toString();
      r.dayStartMs = d.atStartOfDay(wib).toInstant().toEpochMilli();
      r.attendanceExpected = 20;
      r.attendanceReported = 18;
      r.attendanceRate = 0.9;
      lines.add(DailyLines.encode(r));
    }
    WeeklyReportTruthIT.writeRollups(demo.influxUrl, lines);
  }

  /** Opens the console link, waits until the board shows every unit of the API's answer. */
  static JsonNode openBoard(Browser b, String link, JsonNode api) {
    b.open(link);
    int n = api.get("units").size();
    b.await(d -> b.findAll("#units tbody tr").size() == n);
    return api;
  }

  /** A check-in of the unit's staff member {@code i} (a NIP per unit and i). */
  static String checkIn(String unit, int i, ZonedDateTime at) {
    int u = new ArrayList<>(UNITS.keySet()).indexOf(unit);
    String nip = "1990010120150%d1%03d".formatted(u, i);
    return EndToEndIT.checkIn(unit + "-" + i + "-" + at.toEpochSecond(), nip, unit, at);
  }

  static void postEvents(Demo demo, List<String> lines) throws Exception {
    HttpResponse<String> r =
        send(
            HttpRequest.newBuilder(URI.create(demo.ingestUrl + "/v1/events"))
                .header("Content-Type", "application/x-ndjson")
                .POST(HttpRequest.BodyPublishers.ofString(String.join("\n", lines) + "\n")));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
    assertThat(Json.MAPPER.readTree(r.body()).path("accepted").asInt()).isEqualTo(lines.size());
  }

  static JsonNode occupancy(Demo demo, String token) throws Exception {
    HttpResponse<String> r =
        send(
            HttpRequest.newBuilder(URI.create(demo.apiUrl + "/api/v1/occupancy"))
                .header("Authorization", "Bearer " + token)
                .GET());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return Json.MAPPER.readTree(r.body());
  }

  static JsonNode unit(JsonNode occupancy, String unit) {
    for (JsonNode u : occupancy.path("units")) if (unit.equals(u.path("unit").asText())) return u;
    return null;
  }
}
