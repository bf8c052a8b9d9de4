package id.pantau.caps;

import id.pantau.events.Policy;
import id.pantau.events.ZoneChange;
import id.pantau.events.ZoneLevel;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The broadcast rule versions of each region sorted, and the policies folded, once per change
 * instead of at every occupancy point (which read them as {@link RegionRules} does, with the same
 * results). Derived from the broadcast state: {@link #clear} when a version arrives, rebuilt at the
 * next read, also after a restore.
 */
final class RulesAt {
  private static final Policy SEED = Policy.seed();
  private static final int SEED_START_S = secondOfDay(SEED.serviceHours[0]);
  private static final int SEED_END_S = secondOfDay(SEED.serviceHours[1]);

  private final Map<String, Region> regions = new HashMap<>();
  private final Map<String, ZoneId> zones = new HashMap<>();

  interface Source {
    Iterable<Map.Entry<String, ZoneChange>> zones() throws Exception;

    Iterable<Map.Entry<String, Policy>> policies() throws Exception;
  }

  private static final class Region {
    long[] zoneFrom;
    ZoneLevel[] levels;
    long[] policyFrom;
    Policy[] folded; // folded[i]: the seed with versions 0..i over it
    int[] serviceStartS; // per folded policy, seconds of the local day
    int[] serviceEndS;
  }

  void clear() {
    regions.clear();
  }

  ZoneLevel levelAt(Source src, String region, long t) throws Exception {
    Region r = region(src, region);
    int i = lastAtOrBefore(r.zoneFrom, t);
    return i < 0 ? null : r.levels[i];
  }

  Policy policyAt(Source src, String region, long t) throws Exception {
    Region r = region(src, region);
    int i = lastAtOrBefore(r.policyFrom, t);
    return i < 0 ? SEED : r.folded[i];
  }

  /** Whether t falls in the service hours of the policy in force, in the unit's time zone. */
  boolean inServiceHours(Source src, String region, long t, String timeZone) throws Exception {
    Region r = region(src, region);
    int i = lastAtOrBefore(r.policyFrom, t);
    int start, end;
    if (i < 0) {
      start = SEED_START_S;
      end = SEED_END_S;
    } else {
      start = r.serviceStartS[i];
      end = r.serviceEndS[i];
    }
    ZoneId zone = zones.computeIfAbsent(timeZone, ZoneId::of);
    Instant at = Instant.ofEpochMilli(t);
    long local = Math.floorDiv(t, 1000L) + zone.getRules().getOffset(at).getTotalSeconds();
    int s = (int) Math.floorMod(local, 86_400L);
    return s >= start && s < end;
  }

  private Region region(Source src, String region) throws Exception {
    Region r = regions.get(region);
    if (r != null) return r;
    r = new Region();
    List<ZoneChange> zs = new ArrayList<>();
    for (Map.Entry<String, ZoneChange> e : src.zones()) {
      if (e.getValue().region.equals(region)) zs.add(e.getValue());
    }
    zs.sort(Comparator.comparingLong(z -> z.effectiveFromMs)); // stable: the later read wins a tie
    r.zoneFrom = new long[zs.size()];
    r.levels = new ZoneLevel[zs.size()];
    for (int i = 0; i < zs.size(); i++) {
      r.zoneFrom[i] = zs.get(i).effectiveFromMs;
      r.levels[i] = zs.get(i).level;
    }
    List<Policy> ps = new ArrayList<>();
    for (Map.Entry<String, Policy> e : src.policies()) {
      if (e.getValue().region.equals(region)) ps.add(e.getValue());
    }
    ps.sort(Comparator.comparingLong(p -> p.effectiveFromMs));
    int n = ps.size();
    r.policyFrom = new long[n];
    r.folded = new Policy[n];
    r.serviceStartS = new int[n];
    r.serviceEndS = new int[n];
    Policy folded = SEED;
    for (int i = 0; i < n; i++) {
      folded = ps.get(i).over(folded);
      r.policyFrom[i] = ps.get(i).effectiveFromMs;
      r.folded[i] = folded;
      r.serviceStartS[i] = secondOfDay(folded.serviceHours[0]);
      r.serviceEndS[i] = secondOfDay(folded.serviceHours[1]);
    }
    regions.put(region, r);
    return r;
  }

  /** The index of the last moment at or before t (ties: the last), or -1. */
  private static int lastAtOrBefore(long[] from, long t) {
    int i = from.length - 1;
    while (i >= 0 && from[i] > t) i--;
    return i;
  }

  private static int secondOfDay(String hhmm) {
    return LocalTime.parse(hhmm).toSecondOfDay();
  }
}
