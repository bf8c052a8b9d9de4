package id.pantau.sim.truth;

import id.pantau.sim.CityUnit;
import id.pantau.sim.truth.GroundTruth.Breach;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * The breaches of one unit over its local date (README, "Caps, floors and breaches"): OVER_CAP
 * while present &gt; cap, UNDER_FLOOR while present &lt; a floor above 0, each a breach once it has
 * held for the dwell; it ends when the condition stops. The condition can only change where the
 * count changes or a rule changes (zone change, service hours), so those instants decide exactly.
 */
final class Breaches {
  private Breaches() {}

  static List<Breach> of(CityUnit u, Presence p, Rules rules) {
    TreeSet<Long> moments = new TreeSet<>(p.changes());
    for (long t : rules.ruleChanges(u)) {
      if (t >= p.dayStartMs() && t < p.dayEndMs()) moments.add(t);
    }
    List<Breach> out = new ArrayList<>();
    for (String kind : List.of("OVER_CAP", "UNDER_FLOOR")) {
      Long since = null;
      int limit = 0, worst = 0;
      for (long t : moments) {
        int present = p.at(t);
        int cap = rules.cap(u, t);
        int floor = rules.floor(u, t);
        boolean holds = kind.equals("OVER_CAP") ? present > cap : floor > 0 && present < floor;
        if (holds) {
          if (since == null) {
            since = t;
            worst = present;
          }
          limit = kind.equals("OVER_CAP") ? cap : floor;
          worst = kind.equals("OVER_CAP") ? Math.max(worst, present) : Math.min(worst, present);
        } else if (since != null) {
          if (t - since >= rules.dwellMs())
            out.add(new Breach(u.unitId(), kind, since, t, limit, worst));
          since = null;
        }
      }
      // Still holding at the end of the date: at local midnight the count starts again from 0.
      if (since != null) {
        boolean endsAtMidnight = kind.equals("OVER_CAP");
        long end = p.dayEndMs();
        if (end - since >= rules.dwellMs()) {
          out.add(new Breach(u.unitId(), kind, since, endsAtMidnight ? end : null, limit, worst));
        }
      }
    }
    return out;
  }
}
