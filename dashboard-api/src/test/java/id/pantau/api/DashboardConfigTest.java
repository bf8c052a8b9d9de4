package id.pantau.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DashboardConfigTest {
  @TempDir Path dir;

  @Test
  void anEmptyEnvironmentGivesTheContractDefaults() {
    DashboardConfig c = DashboardConfig.fromEnv(Map.of());

    assertThat(c.influxUrl()).isEqualTo("http://127.0.0.1:8086");
    assertThat(c.influxDb()).isEqualTo("pantau");
    assertThat(c.kafkaBootstrap()).isEqualTo("127.0.0.1:9092");
    assertThat(c.host()).isEqualTo("0.0.0.0");
    assertThat(c.port()).isEqualTo(8080);
    assertThat(c.tokensFile()).isNull();
  }

  @Test
  void everyValueComesFromItsVariable() {
    DashboardConfig c =
        DashboardConfig.fromEnv(
            Map.of(
                "PANTAU_INFLUX_URL", "http://influx:8086",
                "PANTAU_INFLUX_DB", "pantau_test",
                "PANTAU_KAFKA_BOOTSTRAP", "kafka:9092",
                "PANTAU_API_PORT", "9090",
                "PANTAU_API_HOST", "127.0.0.1",
                "PANTAU_TOKENS_FILE", "/etc/pantau/tokens.json"));

    assertThat(c)
        .isEqualTo(
            new DashboardConfig(
                "http://influx:8086",
                "pantau_test",
                "kafka:9092",
                "127.0.0.1",
                9090,
                Path.of("/etc/pantau/tokens.json")));
  }

  @Test
  void anInfluxLoginNeedsBothVariablesAndItsPasswordIsNeverPrinted() {
    DashboardConfig c =
        DashboardConfig.fromEnv(
            Map.of("PANTAU_INFLUX_USER", "reader", "PANTAU_INFLUX_PASSWORD", "s3cret-pw"));
    assertThat(c.influxUser()).isEqualTo("reader");
    assertThat(c.influxPassword()).isEqualTo("s3cret-pw");
    assertThat(c.withPort(1).withFollowUpDays(5).influxPassword()).isEqualTo("s3cret-pw");
    assertThat(c.toString()).contains("influxUser=reader").doesNotContain("s3cret-pw");
    assertThat(DashboardConfig.fromEnv(Map.of()).influxUser()).isNull();
    assertThat(
            DashboardConfig.fromEnv(Map.of("PANTAU_INFLUX_USER", "", "PANTAU_INFLUX_PASSWORD", ""))
                .influxUser())
        .isNull();
    assertThatThrownBy(() -> DashboardConfig.fromEnv(Map.of("PANTAU_INFLUX_USER", "reader")))
        .hasMessageStartingWith("PANTAU_INFLUX_USER, PANTAU_INFLUX_PASSWORD: set both");
  }

  @Test
  void theOccupancyIsServedForASecondAndAMinuteWhileInfluxdbFailsUnlessTheVariablesSayOtherwise() {
    DashboardConfig defaults = DashboardConfig.fromEnv(Map.of());
    assertThat(defaults.occupancyCacheMs()).isEqualTo(1_000);
    assertThat(defaults.occupancyStaleMs()).isEqualTo(60_000);
    DashboardConfig set =
        DashboardConfig.fromEnv(
            Map.of("PANTAU_OCCUPANCY_CACHE_MS", "250", "PANTAU_OCCUPANCY_STALE_MS", "30_000"));
    assertThat(set.occupancyCacheMs()).isEqualTo(250);
    assertThat(set.occupancyStaleMs()).isEqualTo(30_000);
    assertThat(set.withPort(1).withFollowUpDays(5).occupancyStaleMs()).isEqualTo(30_000);
    assertThatThrownBy(
            () ->
                DashboardConfig.fromEnv(
                    Map.of(
                        "PANTAU_OCCUPANCY_CACHE_MS", "5000", "PANTAU_OCCUPANCY_STALE_MS", "100")))
        .hasMessageStartingWith("occupancyStaleMs: must be from occupancyCacheMs (5000)");
  }

  @Test
  void followUpsKeepThreeDaysUnlessTheVariableSaysOtherwise() {
    assertThat(DashboardConfig.fromEnv(Map.of()).followUpDays()).isEqualTo(3);
    assertThat(DashboardConfig.fromEnv(Map.of("PANTAU_FOLLOWUP_DAYS", "7")).followUpDays())
        .isEqualTo(7);
  }

  @Test
  void theFollowUpWindowReachesBackToTheDateItMustKeep() {
    // 01:30 WIB on 6 December: still the 5th in UTC, already the 6th in Jakarta.
    Clock clock = Clock.fixed(Instant.parse("2026-12-05T18:30:00Z"), ZoneOffset.UTC);
    LocalDate tenDaysBack = LocalDate.parse("2026-11-26");

    int days = CheckinBook.daysToKeep(tenDaysBack, clock);

    assertThat(days).isEqualTo(11);
    assertThat(CheckinBook.oldestKept(days, clock)).isEqualTo(tenDaysBack);
    assertThat(CheckinBook.daysToKeep(LocalDate.parse("2026-12-06"), clock)).isEqualTo(1);
    assertThat(CheckinBook.daysToKeep(LocalDate.parse("2026-12-09"), clock)).isEqualTo(1);
    DashboardConfig c = DashboardConfig.defaults(0, null).withFollowUpDays(days);
    assertThat(c.followUpDays()).isEqualTo(11);
    assertThat(c.withPort(8080).followUpDays()).isEqualTo(11);
    assertThatThrownBy(() -> c.withFollowUpDays(32))
        .hasMessage("followUpDays: must be 1 to 31 (got 32)");
  }

  @Test
  void sessionsLastEightHoursWithACookieNotSecureUnlessTheVariablesSayOtherwise() {
    DashboardConfig byDefault = DashboardConfig.fromEnv(Map.of());
    assertThat(byDefault.sessionTtl()).isEqualTo(Duration.ofHours(8));
    assertThat(byDefault.secureCookie()).isFalse();

    DashboardConfig set =
        DashboardConfig.fromEnv(
            Map.of("PANTAU_SESSION_TTL_MS", "900000", "PANTAU_SESSION_SECURE_COOKIE", "true"));
    assertThat(set.sessionTtl()).isEqualTo(Duration.ofMinutes(15));
    assertThat(set.secureCookie()).isTrue();
    assertThat(DashboardConfig.auditLogFile(Map.of())).isEqualTo("pantau-audit.jsonl");
    assertThat(DashboardConfig.auditLogFile(Map.of("PANTAU_AUDIT_LOG", "/var/log/a.jsonl")))
        .isEqualTo("/var/log/a.jsonl");
  }

  @ParameterizedTest(name = "{0}={1}")
  @CsvSource({
    "PANTAU_API_PORT, http, 'PANTAU_API_PORT: must be a port number 0 to 65535'",
    "PANTAU_API_PORT, 70000, 'PANTAU_API_PORT: must be a port number 0 to 65535'",
    "PANTAU_FOLLOWUP_DAYS, 0, 'PANTAU_FOLLOWUP_DAYS: must be a number of days 1 to 31'",
    "PANTAU_FOLLOWUP_DAYS, week, 'PANTAU_FOLLOWUP_DAYS: must be a number of days 1 to 31'",
    "PANTAU_OCCUPANCY_CACHE_MS, -1, 'PANTAU_OCCUPANCY_CACHE_MS: must be milliseconds 0 to 60000'",
    "PANTAU_SESSION_TTL_MS, 8h, 'PANTAU_SESSION_TTL_MS: must be a number of milliseconds 1 to'",
    "PANTAU_SESSION_SECURE_COOKIE, yes, 'PANTAU_SESSION_SECURE_COOKIE: must be true or false'"
  })
  void aBadValueNamesItsVariableAndWhatItMustBe(String variable, String value, String reason) {
    assertThatThrownBy(() -> DashboardConfig.fromEnv(Map.of(variable, value)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith(reason);
  }

  @Test
  void startingWithoutATokensFileFailsWithAClearMessage() {
    assertThatThrownBy(() -> Dashboard.loadTokens(null))
        .hasMessageStartingWith("PANTAU_TOKENS_FILE is not set");
    assertThatThrownBy(() -> Dashboard.loadTokens(dir.resolve("missing.json")))
        .hasMessageStartingWith("PANTAU_TOKENS_FILE: cannot read");
  }

  @Test
  void aBrokenTokensFileNamesTheFileAndTheReason() throws Exception {
    Path f = Files.writeString(dir.resolve("tokens.json"), "{\"not\": \"an array\"}");

    assertThatThrownBy(() -> Dashboard.loadTokens(f))
        .hasMessageStartingWith("PANTAU_TOKENS_FILE: ")
        .hasMessageContaining("must be a JSON array");
  }
}
