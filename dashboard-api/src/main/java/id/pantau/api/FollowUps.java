package id.pantau.api;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The answer of GET /api/v1/units/{unitId}/followups: the unit's staff on one local date, each with
 * the standing of every window and the flags raised about them, those needing a follow-up first.
 */
@JsonPropertyOrder({"unit", "date", "employees"})
public record FollowUps(String unit, String date, List<Employee> employees) implements CsvAnswer {

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
          "needsFollowUp");

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
   * One row per employee and window; an employee with flags but no window gets one row with the
   * window cells empty. {@code flags} lists the flag kinds, separated by ";".
   */
  @Override
  public String csv() {
    List<List<Object>> rows = new ArrayList<>();
    for (Employee e : employees) {
      String flags = String.join(";", e.flags().stream().map(Flag::kind).toList());
      if (e.windows().isEmpty()) {
        rows.add(
            Arrays.asList(
                unit, date, e.nip(), e.mode(), null, null, null, null, flags, e.needsFollowUp()));
      }
      for (Map.Entry<String, Standing> w : e.windows().entrySet()) {
        Standing s = w.getValue();
        rows.add(
            Arrays.asList(
                unit,
                date,
                e.nip(),
                e.mode(),
                w.getKey(),
                s.status(),
                s.checkinAt(),
                s.previousStatus(),
                flags,
                e.needsFollowUp()));
      }
    }
    return Csv.of(CSV_HEADER, rows);
  }
}
