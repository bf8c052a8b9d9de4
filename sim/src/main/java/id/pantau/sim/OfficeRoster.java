package id.pantau.sim;

import id.pantau.events.ZoneLevel;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Who of a unit's office-hours staff is rostered in the office on a day: a rotating piket (Tangsel
 * 000) around the cap of the region's zone, with a margin above the floor of an essential unit.
 */
final class OfficeRoster {
  private OfficeRoster() {}

  /**
   * Which of {@code staff} (by index) work from the office today; rota staff are never picked here
   * (they always work WFO), though the morning crew counts toward an essential unit's floor.
   */
  static boolean[] inOffice(
      CityUnit unit, List<Employee> staff, long epochDay, boolean weekendOff, Rng unitRng) {
    int n = staff.size();
    List<Integer> order = new ArrayList<>(n);
    int morningCrew = 0;
    for (int i = 0; i < n; i++) {
      Employee e = staff.get(i);
      if (!e.onRota()) order.add(i);
      else if (Shift.ofCrew(e.crew(), epochDay) == Shift.MORNING) morningCrew++;
    }
    int wfo = officeCount(unit, order.size(), n, morningCrew, weekendOff, unitRng);
    for (int i = order.size() - 1; i > 0; i--) {
      Collections.swap(order, i, unitRng.nextInt(i + 1));
    }
    boolean[] inOffice = new boolean[n];
    for (int i = 0; i < wfo; i++) inOffice[order.get(i)] = true;
    return inOffice;
  }

  /**
   * How many of the unit's office-hours staff are rostered in the office today. The morning crew of
   * a round-the-clock unit counts towards its floor.
   */
  private static int officeCount(
      CityUnit unit, int nOffice, int n, int morningCrew, boolean weekendOff, Rng r) {
    if (weekendOff) {
      if (!unit.essential()) return 0;
      return clamp(unit.minPresent() + r.between(1, 3) - morningCrew, 0, nOffice);
    }
    // Heads of units roster around the cap of the zone, some a little over it.
    double share = wfoCapPercent(unit.region().level()) / 100.0 * r.uniform(0.82, 1.05);
    int wfo = (int) Math.round(nOffice * share);
    if (unit.essential()) {
      // Essential services keep a margin above their floor, so a few absences do not break it.
      wfo = Math.max(wfo, unit.minPresent() + (int) Math.ceil(0.1 * n) - morningCrew);
    }
    return clamp(wfo, 0, nOffice);
  }

  /**
   * The share of a unit's staff that may be in the office in a zone (Kota Tangerang, SE MenPAN-RB
   * 67/2020), which unit heads roster around. The sim decides who works from the office with it;
   * the jobs take their caps from the policies, never from here.
   */
  static int wfoCapPercent(ZoneLevel level) {
    return switch (level) {
      case LOW -> 75;
      case MEDIUM -> 50;
      case HIGH -> 25;
    };
  }

  private static int clamp(int v, int lo, int hi) {
    return Math.max(lo, Math.min(hi, v));
  }
}
