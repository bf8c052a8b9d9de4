package id.pantau.api;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The latest window record per key ({@code nip@date@window}) of the kept dates, indexed by unit and
 * date. Not thread-safe: {@link CheckinBook} guards it.
 */
final class WindowRecords {
  private final Map<String, CheckinRecord> byKey = new HashMap<>();
  private final Map<UnitDay, Map<String, CheckinRecord>> byUnitDay = new HashMap<>();

  /**
   * The key's record is now {@code r}: null (a tombstone) or an EXCUSED result removes it (the
   * window is no longer expected), as does a date before {@code oldest}.
   */
  void put(String key, CheckinRecord r, LocalDate oldest) {
    CheckinRecord before = byKey.remove(key);
    if (before != null) {
      UnitDay k = new UnitDay(before.unitId(), before.date());
      Map<String, CheckinRecord> m = byUnitDay.get(k);
      if (m != null) {
        m.remove(key);
        if (m.isEmpty()) byUnitDay.remove(k);
      }
    }
    if (r == null
        || CheckinRecord.EXCUSED.equals(r.status())
        || !KeptDays.keeps(r.date(), oldest)) {
      return;
    }
    byKey.put(key, r);
    byUnitDay
        .computeIfAbsent(new UnitDay(r.unitId(), r.date()), d -> new LinkedHashMap<>())
        .put(key, r);
  }

  /** The unit's records of the date, in the order their keys first came. */
  List<CheckinRecord> of(String unit, LocalDate date) {
    return List.copyOf(
        byUnitDay.getOrDefault(new UnitDay(unit, date.toString()), Map.of()).values());
  }

  /** Drops the records of dates before {@code oldest}. */
  void dropBefore(LocalDate oldest) {
    byKey.values().removeIf(r -> !KeptDays.keeps(r.date(), oldest));
    byUnitDay.keySet().removeIf(k -> !KeptDays.keeps(k.date(), oldest));
  }

  int size() {
    return byKey.size();
  }
}
