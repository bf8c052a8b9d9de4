package id.pantau.caps;

import id.pantau.events.Policy;
import id.pantau.events.ZoneChange;
import id.pantau.events.ZoneLevel;
import id.pantau.serial.OneOf;
import id.pantau.serial.OneOfType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ReadOnlyBroadcastState;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.co.KeyedBroadcastProcessFunction;

/**
 * The broadcast rule versions and how to read them at a moment: the zone level in force, and the
 * policy folded from the seed and every version up to that moment.
 */
public final class RegionRules {
  public static final MapStateDescriptor<String, ZoneChange> ZONES =
      new MapStateDescriptor<>("zones", Types.STRING, TypeInformation.of(ZoneChange.class));
  public static final MapStateDescriptor<String, Policy> POLICIES =
      new MapStateDescriptor<>("policies", Types.STRING, TypeInformation.of(Policy.class));

  /** A region-wide rule version, broadcast to every unit: a zone level or a policy. */
  public static final OneOfType<ZoneChange, Policy, Void> CHANGES =
      OneOfType.of(TypeInformation.of(ZoneChange.class), TypeInformation.of(Policy.class));

  private static final Policy SEED = Policy.seed();

  private RegionRules() {}

  /** Keeps a rule version in the broadcast state. */
  static void keep(
      OneOf<ZoneChange, Policy, Void> change, KeyedBroadcastProcessFunction<?, ?, ?, ?>.Context ctx)
      throws Exception {
    if (change.value() instanceof ZoneChange z) ctx.getBroadcastState(ZONES).put(z.key(), z);
    if (change.value() instanceof Policy p) ctx.getBroadcastState(POLICIES).put(p.key(), p);
  }

  /** The zone level in force, or null when the region has none yet. */
  public static ZoneLevel levelAt(
      Iterable<Map.Entry<String, ZoneChange>> zones, String region, long t) {
    ZoneChange best = null;
    for (Map.Entry<String, ZoneChange> e : zones) {
      ZoneChange z = e.getValue();
      if (z.region.equals(region)
          && z.effectiveFromMs <= t
          && (best == null || z.effectiveFromMs >= best.effectiveFromMs)) {
        best = z;
      }
    }
    return best == null ? null : best.level;
  }

  public static Policy policyAt(
      Iterable<Map.Entry<String, Policy>> policies, String region, long t) {
    List<Policy> versions = new ArrayList<>();
    for (Map.Entry<String, Policy> e : policies) {
      Policy p = e.getValue();
      if (p.region.equals(region) && p.effectiveFromMs <= t) versions.add(p);
    }
    versions.sort(Comparator.comparingLong(p -> p.effectiveFromMs));
    Policy folded = SEED;
    for (Policy p : versions) folded = p.over(folded);
    return folded;
  }

  public static ZoneLevel levelAt(
      ReadOnlyBroadcastState<String, ZoneChange> zones, String region, long t) throws Exception {
    return levelAt(zones.immutableEntries(), region, t);
  }

  public static Policy policyAt(
      ReadOnlyBroadcastState<String, Policy> policies, String region, long t) throws Exception {
    return policyAt(policies.immutableEntries(), region, t);
  }

  /** floor(headcount × percent / 100): the most staff allowed in the office. */
  public static int cap(int headcount, int percent) {
    return (int) Math.floor(headcount * (double) percent / 100.0);
  }
}
