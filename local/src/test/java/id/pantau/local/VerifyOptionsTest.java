package id.pantau.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `./pantau verify`'s command line: what cannot work is refused before anything starts. */
class VerifyOptionsTest {
  /** 10:00 WIB on 6 December 2026 (03:00 UTC). */
  static final Clock NOW = Clock.fixed(Instant.parse("2026-12-06T03:00:00Z"), ZoneOffset.UTC);

  @TempDir Path dir;

  static VerifyOptions parse(String... args) {
    return VerifyOptions.parse(args, NOW);
  }

  /** Parsing these arguments fails with exactly this message. */
  static void refuses(String message, String... args) {
    assertThatThrownBy(() -> parse(args)).hasMessage(message);
  }

  @Test
  void withoutOptionsItChecksYesterdayInWibOnTwelveUnits() {
    VerifyOptions o = parse();

    assertThat(o.date()).isEqualTo(LocalDate.parse("2026-12-05"));
    assertThat(o.city().units()).isEqualTo(12);
    assertThat(o.city().staff()).isEqualTo(600);
    assertThat(o.maxListed()).isEqualTo(20);
    assertThat(o.parallelism()).isEqualTo(2);
    assertThat(o.out()).isAbsolute();
    assertThat(o.out().getFileName()).isEqualTo(Path.of("verify-results"));
  }

  @Test
  void everyOptionIsRead() {
    VerifyOptions o =
        parse(
            "--seed",
            "913",
            "--units",
            "24",
            "--staff",
            "2400",
            "--date",
            "2026-11-29",
            "--out",
            dir.toString(),
            "--max-diffs",
            "0",
            "--parallelism",
            "4");

    assertThat(o.city().seed()).isEqualTo(913);
    assertThat(o.city().units()).isEqualTo(24);
    assertThat(o.city().staff()).isEqualTo(2400);
    assertThat(o.date()).isEqualTo(LocalDate.parse("2026-11-29"));
    assertThat(o.out()).isEqualTo(dir);
    assertThat(o.maxListed()).isZero();
    assertThat(o.parallelism()).isEqualTo(4);
  }

  @Test
  void aPastDayIsCheckedBackToTheOldestTheRawRetentionHoldsWhole() {
    // Now minus 30 days, plus an hour for the run: 6 November 04:00 UTC, 13:00 in WIT; the first
    // day whose WIT midnight lies after it is 7 November, 29 days before today in WIB.
    assertThat(VerifyOptions.oldestDate(NOW)).isEqualTo(LocalDate.parse("2026-11-07"));
    assertThat(parse("--date", "2026-11-26").date()).isEqualTo(LocalDate.parse("2026-11-26"));
    assertThat(parse("--date", "2026-11-07").date()).isEqualTo(LocalDate.parse("2026-11-07"));

    assertThatThrownBy(() -> parse("--date", "2026-11-06"))
        .isInstanceOf(VerifyOptions.Invalid.class)
        .hasMessage(
            "--date 2026-11-06: too old: InfluxDB keeps the raw measurements 30 days (retention"
                + " policy raw, set by the jobs' sink), so the oldest day verify can hold whole is"
                + " 2026-11-07 (verify checks 2026-11-07 to 2026-12-05)");
  }

  @Test
  void theDashboardKeepsTheFollowUpsOfTheCheckedDateEvenPastMidnight() {
    assertThat(VerifyOptions.followUpDays(LocalDate.parse("2026-12-05"), NOW)).isEqualTo(3);
    assertThat(VerifyOptions.followUpDays(LocalDate.parse("2026-11-26"), NOW)).isEqualTo(12);
    assertThat(VerifyOptions.followUpDays(VerifyOptions.oldestDate(NOW), NOW)).isEqualTo(31);
  }

  @Test
  void aDayThatIsNotOverInWibIsRefused() {
    assertThatThrownBy(() -> parse("--date", "2026-12-06"))
        .hasMessage(
            "--date 2026-12-06: that day is not over in every zone yet (it is 2026-12-06 10:00 in"
                + " WIB); pick a whole past day, e.g. --date 2026-12-05 (verify checks 2026-11-07"
                + " to 2026-12-05)");
    assertThatThrownBy(() -> parse("--date", "2027-01-01")).hasMessageContaining("not over");
    // 23:59 UTC is already the next morning in WIB: yesterday there is 6 December.
    Clock late = Clock.fixed(Instant.parse("2026-12-06T23:59:00Z"), ZoneOffset.UTC);
    assertThat(VerifyOptions.parse(new String[] {"--date", "2026-12-06"}, late).date())
        .isEqualTo(LocalDate.parse("2026-12-06"));
  }

  @Test
  void malformedValuesAndNonsenseNumbersAreRefusedWithTheOption() {
    refuses("--date: must be a date YYYY-MM-DD (got '6/12/2026')", "--date", "6/12/2026");
    refuses("--date: must be a date YYYY-MM-DD (got '2026-02-30')", "--date", "2026-02-30");
    refuses("--units: need at least 3 (one per region), got 0", "--units", "0");
    refuses("--units: must be a whole number (got '99999999999')", "--units", "99999999999");
    refuses("--units: must be a whole number (got 'many')", "--units", "many");
    refuses("--staff: 12 units of 10–250 staff need 120–3000, got -5", "--staff", "-5");
    assertThatThrownBy(() -> parse("--units", "24", "--staff", "100"))
        .hasMessageStartingWith("--staff: 24 units of 10–250 staff need 240–6000");
    refuses("--seed: must be a whole number (got 'x')", "--seed", "x");
    refuses("--parallelism: must be a whole number, 1 to 16 (got '0')", "--parallelism", "0");
    refuses("--max-diffs: must be a whole number, 0 or more (got '-1')", "--max-diffs", "-1");
  }

  @Test
  void unknownOptionsAndMissingValuesShowTheUsage() {
    assertThatThrownBy(() -> parse("--days", "3"))
        .isInstanceOfSatisfying(VerifyOptions.Invalid.class, e -> assertThat(e.showUsage).isTrue())
        .hasMessage("unknown option '--days'");
    assertThatThrownBy(() -> parse("--date"))
        .isInstanceOfSatisfying(VerifyOptions.Invalid.class, e -> assertThat(e.showUsage).isTrue())
        .hasMessage("--date: needs a value");
  }

  @Test
  void anOutputThatIsAFileIsRefused() throws Exception {
    Path file = Files.writeString(dir.resolve("results"), "x");

    refuses("--out " + file + ": is a file, not a directory", "--out", file.toString());
  }

  @Test
  void theCommandEndsARefusalWithOneReasonLineAndExitCodeTwo() {
    ByteArrayOutputStream err = new ByteArrayOutputStream();

    int code =
        Verify.run(
            new String[] {"--date", "2026-10-01"},
            new PrintStream(err, true, StandardCharsets.UTF_8),
            NOW);

    assertThat(code).isEqualTo(Verify.USAGE);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .startsWith("pantau verify: --date 2026-10-01: too old:")
        .hasLineCount(1);
  }

  @Test
  void aFailureIsOneLineOfItsCausesOutermostFirst() {
    Exception e =
        new IllegalStateException(
            "GET http://x/followups: 400",
            new RuntimeException(new java.io.IOException("connection refused\n\tat somewhere")));

    assertThat(Verify.reason(e)).isEqualTo("GET http://x/followups: 400: connection refused");
    assertThat(Verify.reason(new NullPointerException())).isEqualTo("NullPointerException");
    assertThat(Verify.reason(new java.nio.file.NoSuchFileException("/etc/tokens.json")))
        .isEqualTo("NoSuchFileException: /etc/tokens.json");
  }
}
