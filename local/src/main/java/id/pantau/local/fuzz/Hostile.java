package id.pantau.local.fuzz;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Hostile values: injection attempts, strings too long or oddly encoded, times and dates at and
 * beyond every edge, numbers too large. Each picker takes the run's random source, so a seed
 * reproduces them.
 */
final class Hostile {
  private Hostile() {}

  /** Aimed at InfluxQL (quotes, regexes, bound-parameter names, statements) and at paths. */
  static final List<String> INJECTIONS =
      List.of(
          "'",
          "\"",
          "\\",
          "\\'",
          "\\\"",
          "' OR 1=1 --",
          "x' OR unit =~ /.*/ OR unit = 'y",
          "x\" OR \"unit\" =~ /.*/ OR \"unit\" = \"y",
          "\"; DROP DATABASE pantau; --",
          "'; DROP SERIES FROM occupancy; SELECT '",
          "/.*/",
          "=~ /.*/",
          "$unit",
          "$from",
          "$to",
          "') GROUP BY *",
          "x; SELECT * FROM \"pantau\".\"trends\".\"daily\"",
          "x\nSHOW DATABASES",
          "x\r\nX-Injected: 1",
          "x\u0000y",
          "\u0000",
          "x\ty",
          "\\u0027",
          "%27",
          "%00",
          "{{7*7}}",
          "${jndi:ldap://127.0.0.1/x}",
          "../../etc/passwd",
          "..\\..\\windows",
          "<script>alert(1)</script>",
          "🙂",
          "\uD800",
          "\uDFFF\uD800",
          "ünït",
          "unit,with,commas",
          "unit\"with\"quotes",
          " leading and trailing ",
          "time > 0",
          "1=1",
          "*",
          "null",
          "true",
          "-1");

  static final List<String> TIMES =
      List.of(
          "0001-01-01T00:00:00Z",
          "9999-12-31T23:59:59Z",
          "+999999999-12-31T23:59:59Z",
          "-999999999-01-01T00:00:00Z",
          "+10000-01-01T00:00:00Z",
          "1677-09-21T00:12:43Z",
          "1677-09-21T00:12:43.145224193Z",
          "1677-09-22T00:00:00Z",
          "2262-04-11T23:47:16.854775807Z",
          "2262-04-12T00:00:00Z",
          "1970-01-01T00:00:00Z",
          "1969-12-31T23:59:59.999Z",
          "2026-02-30T00:00:00Z",
          "2026-11-23T07:00:00",
          "2026-11-23T07:00:00+25:00",
          "2026-11-23T07:00:00+18:00",
          "2026-11-23T07:00:00-18:00",
          "2026-11-23T24:00:00Z",
          "2026-11-23T07:00:00.1234567891Z",
          "2026-11-23 07:00:00 07:00",
          "2026-11-23",
          "07:00",
          "now",
          "now()",
          "now() - 1h",
          "1700000000000",
          "-1",
          "",
          " ");

  static final List<String> DATES =
      List.of(
          "0001-01-01",
          "9999-12-31",
          "2262-04-12",
          "2262-04-11",
          "2262-04-10",
          "1677-09-21",
          "1677-09-22",
          "1970-01-01",
          "+999999999-12-31",
          "-999999999-01-01",
          "+10000-01-01",
          "2026-02-30",
          "2026-13-01",
          "23-11-2026",
          "2026-11-23T00:00:00Z",
          "2026/11/23",
          "20261123",
          "today",
          "",
          " ");

  static final List<String> NUMBERS =
      List.of(
          "1e309",
          "-1e309",
          "1e-400",
          "9223372036854775808",
          "-9223372036854775809",
          "2147483648",
          "-2147483649",
          "1" + "0".repeat(400),
          "1" + "0".repeat(1200),
          "0." + "0".repeat(1200) + "1",
          "NaN",
          "Infinity",
          "-Infinity",
          "-0",
          "0x10",
          "1.7976931348623157E308",
          "4.9e-324",
          "-1",
          "0",
          "1.5",
          "01",
          "+1",
          ".5");

  static <T> T pick(SplittableRandom r, List<T> from) {
    return from.get(r.nextInt(from.size()));
  }

  /** One of many kinds of hostile text (not yet percent-encoded). */
  static String text(SplittableRandom r) {
    return switch (r.nextInt(8)) {
      case 0, 1, 2 -> pick(r, INJECTIONS);
      case 3 -> longText(r);
      case 4 -> pick(r, TIMES);
      case 5 -> pick(r, DATES);
      case 6 -> pick(r, NUMBERS);
      default -> word(r) + pick(r, INJECTIONS) + word(r);
    };
  }

  static String longText(SplittableRandom r) {
    int n = pick(r, List.of(199, 200, 201, 255, 256, 1_000, 4_000, 9_000, 70_000));
    String c = pick(r, List.of("a", "é", "'", "\\", "/", "%", "🙂"));
    return c.repeat(n);
  }

  static String word(SplittableRandom r) {
    int n = 1 + r.nextInt(12);
    StringBuilder s = new StringBuilder(n);
    for (int i = 0; i < n; i++) s.append((char) ('a' + r.nextInt(26)));
    return s.toString();
  }

  /** A time near now: within the last minutes (valid), or a far-off one. */
  static String eventTime(SplittableRandom r, Instant now) {
    return switch (r.nextInt(10)) {
      case 0 -> pick(r, TIMES);
      case 1 -> now.plusSeconds(60L * (6 + r.nextInt(100_000))).toString(); // ahead of the clock
      case 2 -> now.minusSeconds(86_400L * (8 + r.nextInt(40_000))).toString(); // older than 7 days
      default -> now.minusSeconds(1 + r.nextInt(120)).atOffset(ZoneOffset.ofHours(7)).toString();
    };
  }

  /** A local date near today, or an edge one. */
  static String date(SplittableRandom r, LocalDate today) {
    return switch (r.nextInt(4)) {
      case 0 -> pick(r, DATES);
      case 1 -> today.plusDays(r.nextInt(5_000) - 2_500L).toString();
      default -> today.minusDays(r.nextInt(40) - 2L).toString();
    };
  }

  /** An instant near now, or an edge one. */
  static String instant(SplittableRandom r, Instant now) {
    return switch (r.nextInt(4)) {
      case 0 -> pick(r, TIMES);
      case 1 -> now.plusSeconds((r.nextLong(400_000_000L) - 200_000_000L)).toString();
      default ->
          now.minusSeconds(r.nextInt(40 * 86_400) - 7_200L)
              .atOffset(ZoneOffset.ofHours(r.nextInt(3) + 7))
              .toString();
    };
  }

  /** Bytes that are not valid UTF-8, as chars of ISO-8859-1. */
  static String invalidUtf8(SplittableRandom r) {
    return pick(
        r,
        List.of(
            "\u00c3\u0028", // a lead byte followed by ASCII
            "\u00ff",
            "\u00fe\u00ff",
            "\u00ed\u00a0\u0080", // an encoded surrogate
            "\u00c0\u00af", // overlong '/'
            "\u00e2\u0082", // truncated
            "\u0080",
            "\u00f8\u0088\u0080\u0080\u0080"));
  }

  /** The UTF-8 bytes of the text, as chars of ISO-8859-1 (as sent on the wire). */
  static String utf8(String text) {
    return new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
  }

  /** Percent-encodes every byte of the UTF-8 text outside unreserved characters. */
  static String encode(String text) {
    StringBuilder s = new StringBuilder();
    for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if (c >= 'a' && c <= 'z'
          || c >= 'A' && c <= 'Z'
          || c >= '0' && c <= '9'
          || "-._~".indexOf(c) >= 0) {
        s.append((char) c);
      } else {
        s.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)));
        s.append(Character.toUpperCase(Character.forDigit(c & 15, 16)));
      }
    }
    return s.toString();
  }

  /** The text clipped, bytes outside printable ASCII as \xNN, line breaks as \n. */
  static String printable(String text, int clip) {
    if (text == null) return "null";
    StringBuilder s = new StringBuilder();
    int n = Math.min(text.length(), clip);
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      if (c == '\n') s.append("\\n");
      else if (c == '\r') s.append("\\r");
      else if (c >= 0x20 && c < 0x7f) s.append(c);
      else if (c < 0x100) s.append(String.format("\\x%02x", (int) c));
      else s.append(String.format("\\u%04x", (int) c));
    }
    if (text.length() > clip) s.append("… (").append(text.length()).append(" chars)");
    return s.toString();
  }
}
