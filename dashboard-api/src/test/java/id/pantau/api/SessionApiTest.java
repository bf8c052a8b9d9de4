package id.pantau.api;

import static id.pantau.api.LiveDashboard.BKD_TANGERANG;
import static id.pantau.api.LiveDashboard.DEVICE;
import static id.pantau.api.LiveDashboard.OPERATOR;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import id.pantau.infra.Poll;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Browser sessions against a real influxd: sign in with a token in the body, the cookie instead of
 * the token afterwards, sign out, expiry, and the refusals (a token in a URL, another site's page
 * changing state with the cookie).
 */
class SessionApiTest {
  static final String EVIL = "https://evil.example";

  @RegisterExtension static final LiveDashboard app = LiveDashboard.overInflux();

  static HttpResponse<String> signIn(String url, String token, String... headers) {
    return Http.request("POST", url + "/api/v1/session", "{\"token\": \"" + token + "\"}", headers);
  }

  /** The session id of a sign-in's Set-Cookie. */
  static String cookie(HttpResponse<String> signIn) {
    String set = signIn.headers().firstValue("Set-Cookie").orElseThrow();
    return set.substring(0, set.indexOf(';'));
  }

  HttpResponse<String> withCookie(String method, String path, String cookie, String... more) {
    String[] headers = new String[more.length + 2];
    headers[0] = "Cookie";
    headers[1] = cookie;
    System.arraycopy(more, 0, headers, 2, more.length);
    return Http.request(method, app.url() + path, null, headers);
  }

  String origin() {
    return app.url();
  }

  @Test
  void signingInAnswersTheCallerAndSetsAnHttpOnlyStrictCookie() {
    Instant before = Instant.now();
    HttpResponse<String> r = signIn(app.url(), BKD_TANGERANG);

    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    JsonNode body = Http.json(r);
    assertThat(body.get("name").asText()).isEqualTo("bkd-tangerang");
    assertThat(body.get("role").asText()).isEqualTo("BKD_ADMIN");
    assertThat(body.get("regions")).extracting(JsonNode::asText).containsExactly("kota-tangerang");
    assertThat(body.get("units")).isEmpty();
    assertThat(Instant.parse(body.get("expiresAt").asText()))
        .isBetween(before.plus(Duration.ofHours(8)), Instant.now().plus(Duration.ofHours(8)));
    assertThat(r.body()).doesNotContain(BKD_TANGERANG);
    String set = r.headers().firstValue("Set-Cookie").orElseThrow();
    assertThat(set)
        .matches("pantau_session=[A-Za-z0-9_-]{43}; .*")
        .contains("; Path=/", "; Max-Age=28800", "; HttpOnly", "; SameSite=Strict")
        .doesNotContain("Secure", BKD_TANGERANG);
    assertThat(r.headers().firstValue("Cache-Control")).contains("no-store");
  }

  @Test
  void theCookieAloneReadsTheOccupancyAndSaysWhoIsSignedIn() {
    String cookie = cookie(signIn(app.url(), BKD_TANGERANG));

    assertThat(withCookie("GET", "/api/v1/occupancy", cookie).statusCode()).isEqualTo(200);
    HttpResponse<String> who = withCookie("GET", "/api/v1/session", cookie);
    assertThat(Http.json(who, 200).get("name").asText()).isEqualTo("bkd-tangerang");
    assertThat(Http.get(app.url() + "/api/v1/session", null).statusCode()).isEqualTo(401);
  }

  @Test
  void signingOutEndsTheSessionAndClearsTheCookie() {
    String cookie = cookie(signIn(app.url(), BKD_TANGERANG));

    HttpResponse<String> out = withCookie("DELETE", "/api/v1/session", cookie, "Origin", origin());

    assertThat(out.statusCode()).isEqualTo(204);
    assertThat(out.headers().firstValue("Set-Cookie").orElseThrow())
        .startsWith("pantau_session=; Path=/; Max-Age=0;");
    HttpResponse<String> after = withCookie("GET", "/api/v1/occupancy", cookie);
    assertThat(Http.error(after, 401)).startsWith("session: ");
  }

  @Test
  void anExpiredSessionIs401() throws Exception {
    try (Dashboard shortLived =
        Dashboard.start(
            new DashboardConfig(
                    app.influxUrl(),
                    LiveDashboard.DB,
                    LiveDashboard.noKafka(),
                    "127.0.0.1",
                    0,
                    null)
                .withSession(Duration.ofMillis(300), false),
            LiveDashboard.TOKENS)) {
      String cookie = cookie(signIn(shortLived.url(), BKD_TANGERANG));
      Http.request("GET", shortLived.url() + "/api/v1/occupancy", null, "Cookie", cookie);

      boolean expired =
          Poll.until(
              Duration.ofSeconds(10),
              () ->
                  Http.request("GET", shortLived.url() + "/api/v1/session", null, "Cookie", cookie)
                          .statusCode()
                      == 401);

      assertThat(expired).as("the session expired within 10 s of its 300 ms").isTrue();
    }
  }

  @Test
  void aWrongTokenIs401AndADeviceMayNotSignIn() {
    HttpResponse<String> wrong = signIn(app.url(), "tok-nobody");
    assertThat(Http.error(wrong, 401)).startsWith("token: unknown");
    assertThat(wrong.headers().firstValue("Set-Cookie")).isEmpty();

    assertThat(signIn(app.url(), DEVICE).statusCode()).isEqualTo(403);
    HttpResponse<String> noToken =
        Http.request("POST", app.url() + "/api/v1/session", "{\"tok\": 1}");
    assertThat(Http.error(noToken, 400)).startsWith("token: ");
    HttpResponse<String> notJson = Http.request("POST", app.url() + "/api/v1/session", "token=x");
    assertThat(Http.error(notJson, 400)).startsWith("body: ");
  }

  @Test
  void aTokenInTheQueryStringIs400NamingTheParameter() {
    for (String name : List.of("token", "access_token")) {
      for (String path : List.of("/api/v1/occupancy", "/api/v1/health", "/api/v1/session", "/")) {
        HttpResponse<String> r = Http.get(app.url() + path + "?" + name + "=" + OPERATOR, null);

        assertThat(r.statusCode()).as(path + " ?" + name).isEqualTo(400);
        assertThat(Http.errors(r)).singleElement().asString().startsWith(name + ": ");
      }
    }
  }

  @Test
  void anotherSitesPageMayNotSignOutNorSignIn() {
    String cookie = cookie(signIn(app.url(), BKD_TANGERANG));

    HttpResponse<String> crossSite =
        withCookie("DELETE", "/api/v1/session", cookie, "Origin", EVIL);
    assertThat(Http.errors(crossSite, 403))
        .containsExactly("origin: cross-site requests may not change anything");
    HttpResponse<String> fetchSite =
        withCookie("DELETE", "/api/v1/session", cookie, "Sec-Fetch-Site", "cross-site");
    assertThat(fetchSite.statusCode()).isEqualTo(403);
    HttpResponse<String> unknownOrigin = withCookie("DELETE", "/api/v1/session", cookie);
    assertThat(unknownOrigin.statusCode()).isEqualTo(403);
    assertThat(withCookie("GET", "/api/v1/occupancy", cookie).statusCode())
        .as("the session survived")
        .isEqualTo(200);

    HttpResponse<String> crossSignIn = signIn(app.url(), BKD_TANGERANG, "Origin", EVIL);
    assertThat(crossSignIn.statusCode()).isEqualTo(403);
    assertThat(crossSignIn.headers().firstValue("Set-Cookie")).isEmpty();
  }

  @Test
  void theServicesOwnPagesMayChangeStateWithTheCookie() {
    String cookie = cookie(signIn(app.url(), BKD_TANGERANG, "Origin", origin()));
    assertThat(
            withCookie("DELETE", "/api/v1/session", cookie, "Sec-Fetch-Site", "same-origin")
                .statusCode())
        .isEqualTo(204);
  }

  @Test
  void aBearerTokenNeedsNoOriginAndWinsOverTheCookie() {
    String cookie = cookie(signIn(app.url(), BKD_TANGERANG));

    HttpResponse<String> bearer =
        Http.request(
            "DELETE",
            app.url() + "/api/v1/session",
            null,
            "Authorization",
            "Bearer " + OPERATOR,
            "Origin",
            EVIL);
    assertThat(bearer.statusCode()).isEqualTo(204);

    HttpResponse<String> both =
        withCookie("GET", "/api/v1/session", cookie, "Authorization", "Bearer " + OPERATOR);
    assertThat(Http.json(both).get("name").asText()).isEqualTo("ops");
    assertThat(Http.json(both).get("expiresAt").isNull()).isTrue();
    HttpResponse<String> wrongBearer =
        withCookie("GET", "/api/v1/occupancy", cookie, "Authorization", "Bearer tok-nobody");
    assertThat(wrongBearer.statusCode()).isEqualTo(401);
  }
}
