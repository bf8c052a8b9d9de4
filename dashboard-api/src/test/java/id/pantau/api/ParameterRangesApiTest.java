package id.pantau.api;

import static id.pantau.api.LiveDashboard.BKD_PROVINCE;
import static id.pantau.api.LiveDashboard.OPERATOR;
import static org.assertj.core.api.Assertions.assertThat;

import id.pantau.web.RawRequest;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every date and instant a request names lies where InfluxDB can hold a point, within what the
 * retention keeps and at most a day ahead ({@link Horizon}): anything else is a 400 naming the
 * parameter and the range, never a 500 from InfluxDB refusing the query. Over a real influxd.
 */
class ParameterRangesApiTest {
  @RegisterExtension static final LiveDashboard app = LiveDashboard.overInflux();

  static LocalDate today() {
    return LocalDate.now(ZoneId.of("Asia/Jakarta"));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "/api/v1/compliance?date=9999-12-31 | date",
        "/api/v1/compliance?date=0001-01-01 | date",
        "/api/v1/compliance?date=2262-04-12 | date",
        "/api/v1/compliance?date=1677-09-21 | date",
        "/api/v1/compliance?date=%2B999999999-12-31 | date",
        "/api/v1/trends?from=0001-01-01&to=0001-01-02 | from,to",
        "/api/v1/trends?to=2262-04-12 | to",
        "/api/v1/trends?from=-999999999-01-01 | from",
        "/api/v1/breaches?from=9999-12-01T00:00:00Z&to=9999-12-02T00:00:00Z | from,to",
        "/api/v1/breaches?to=1677-09-21T00:12:43Z | to",
        "/api/v1/units/tng-damkar/occupancy?from=1677-09-21T00:12:43Z&to=1677-09-22T00:00:00Z"
            + " | from,to",
        "/api/v1/units/tng-damkar/occupancy?to=%2B999999999-12-31T23:59:59Z | to",
        "/api/v1/units/tng-damkar/followups?date=9999-12-31 | date",
      })
  void aDateOrInstantBeyondWhatInfluxdbHoldsIs400NamingEachParameter(String path, String params) {
    HttpResponse<String> r = app.get(path, BKD_PROVINCE);

    assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
    List<String> errors = Http.errors(r);
    assertThat(errors).hasSize(params.split(",").length);
    for (int i = 0; i < errors.size(); i++) {
      assertThat(errors.get(i)).startsWith(params.split(",")[i] + ": must be ");
    }
  }

  @Test
  void theReasonNamesTheRangeTheRetentionAndWhatToDo() {
    LocalDate today = today();
    HttpResponse<String> r = app.get("/api/v1/compliance?date=9999-12-31", OPERATOR);

    String reason = Http.errors(r).get(0);
    assertThat(reason)
        .isIn(
            reasonFor(today.minusDays(31), today.plusDays(1)),
            reasonFor(today.minusDays(30), today.plusDays(2)));

    HttpResponse<String> trends = app.get("/api/v1/trends?from=0001-01-01", OPERATOR);
    assertThat(Http.errors(trends).get(0))
        .startsWith("from: must be a date from ")
        .contains("retention policy trends keeps 1825 days");

    HttpResponse<String> breaches = app.get("/api/v1/breaches?from=2262-04-12T00:00:00Z", OPERATOR);
    assertThat(Http.errors(breaches).get(0))
        .startsWith("from: must be from ")
        .contains("retention policy raw keeps 30 days")
        .endsWith("ask within that range");
  }

  static String reasonFor(LocalDate first, LocalDate last) {
    return "date: must be a date from "
        + first
        + " to "
        + last
        + " (retention policy raw keeps 30 days; nothing lies more than a day ahead of today):"
        + " ask for a date in that range";
  }

  @Test
  void theEdgesOfTheRangeAreServed() {
    LocalDate today = today();
    // Raw points: 30 days kept, plus the day's shard InfluxDB drops only once all of it expired.
    assertThat(app.get("/api/v1/compliance?date=" + today.minusDays(30), OPERATOR).statusCode())
        .isEqualTo(200);
    assertThat(app.get("/api/v1/compliance?date=" + today.plusDays(1), OPERATOR).statusCode())
        .isEqualTo(200);
    assertThat(app.get("/api/v1/compliance?date=" + today.plusDays(3), OPERATOR).statusCode())
        .isEqualTo(400);
    assertThat(app.get("/api/v1/compliance?date=" + today.minusDays(33), OPERATOR).statusCode())
        .isEqualTo(400);
    // Daily rollups: five years kept.
    LocalDate fiveYears = today.minusDays(1825);
    assertThat(
            app.get("/api/v1/trends?from=" + fiveYears + "&to=" + fiveYears.plusDays(9), OPERATOR)
                .statusCode())
        .isEqualTo(200);
    assertThat(app.get("/api/v1/trends?from=" + today.minusDays(1840), OPERATOR).statusCode())
        .isEqualTo(400);
    // Instants: from 31 days back to a day ahead.
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    String from = now.minus(Duration.ofDays(30)).toString();
    String to = now.plus(Duration.ofHours(23)).toString();
    assertThat(app.get("/api/v1/breaches?from=" + from + "&to=" + to, OPERATOR).statusCode())
        .isEqualTo(200);
    assertThat(
            app.get("/api/v1/breaches?to=" + now.plus(Duration.ofDays(2)), OPERATOR).statusCode())
        .isEqualTo(400);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "x' OR unit =~ /.*/ OR unit = 'y",
        "x\" OR \"unit\" =~ /.*/ OR \"unit\" = \"y",
        "\\",
        "'; DROP DATABASE pantau; --",
        "x\nSHOW DATABASES",
        "/.*/",
        "$unit",
        "x\u0000y",
        "🙂"
      })
  void hostileUnitsAndRegionsAreDataNeverQueryText(String hostile) {
    String q = URLEncoder.encode(hostile, StandardCharsets.UTF_8);
    String date = "&date=" + today();
    for (String path :
        List.of(
            "/api/v1/compliance?unit=" + q + date,
            "/api/v1/breaches?unit=" + q,
            "/api/v1/trends?unit=" + q + "&region=" + q)) {
      HttpResponse<String> r = app.get(path, OPERATOR);
      assertThat(r.statusCode()).as(path + " → " + r.body()).isEqualTo(200);
    }
    // In the path: no data for such a unit (404), or a path Jetty will not route (a NUL: 400).
    HttpResponse<String> series = app.get("/api/v1/units/" + q + "/occupancy", OPERATOR);
    assertThat(series.statusCode()).as(series.body()).isIn(400, 404);
    assertThat(Http.errors(series)).isNotEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "application/json; charset=",
        "text/plain; charset=x-bogus",
        "text/plain; charset=utf-16"
      })
  void theQueryIsReadAsUtf8WhateverTheContentTypeSays(String contentType) {
    String date = today().minusDays(2).toString();
    String path = "/api/v1/compliance?date=" + date + "&unit=%C3%BCn%C3%AFt";

    HttpResponse<String> r = Http.get(app.url() + path, OPERATOR, "Content-Type", contentType);

    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    assertThat(Http.json(r).get("date").asText()).isEqualTo(date);
    assertThat(Http.json(r).get("rows")).isEmpty();
  }

  @Test
  void aBadPercentEscapeIs400NamingItsParameter() {
    // java.net.http will not send a malformed URI: written to the socket as it is.
    RawRequest r =
        RawRequest.send(
            app.dashboard().port(),
            "GET /api/v1/compliance?date=%zz&unit=a%&window=LOC1 HTTP/1.1\r\nHost: {host}\r\n"
                + "Authorization: Bearer "
                + OPERATOR
                + "\r\nConnection: close\r\n\r\n");

    assertThat(r.status()).isEqualTo(400);
    List<String> errors = new java.util.ArrayList<>();
    r.json().get("errors").forEach(e -> errors.add(e.asText()));
    assertThat(errors)
        .containsExactly(
            "date: not valid percent-encoding ('date=%zz'): write '%' as %25 and encode other"
                + " bytes as %XX",
            "unit: not valid percent-encoding ('unit=a%'): write '%' as %25 and encode other bytes"
                + " as %XX");
  }

  @ParameterizedTest
  @ValueSource(strings = {"-5m", "0s", "99999999999999999999d", "32d", "1e9s", "5M", "%27"})
  void hugeNegativeOrOddStepsAre400NamingStep(String step) {
    HttpResponse<String> r = app.get("/api/v1/units/tng-damkar/occupancy?step=" + step, OPERATOR);

    assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
    assertThat(Http.errors(r)).singleElement().asString().startsWith("step: ");
  }
}
