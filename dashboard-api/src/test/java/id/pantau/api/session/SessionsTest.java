package id.pantau.api.session;

import static org.assertj.core.api.Assertions.assertThat;

import id.pantau.access.Principal;
import id.pantau.access.Role;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Base64;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SessionsTest {
  static final Instant EIGHT_AM = Instant.parse("2026-11-23T01:00:00Z");
  static final Principal BKD = new Principal("bkd", Role.BKD_ADMIN, Set.of("r"), Set.of());

  /** A clock the test moves. */
  static final class Hands extends Clock {
    Instant now = EIGHT_AM;

    @Override
    public ZoneId getZone() {
      return ZoneId.of("UTC");
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  @Test
  void anIdIs256RandomBitsAndNeverRepeats() {
    Sessions sessions = new Sessions(Duration.ofHours(8), 10_000, new Hands());
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < 1000; i++) ids.add(sessions.open(BKD).id());

    assertThat(ids).hasSize(1000);
    assertThat(ids).allSatisfy(id -> assertThat(Base64.getUrlDecoder().decode(id)).hasSize(32));
  }

  @Test
  void aSessionLastsItsTimeToLiveAndNotAMillisecondLonger() {
    Hands clock = new Hands();
    Sessions sessions = new Sessions(Duration.ofHours(8), 10, clock);
    Sessions.Session s = sessions.open(BKD);

    assertThat(s.expiresAt()).isEqualTo(EIGHT_AM.plus(Duration.ofHours(8)));
    clock.now = s.expiresAt().minusMillis(1);
    assertThat(sessions.find(s.id())).map(Sessions.Session::principal).contains(BKD);
    clock.now = s.expiresAt();
    assertThat(sessions.find(s.id())).isEmpty();
    assertThat(sessions.size()).isZero();
  }

  @Test
  void aClosedOrUnknownSessionIsNotFound() {
    Sessions sessions = new Sessions(Duration.ofHours(8), 10, new Hands());
    Sessions.Session s = sessions.open(BKD);
    sessions.close(s.id());

    assertThat(sessions.find(s.id())).isEmpty();
    assertThat(sessions.find("made-up")).isEmpty();
    assertThat(sessions.find(null)).isEmpty();
  }

  @Test
  void whenFullTheSessionClosestToExpiryMakesRoom() {
    Hands clock = new Hands();
    Sessions sessions = new Sessions(Duration.ofHours(8), 2, clock);
    Sessions.Session first = sessions.open(BKD);
    clock.now = clock.now.plusSeconds(60);
    Sessions.Session second = sessions.open(BKD);
    clock.now = clock.now.plusSeconds(60);
    Sessions.Session third = sessions.open(BKD);

    assertThat(sessions.size()).isEqualTo(2);
    assertThat(sessions.find(first.id())).isEmpty();
    assertThat(sessions.find(second.id())).isPresent();
    assertThat(sessions.find(third.id())).isPresent();
  }

  @Test
  void theCookieIsHttpOnlyStrictOnEveryPathAndSecureWhenConfigured() {
    assertThat(new SessionCookie(false).issue("abc", Duration.ofHours(8)))
        .isEqualTo("pantau_session=abc; Path=/; Max-Age=28800; HttpOnly; SameSite=Strict");
    assertThat(new SessionCookie(true).issue("abc", Duration.ofHours(8))).endsWith("; Secure");
    assertThat(new SessionCookie(false).clear()).startsWith("pantau_session=; Path=/; Max-Age=0;");
  }

  @Test
  void anOriginIsSameWhenItNamesTheHostTheRequestWentTo() {
    assertThat(SameOrigin.check("http://127.0.0.1:8080", null, "127.0.0.1:8080")).isTrue();
    assertThat(SameOrigin.check("https://pantau.example", null, "pantau.example:443")).isTrue();
    assertThat(SameOrigin.check("http://evil.example", null, "127.0.0.1:8080")).isFalse();
    assertThat(SameOrigin.check("http://127.0.0.1:9999", null, "127.0.0.1:8080")).isFalse();
    assertThat(SameOrigin.check("null", null, "127.0.0.1:8080")).isFalse();
    assertThat(SameOrigin.check(null, "same-origin", "127.0.0.1:8080")).isTrue();
    assertThat(SameOrigin.check(null, "same-site", "127.0.0.1:8080")).isFalse();
    assertThat(SameOrigin.check(null, null, "127.0.0.1:8080")).isFalse();
    assertThat(SameOrigin.crossSite(null, null, "127.0.0.1:8080")).isFalse();
    assertThat(SameOrigin.crossSite(null, "cross-site", "127.0.0.1:8080")).isTrue();
  }
}
