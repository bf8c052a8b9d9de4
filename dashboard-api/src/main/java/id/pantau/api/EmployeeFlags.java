package id.pantau.api;

import id.pantau.events.Alert;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The flags raised about employees on the kept dates, indexed by unit and date: per-employee alerts
 * other than the compliance results (the windows carry those), the latest per alertId; a CORRECTED
 * or CLOSE phase removes its flag. Not thread-safe: {@link CheckinBook} guards it.
 */
final class EmployeeFlags {
  /** Per-employee alert kinds that restate a window's result: not flags. */
  static final Set<String> COMPLIANCE_KINDS =
      Set.of(
          "MISSED_ATTENDANCE",
          "LATE_ATTENDANCE",
          "MISSED_LOCATION",
          "LATE_LOCATION",
          "LATE_UPLOAD");

  private static final Set<String> ENDING_PHASES = Set.of("CORRECTED", Alert.CLOSE);

  private final Map<UnitDay, Map<String, Alert>> byUnitDay = new HashMap<>();

  /**
   * Applies one alert, dated by its {@code date}, else by its {@code startedAt} in {@code zone}
   * (the unit's); an alert that is no flag, has no date or one before {@code oldest} changes
   * nothing.
   */
  void apply(Alert a, ZoneId zone, LocalDate oldest) {
    if (a == null || blank(a.nip) || blank(a.unitId) || blank(a.kind)) return;
    if (COMPLIANCE_KINDS.contains(a.kind)) return;
    String date = a.date;
    if (blank(date)) {
      if (blank(a.startedAt)) return;
      try {
        date = Instant.parse(a.startedAt).atZone(zone).toLocalDate().toString();
      } catch (DateTimeException e) {
        return;
      }
    }
    if (!KeptDays.keeps(date, oldest)) return;
    String id = blank(a.alertId) ? a.kind + ":" + a.nip + ":" + a.startedAt : a.alertId;
    UnitDay k = new UnitDay(a.unitId, date);
    if (a.phase != null && ENDING_PHASES.contains(a.phase)) {
      Map<String, Alert> m = byUnitDay.get(k);
      if (m != null) {
        m.remove(id);
        if (m.isEmpty()) byUnitDay.remove(k);
      }
      return;
    }
    byUnitDay.computeIfAbsent(k, d -> new LinkedHashMap<>()).put(id, a);
  }

  /** The unit's flags of the date, in the order their alerts first came. */
  List<Alert> of(String unit, LocalDate date) {
    return List.copyOf(
        byUnitDay.getOrDefault(new UnitDay(unit, date.toString()), Map.of()).values());
  }

  /** Drops the flags of dates before {@code oldest}. */
  void dropBefore(LocalDate oldest) {
    byUnitDay.keySet().removeIf(k -> !KeptDays.keeps(k.date(), oldest));
  }

  /** How many unit-dates have flags. */
  int unitDays() {
    return byUnitDay.size();
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
