package id.pantau.api;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import id.pantau.events.Alert;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The answer of GET /api/v1/units/{unitId}/followups: the unit's staff on one local date, each with
 * the standing of every window and the flags raised about them, those needing a follow-up first.
 * {@code zone}: the unit's time zone (IANA id), whose local date {@code date} is and in which its
 * times are shown.
 */
@JsonPropertyOrder({"unit", "date", "zone", "employees"})
public record FollowUps(String unit, String date, String zone, List<Employee> employees)
    implements CsvAnswer {

  private static final List<String> CSV_HEADER =
      List.of(
          "unit",
          "date",
          "nip",
          "mode",
          "window",
          "status",
          "checkinAt",
          "previousStatus",
          "flags",
          "needsFollowUp",
          "zone");

  /** An employee without windows still gets a line, its window columns empty. */
  private static final Standing NO_STANDING = new Standing(null, null, null);

  /** One employee: {@code windows} by window name (ATTENDANCE, LOC1 …), in that order. */
  @JsonPropertyOrder({"nip", "mode", "windows", "flags", "needsFollowUp"})
  public record Employee(
      String nip,
      String mode,
      Map<String, Standing> windows,
      List<Flag> flags,
      boolean needsFollowUp) {}

  /** Where the employee stands in one window; {@code checkinAt} ISO-8601 (UTC) or null. */
  @JsonPropertyOrder({"status", "checkinAt", "previousStatus"})
  public record Standing(String status, String checkinAt, String previousStatus) {}

  /** A per-employee alert of the date (a location rule …); {@code at} when it started. */
  @JsonPropertyOrder({"kind", "message", "at"})
  public record Flag(String kind, String message, String at) {}

  /**
   * The unit's standing on a local date from what the book holds: each employee's latest result per
   * window, their flags, those needing a follow-up first, then by NIP.
   */
  static FollowUps of(String unitId, LocalDate day, ZoneId zone, CheckinBook.Day book) {
    Map<String, List<CheckinRecord>> byNip = new TreeMap<>();
    for (CheckinRecord r : book.records()) {
      byNip.computeIfAbsent(r.nip(), n -> new ArrayList<>()).add(r);
    }
    Map<String, List<Alert>> flagsByNip = new TreeMap<>();
    for (Alert a : book.flags()) flagsByNip.computeIfAbsent(a.nip, n -> new ArrayList<>()).add(a);
    for (String nip : flagsByNip.keySet()) byNip.computeIfAbsent(nip, n -> new ArrayList<>());

    List<Employee> employees = new ArrayList<>();
    for (Map.Entry<String, List<CheckinRecord>> e : byNip.entrySet()) {
      Map<String, Standing> windows = new TreeMap<>();
      String mode = null;
      long modeAt = Long.MIN_VALUE;
      boolean needs = false;
      for (CheckinRecord r : e.getValue()) {
        windows.put(
            r.window(),
            new Standing(
                r.status(),
                r.checkinAt() == null ? null : Instant.ofEpochMilli(r.checkinAt()).toString(),
                r.previousStatus()));
        long at = r.eventTimeMs() == null ? Long.MIN_VALUE + 1 : r.eventTimeMs();
        if (r.mode() != null && at >= modeAt) {
          mode = r.mode();
          modeAt = at;
        }
        needs |= r.needsFollowUp();
      }
      List<Flag> flags =
          flagsByNip.getOrDefault(e.getKey(), List.of()).stream()
              .map(a -> new Flag(a.kind, a.message, a.startedAt))
              .sorted(
                  Comparator.comparing(Flag::at, Comparator.nullsLast(String::compareTo))
                      .thenComparing(Flag::kind))
              .toList();
      needs |= !flags.isEmpty();
      employees.add(new Employee(e.getKey(), mode, windows, flags, needs));
    }
    employees.sort(
        Comparator.comparing((Employee x) -> !x.needsFollowUp()).thenComparing(Employee::nip));
    return new FollowUps(unitId, day.toString(), zone.getId(), employees);
  }

  /**
   * One row per employee and window; an employee with flags but no window gets one row with the
   * window cells empty. {@code flags} lists the flag kinds, separated by ";".
   */
  @Override
  public String csv() {
    List<List<Object>> rows = new ArrayList<>();
    for (Employee e : employees) {
      String flags = String.join(";", e.flags().stream().map(Flag::kind).toList());
      if (e.windows().isEmpty()) rows.add(csvRow(e, null, NO_STANDING, flags));
      for (Map.Entry<String, Standing> w : e.windows().entrySet()) {
        rows.add(csvRow(e, w.getKey(), w.getValue(), flags));
      }
    }
    return Csv.of(CSV_HEADER, rows);
  }

  private List<Object> csvRow(Employee e, String window, Standing s, String flags) {
    return Arrays.asList(
        unit,
        date,
        e.nip(),
        e.mode(),
        window,
        s.status(),
        s.checkinAt(),
        s.previousStatus(),
        flags,
        e.needsFollowUp(),
        zone);
  }
}
