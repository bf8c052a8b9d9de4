package id.pantau.api;

import id.pantau.access.Principal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One read of every unit's latest occupancy, immutable, grouped by region and unit once so that
 * each caller's view is a few lookups rather than a filter over every unit.
 */
final class OccupancySnapshot {
  private final Instant readAt;
  private final List<OccupancyRow> units;
  private final Map<String, List<OccupancyRow>> byRegion;
  private final Map<String, OccupancyRow> byUnit;
  // Each scope's answer, made on its first request: as many as there are tokens' scopes.
  private final Map<Scope, OccupancyAnswer> answers = new ConcurrentHashMap<>();

  private record Scope(Set<String> regions, Set<String> units) {}

  /** The rows as read at {@code readAt}, in any order. */
  OccupancySnapshot(Instant readAt, List<OccupancyRow> rows) {
    this.readAt = readAt;
    this.units = rows.stream().sorted(OccupancyRow.BOARD_ORDER).toList();
    Map<String, List<OccupancyRow>> regions = new TreeMap<>();
    Map<String, OccupancyRow> unitRows = new HashMap<>();
    for (OccupancyRow r : units) {
      if (r.region() != null) regions.computeIfAbsent(r.region(), k -> new ArrayList<>()).add(r);
      if (r.unit() != null) unitRows.put(r.unit(), r);
    }
    regions.replaceAll((k, v) -> List.copyOf(v));
    this.byRegion = regions;
    this.byUnit = unitRows;
  }

  /** When InfluxDB was read. */
  Instant readAt() {
    return readAt;
  }

  /** The caller's answer, shared with every caller of the same regions and units. */
  OccupancyAnswer answerFor(Principal caller) {
    return answers.computeIfAbsent(
        new Scope(caller.regions(), caller.units()),
        scope -> new OccupancyAnswer(new OccupancyNow(readAt.toString(), visibleTo(caller))));
  }

  /**
   * Every unit the caller may see ({@link Principal#mayView}), in {@link OccupancyRow#BOARD_ORDER}.
   */
  List<OccupancyRow> visibleTo(Principal caller) {
    if (caller.seesEverything()) return units;
    List<OccupancyRow> out = new ArrayList<>();
    // Regions in the snapshot's (sorted) order keep the rows sorted without a sort.
    if (!caller.regions().isEmpty()) {
      for (Map.Entry<String, List<OccupancyRow>> e : byRegion.entrySet()) {
        if (caller.regions().contains(e.getKey())) out.addAll(e.getValue());
      }
    }
    boolean added = false;
    for (String unit : caller.units()) {
      OccupancyRow r = byUnit.get(unit);
      if (r != null && (r.region() == null || !caller.regions().contains(r.region()))) {
        out.add(r);
        added = true;
      }
    }
    if (added) out.sort(OccupancyRow.BOARD_ORDER);
    return out;
  }
}
