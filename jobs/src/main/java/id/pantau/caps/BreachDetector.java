package id.pantau.caps;

import id.pantau.jobs.KeyedState;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Opens a breach only after its condition has held for the policy's dwell time (no flapping) and
 * closes it when the condition stops holding, with its duration. Occupancy points arrive in
 * event-time order per unit and the condition is constant between them, so the times are exact. The
 * dwell is the one in force at the latest point: a policy change while a condition holds moves the
 * moment it opens. The `present` of a breach is the latest; `worst` is the most over a cap (the
 * fewest under a floor) while it held.
 */
public class BreachDetector extends KeyedProcessFunction<String, OccupancyStatus, Breach> {
  private transient ValueState<BreachState> overCap;
  private transient ValueState<BreachState> underFloor;

  @Override
  public void open(OpenContext ctx) {
    overCap = KeyedState.value(getRuntimeContext(), "over-cap", BreachState.class);
    underFloor = KeyedState.value(getRuntimeContext(), "under-floor", BreachState.class);
  }

  @Override
  public void processElement(OccupancyStatus s, Context ctx, Collector<Breach> out)
      throws Exception {
    // A provisional point is overwritten by the exact one at the same second: act on that one.
    if (s.provisional) return;
    int cap = s.cap == null ? 0 : s.cap;
    track(Breach.OVER_CAP, overCap, underFloor, s.overCap(), cap, s, ctx, out);
    track(Breach.UNDER_FLOOR, underFloor, overCap, s.underFloor(), s.floor, s, ctx, out);
  }

  private void track(
      String kind,
      ValueState<BreachState> state,
      ValueState<BreachState> other,
      boolean holds,
      int limit,
      OccupancyStatus s,
      Context ctx,
      Collector<Breach> out)
      throws Exception {
    BreachState b = state.value();
    // The dwell may have ended before this point while the watermark has not yet fired its timer.
    if (b != null && !b.open && b.dueAt <= s.timeMs) openBreach(kind, b, ctx.getCurrentKey(), out);
    if (holds) {
      if (b == null) {
        b = new BreachState();
        b.since = s.timeMs;
        b.region = s.region; // kept: with unit and kind it names the breach's InfluxDB point
        b.dueAt = s.timeMs + s.dwellS * 1000L;
        b.worst = s.present;
        ctx.timerService().registerEventTimeTimer(b.dueAt);
      } else if (!b.open && b.since + s.dwellS * 1000L != b.dueAt) {
        // The region's dwell changed while the condition held: the policy in force now decides.
        deleteTimer(ctx, b.dueAt, other);
        b.dueAt = b.since + s.dwellS * 1000L;
        ctx.timerService().registerEventTimeTimer(b.dueAt);
      }
      b.limit = limit;
      b.present = s.present;
      b.worst =
          Breach.OVER_CAP.equals(kind)
              ? Math.max(b.worst, s.present)
              : Math.min(b.worst, s.present);
      b.unscheduled = s.unscheduled;
      b.unscheduledNips = s.unscheduledNips;
      if (!b.open && b.dueAt <= s.timeMs) openBreach(kind, b, ctx.getCurrentKey(), out);
      state.update(b);
    } else if (b != null) {
      if (b.open) {
        Breach closed = breach(kind, b, ctx.getCurrentKey());
        closed.open = false;
        closed.endedAtMs = s.timeMs;
        closed.present = s.present;
        closed.durationS = (s.timeMs - b.since) / 1000;
        out.collect(closed);
      }
      // Also when it opened just above: its timer has not fired yet, and nothing is left to fire.
      deleteTimer(ctx, b.dueAt, other);
      state.clear();
    }
  }

  /**
   * Deletes a dwell timer unless the other condition waits for the same moment: a key has one timer
   * per timestamp, so both conditions starting at one point share it.
   */
  private static void deleteTimer(Context ctx, long t, ValueState<BreachState> other)
      throws Exception {
    BreachState o = other.value();
    if (o == null || o.open || o.dueAt != t) ctx.timerService().deleteEventTimeTimer(t);
  }

  @Override
  public void onTimer(long t, OnTimerContext ctx, Collector<Breach> out) throws Exception {
    fire(Breach.OVER_CAP, overCap, t, ctx, out);
    fire(Breach.UNDER_FLOOR, underFloor, t, ctx, out);
  }

  private void fire(
      String kind, ValueState<BreachState> state, long t, OnTimerContext ctx, Collector<Breach> out)
      throws Exception {
    BreachState b = state.value();
    if (b == null || b.open || b.dueAt != t) return;
    openBreach(kind, b, ctx.getCurrentKey(), out);
    state.update(b);
  }

  private void openBreach(String kind, BreachState b, String unitId, Collector<Breach> out) {
    b.open = true;
    Breach opened = breach(kind, b, unitId);
    opened.open = true;
    opened.durationS = (b.dueAt - b.since) / 1000;
    out.collect(opened);
  }

  private static Breach breach(String kind, BreachState b, String unitId) {
    Breach x = new Breach();
    x.unitId = unitId;
    x.region = b.region;
    x.kind = kind;
    x.startedAtMs = b.since;
    x.limit = b.limit;
    x.present = b.present;
    x.worst = b.worst;
    x.unscheduled = b.unscheduled;
    x.unscheduledNips = b.unscheduledNips;
    return x;
  }
}
