package id.pantau.compliance;

import id.pantau.jobs.KeyedState;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Counts per unit, local date and window (keyed by {@link #key}): each result adds its status and
 * retracts the one it replaces, and the figures go out on every change. Dropped with a timer when
 * the employees' state of the date is dropped.
 */
public class UnitWindowCounter extends KeyedProcessFunction<String, WindowResult, ComplianceCount> {
  private transient ValueState<ComplianceCount> count;

  public static String key(WindowResult r) {
    return r.unitId + "|" + r.date + "|" + r.window;
  }

  @Override
  public void open(OpenContext ctx) {
    count = KeyedState.value(getRuntimeContext(), "count", ComplianceCount.class);
  }

  @Override
  public void processElement(WindowResult r, Context ctx, Collector<ComplianceCount> out)
      throws Exception {
    ComplianceCount c = count.value();
    if (c == null) {
      c = new ComplianceCount();
      c.unitId = r.unitId;
      c.region = r.region;
      c.date = r.date;
      c.window = r.window;
    }
    // The policy's deadline for all of a unit's attendance, crews' shifts included: one point.
    c.timeMs = r.countAtMs != 0 ? r.countAtMs : r.windowEndMs;
    if (r.dropAtMs > c.dropAtMs) {
      c.dropAtMs = r.dropAtMs;
      ctx.timerService().registerEventTimeTimer(r.dropAtMs);
    }
    c.apply(r.previousStatus, -1);
    c.apply(r.status, 1);
    count.update(c);
    out.collect(c.copy());
  }

  @Override
  public void onTimer(long t, OnTimerContext ctx, Collector<ComplianceCount> out) throws Exception {
    ComplianceCount c = count.value();
    if (c != null && c.dropAtMs <= t) count.clear();
  }
}
