package id.pantau.local.fuzz;

import id.pantau.api.report.IsoWeek;
import id.pantau.local.fuzz.FuzzRequest.Service;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Requests to every route of dashboard-api, each query and path parameter valid, at or beyond the
 * edge of its range, or hostile (aimed at InfluxQL, oddly encoded, too long); {@link HttpTricks}
 * spoils the rest.
 */
final class DashboardRequests {
  private final Callers callers;

  DashboardRequests(Callers callers) {
    this.callers = callers;
  }

  FuzzRequest next(SplittableRandom r, Instant now) {
    LocalDate today = LocalDate.ofInstant(now, ZoneId.of("Asia/Jakarta"));
    Query q = new Query(r);
    String path;
    String what;
    String role = Hostile.pick(r, List.of("admin", "operator", "leader", "head", "regional"));
    List<String[]> headers = new ArrayList<>();
    switch (r.nextInt(11)) {
      case 0 -> {
        path = "/api/v1/occupancy";
        what = "occupancy now";
        q.format();
      }
      case 1, 2 -> {
        path = "/api/v1/units/" + unit(r) + "/occupancy";
        what = "a unit's occupancy";
        q.fromTo(() -> Hostile.instant(r, now));
        q.add("step", () -> step(r));
        q.format();
      }
      case 3 -> {
        path = "/api/v1/breaches";
        what = "breaches";
        q.fromTo(() -> Hostile.instant(r, now));
        q.add("open", () -> Hostile.pick(r, List.of("true", "false", "TRUE", "yes", "1", "")));
        q.unit();
        q.add("kind", () -> Hostile.pick(r, List.of("OVER_CAP", "UNDER_FLOOR", "over_cap", "X")));
        q.format();
      }
      case 4 -> {
        path = "/api/v1/compliance";
        what = "compliance";
        q.add("date", () -> Hostile.date(r, today));
        q.unit();
        q.add(
            "window",
            () ->
                Hostile.pick(r, List.of("ATTENDANCE", "LOC1", "LOC3", "LOC99", "LOC0", "LOC100")));
        q.format();
      }
      case 5 -> {
        path = "/api/v1/units/" + unit(r) + "/followups";
        what = "follow-ups";
        q.add("date", () -> Hostile.date(r, today));
        q.format();
      }
      case 6 -> {
        path = "/api/v1/trends";
        what = "trends";
        q.fromTo(() -> Hostile.date(r, today));
        q.unit();
        q.add("region", () -> r.nextBoolean() ? Callers.REGION : Callers.OTHER_REGION);
        q.format();
      }
      case 7 -> {
        path = "/api/v1/alerts/stream";
        what = "alert stream";
        if (r.nextInt(4) != 0) headers.add(new String[] {"Accept", "text/event-stream"});
      }
      case 8 -> {
        path = "/api/v1/health";
        what = "health";
        role = r.nextBoolean() ? null : role;
      }
      case 9 -> {
        path = "/reports/weekly";
        what = "weekly report";
        q.add("region", () -> r.nextBoolean() ? Callers.REGION : Callers.OTHER_REGION);
        q.add("week", () -> week(r, today));
        q.add("format", () -> Hostile.pick(r, List.of("html", "csv", "HTML", "json", "")));
      }
      default -> {
        path = Hostile.pick(r, List.of("/", "/index.html", "/api/v1/", "/api", "/favicon.ico"));
        what = "a page";
      }
    }
    if (role != null) headers.add(new String[] {"Authorization", "Bearer " + callers.token(role)});
    return FuzzRequest.of(
        Service.DASHBOARD, what, "GET", path + q.text(), headers, null, Set.of(200));
  }

  private static String unit(SplittableRandom r) {
    return IngestRequests.pathValue(r, Hostile.pick(r, List.of(Callers.UNITS)));
  }

  /** An ISO week: one of the last few years', or one at or past an edge. */
  private static String week(SplittableRandom r, LocalDate today) {
    return r.nextBoolean()
        ? IsoWeek.of(today.minusWeeks(r.nextInt(270) - 2)).toString()
        : Hostile.pick(
            r, List.of("2026-W53", "2025-W53", "2026-W00", "0000-W01", "9999-W52", "2026-W1"));
  }

  private static String step(SplittableRandom r) {
    return switch (r.nextInt(4)) {
      case 0 ->
          Hostile.pick(
              r,
              List.of(
                  "0s",
                  "1s",
                  "31d",
                  "32d",
                  "744h",
                  "99999999999m",
                  "1w",
                  "-5m",
                  "5",
                  "m",
                  "1.5h",
                  "5M"));
      case 1 -> Hostile.pick(r, Hostile.NUMBERS) + Hostile.pick(r, List.of("s", "m", "h", "d"));
      default -> (1 + r.nextInt(60)) + Hostile.pick(r, List.of("s", "m", "h", "d"));
    };
  }

  /** A query string: each parameter present or not, valid or hostile, encoded or not. */
  private static final class Query {
    private final SplittableRandom r;
    private final List<String> parts = new ArrayList<>();

    Query(SplittableRandom r) {
      this.r = r;
    }

    void add(String name, java.util.function.Supplier<String> valid) {
      if (r.nextBoolean()) return;
      int repeat = r.nextInt(12) == 0 ? 2 : 1;
      for (int i = 0; i < repeat; i++) {
        String value = r.nextInt(4) == 0 ? Hostile.text(r) : valid.get();
        parts.add(name + "=" + encoded(value));
      }
    }

    /** A range's two ends, each drawn on its own. */
    void fromTo(java.util.function.Supplier<String> valid) {
      add("from", valid);
      add("to", valid);
    }

    /** The unit filter: one of the callers' units. */
    void unit() {
      add("unit", () -> Hostile.pick(r, List.of(Callers.UNITS)));
    }

    void format() {
      if (r.nextInt(4) == 0) {
        add("format", () -> Hostile.pick(r, List.of("csv", "json", "CSV", "xml", "")));
      }
      if (r.nextInt(15) == 0)
        parts.add(Hostile.encode(Hostile.word(r)) + "=" + encoded(Hostile.text(r)));
    }

    private String encoded(String value) {
      return switch (r.nextInt(12)) {
        case 0 -> Hostile.utf8(value); // unencoded: spaces, quotes, raw bytes in the request line
        case 1 -> value.replace("+", "%2B").replace("&", "%26").replace(" ", "+");
        case 2 ->
            Hostile.encode(value)
                + Hostile.pick(r, List.of("%", "%z", "%zz", "%C3", "%C3%28", "%ED%A0%80", "%00"));
        default -> Hostile.encode(value);
      };
    }

    String text() {
      if (parts.isEmpty()) return r.nextInt(20) == 0 ? "?" : "";
      return "?" + String.join("&", parts);
    }
  }
}
