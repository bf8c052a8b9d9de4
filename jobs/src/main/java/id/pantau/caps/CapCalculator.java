package id.pantau.caps;

import id.pantau.events.DeadLetter;
import id.pantau.events.Json;
import id.pantau.events.Policy;
import id.pantau.events.Topics;
import id.pantau.events.ZoneChange;
import id.pantau.events.ZoneLevel;
import id.pantau.occupancy.OccupancyUpdate;
import id.pantau.serial.OneOf;
import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.state.FunctionInitializationContext;
import org.apache.flink.runtime.state.FunctionSnapshotContext;
import org.apache.flink.streaming.api.checkpoint.CheckpointedFunction;
import org.apache.flink.streaming.api.functions.co.KeyedBroadcastProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Puts the cap and the floor in force at each occupancy point: the cap from the zone level of the
 * unit's region (or the exposure level while the unit has a confirmed case), the floor from the
 * unit's minPresent during service hours in its own time zone. Rules are versions broadcast from
 * their topics, read at the point's event time, so a change applies from its effectiveFrom, also in
 * the middle of a day, and one for later waits.
 *
 * <p>In a bounded replay a point waits until event time passes it on both inputs: the rule topics
 * are read at their own pace, so a point read before its region's zone would otherwise get no cap
 * in one run and a cap in the next ({@link WaitingPoints}). Live, a point goes on at once
 * (freshness); a rule read late is a late rule there.
 */
public class CapCalculator
    extends KeyedBroadcastProcessFunction<
        String, OccupancyUpdate, OneOf<ZoneChange, Policy, Void>, OccupancyStatus>
    implements CheckpointedFunction {
  public static final OutputTag<DeadLetter> DEAD_LETTERS =
      new OutputTag<>("cap-dead-letters", TypeInformation.of(DeadLetter.class));

  private final boolean waitForRules;
  private transient ValueState<Boolean> reportedNoZone;
  private transient WaitingPoints waiting;
  private transient boolean restored;
  private transient RulesAt rules;
  private transient Versions versions;

  /** Live: each point goes on as it comes. */
  public CapCalculator() {
    this(false);
  }

  /**
   * @param waitForRules a bounded replay's: each point waits until event time passes it
   */
  public CapCalculator(boolean waitForRules) {
    this.waitForRules = waitForRules;
  }

  /** Whether the job started from a checkpoint or savepoint, which may hold a former layout. */
  @Override
  public void initializeState(FunctionInitializationContext ctx) {
    restored = ctx.isRestored();
  }

  @Override
  public void snapshotState(FunctionSnapshotContext ctx) {}

  @Override
  public void open(OpenContext ctx) {
    reportedNoZone =
        getRuntimeContext().getState(new ValueStateDescriptor<>("reported-no-zone", Types.BOOLEAN));
    waiting = new WaitingPoints(getRuntimeContext(), restored);
    rules = new RulesAt();
  }

  @Override
  public void processElement(OccupancyUpdate u, ReadOnlyContext ctx, Collector<OccupancyStatus> out)
      throws Exception {
    if (waitForRules && ctx.timerService().currentWatermark() < u.timeMs) {
      waiting.add(u, ctx.timerService());
      return;
    }
    apply(u, ctx, out);
  }

  /** The points of the moment event time has passed go on in the order they came. */
  @Override
  public void onTimer(long timestamp, OnTimerContext ctx, Collector<OccupancyStatus> out)
      throws Exception {
    for (OccupancyUpdate u : waiting.take(timestamp)) apply(u, ctx, out);
  }

  private void apply(OccupancyUpdate u, ReadOnlyContext ctx, Collector<OccupancyStatus> out)
      throws Exception {
    RulesAt.Source versions = versions(ctx);
    ZoneLevel level = rules.levelAt(versions, u.region, u.timeMs);
    Policy policy = rules.policyAt(versions, u.region, u.timeMs);
    Integer percent =
        u.exposed
            ? policy.capPercent.exposed
            : level == null ? null : policy.capPercent.forLevel(level);

    OccupancyStatus s = new OccupancyStatus(u.unitId, u.region, u.timeMs, u.present, u.headcount);
    s.cap = percent == null ? null : RegionRules.cap(u.headcount, percent);
    s.floor =
        u.essential && rules.inServiceHours(versions, u.region, u.timeMs, u.timeZone)
            ? u.minPresent
            : 0;
    s.dwellS = policy.breachDwellS;
    s.unscheduled = u.unscheduled;
    s.unscheduledNips = u.unscheduledNips;
    s.provisional = u.provisional;
    out.collect(s);

    if (level == null && !Boolean.TRUE.equals(reportedNoZone.value())) {
      reportedNoZone.update(true);
      DeadLetter d =
          DeadLetter.of(
              Topics.UNITS,
              Json.text(u.unitId),
              "region: no zone level known for region '"
                  + u.region
                  + "' of unit '"
                  + u.unitId
                  + "'; no zone cap applies until PUT /v1/zones/"
                  + u.region,
              "cap-calculator",
              u.timeMs); // the point's event time, so a replay counts it in the same minute
      d.key = u.unitId;
      ctx.output(DEAD_LETTERS, d);
    } else if (level != null && reportedNoZone.value() != null) {
      reportedNoZone.clear();
    }
  }

  /** The broadcast rule versions as RulesAt reads them, from the call at hand. */
  private RulesAt.Source versions(ReadOnlyContext ctx) {
    if (versions == null) versions = new Versions();
    versions.ctx = ctx;
    return versions;
  }

  /** One per operator, pointed at each call's context, rather than one made per point. */
  private static final class Versions implements RulesAt.Source {
    ReadOnlyContext ctx;

    @Override
    public Iterable<Map.Entry<String, ZoneChange>> zones() throws Exception {
      return ctx.getBroadcastState(RegionRules.ZONES).immutableEntries();
    }

    @Override
    public Iterable<Map.Entry<String, Policy>> policies() throws Exception {
      return ctx.getBroadcastState(RegionRules.POLICIES).immutableEntries();
    }
  }

  @Override
  public void processBroadcastElement(
      OneOf<ZoneChange, Policy, Void> change, Context ctx, Collector<OccupancyStatus> out)
      throws Exception {
    rules.clear();
    RegionRules.keep(change, ctx);
  }
}
