package id.pantau.api;

import static id.pantau.api.LiveDashboard.BKD_PROVINCE;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import id.pantau.events.Json;
import id.pantau.events.Topics;
import id.pantau.events.Unit;
import id.pantau.infra.Poll;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.influxdb.dto.Point;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Each unit's answers carry its own time zone: the zone of its registration on the units topic,
 * else of its check-in records, else of a unit of its region, else Asia/Jakarta.
 */
class UnitZonesApiTest {
  static final String MAKASSAR = "kota-makassar";
  static final String JAYAPURA = "kota-jayapura";
  static final ZoneId WITA = ZoneId.of("Asia/Makassar");
  static final String NIP = "199303032020011004";

  @RegisterExtension static final LiveDashboard app = LiveDashboard.overInfluxAndKafka();

  static LocalDate today;

  @BeforeAll
  static void registerTheUnitsAndWriteTheirDay() throws Exception {
    today = LocalDate.now(WITA);
    app.produce(Topics.UNITS, "mks-bkpsdm", Json.bytes(unit("mks-bkpsdm", MAKASSAR, WITA)));
    // jyp-dinkes is not registered: only its check-in records name its zone.
    Map<String, Object> result =
        FollowUpsApiTest.result("jyp-dinkes", NIP, today, "ATTENDANCE", "ON_TIME", null, 7);
    result.put("region", JAYAPURA);
    result.put("timeZone", "Asia/Jayapura");
    app.produce(Topics.CHECKINS, NIP + "@" + today + "@ATTENDANCE", Json.bytes(result));

    Instant now = Instant.now();
    List<Point> points = new ArrayList<>();
    for (String[] u :
        new String[][] {
          {"mks-bkpsdm", MAKASSAR},
          {"mks-dishub", MAKASSAR},
          {"jyp-dinkes", JAYAPURA},
          {"tng-dinkes", "kota-tangerang"}
        }) {
      points.add(OccupancyApiTest.point(u[0], u[1], now.minusSeconds(60), 12, 40, 20, 5));
    }
    points.add(
        BreachesApiTest.breach(
            "mks-bkpsdm", MAKASSAR, "OVER_CAP", now.minus(Duration.ofHours(1)), 20, 25, true, 0));
    points.add(
        ComplianceApiTest.point(
            "mks-bkpsdm",
            MAKASSAR,
            "ATTENDANCE",
            today,
            "07:30",
            ZoneOffset.ofHours(8),
            40,
            30,
            5,
            5));
    app.write(points);
  }

  static Unit unit(String id, String region, ZoneId zone) {
    Unit u = new Unit();
    u.unitId = id;
    u.name = id;
    u.region = region;
    u.timeZone = zone.getId();
    u.headcount = 40;
    return u;
  }

  /** The unit's zone on the board, once the book has read the topics (a read a second). */
  static String boardZone(String unit) {
    JsonNode row = ConsoleIT.unit(Http.json(app.get("/api/v1/occupancy", BKD_PROVINCE)), unit);
    return row.get("zone").asText();
  }

  static void awaitBoardZone(String unit, String zone) {
    assertThat(Poll.until(Duration.ofSeconds(30), () -> boardZone(unit).equals(zone)))
        .as(unit + " on the board in " + zone + " (last: " + boardZone(unit) + ")")
        .isTrue();
  }

  @Test
  void aUnitRegisteredInMakassarAnswersZoneAsiaMakassarOnEveryAnswerOfIt() {
    awaitBoardZone("mks-bkpsdm", "Asia/Makassar");

    JsonNode series =
        Http.json(app.get("/api/v1/units/mks-bkpsdm/occupancy?step=10m", BKD_PROVINCE));
    assertThat(series.get("zone").asText()).isEqualTo("Asia/Makassar");
    JsonNode breaches = Http.json(app.get("/api/v1/breaches?unit=mks-bkpsdm", BKD_PROVINCE));
    assertThat(breaches.get("breaches")).hasSize(1);
    assertThat(breaches.get("breaches").get(0).get("zone").asText()).isEqualTo("Asia/Makassar");
    JsonNode compliance =
        Http.json(app.get("/api/v1/compliance?unit=mks-bkpsdm&date=" + today, BKD_PROVINCE));
    assertThat(compliance.get("rows")).hasSize(1);
    assertThat(compliance.get("rows").get(0).get("zone").asText()).isEqualTo("Asia/Makassar");
    assertThat(app.get("/api/v1/breaches?unit=mks-bkpsdm&format=csv", BKD_PROVINCE).body())
        .contains(",true,Asia/Makassar\r\n");
  }

  @Test
  void anUnregisteredUnitTakesItsCheckinRecordsZoneElseItsRegionsElseJakarta() {
    awaitBoardZone("jyp-dinkes", "Asia/Jayapura");
    awaitBoardZone("mks-dishub", "Asia/Makassar"); // a unit of its region is registered
    assertThat(boardZone("tng-dinkes")).isEqualTo("Asia/Jakarta"); // nothing names its zone

    // 503 until the book has read the checkins and alerts topics to their ends.
    assertThat(
            Poll.until(
                Duration.ofSeconds(30),
                () ->
                    app.get("/api/v1/units/jyp-dinkes/followups", BKD_PROVINCE).statusCode()
                        == 200))
        .isTrue();
    JsonNode followUps = Http.json(app.get("/api/v1/units/jyp-dinkes/followups", BKD_PROVINCE));
    assertThat(followUps.get("zone").asText()).isEqualTo("Asia/Jayapura");
    assertThat(followUps.get("date").asText())
        .isEqualTo(LocalDate.now(ZoneId.of("Asia/Jayapura")).toString());
  }
}
