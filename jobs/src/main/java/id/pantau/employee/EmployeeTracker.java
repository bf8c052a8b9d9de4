package id.pantau.employee;

import id.pantau.compliance.CheckinTracker;
import id.pantau.compliance.WindowResult;
import id.pantau.events.Alert;
import id.pantau.events.AttendanceEvent;
import id.pantau.events.LocationPing;
import id.pantau.events.Policy;
import id.pantau.events.Region;
import id.pantau.events.RosterEntry;
import id.pantau.events.Unit;
import id.pantau.jobs.UnitWait;
import id.pantau.jobs.WaitsForUnits;
import id.pantau.location.Fix;
import id.pantau.location.FixRules;
import id.pantau.serial.OneOf;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RuntimeContext;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.TimeDomain;
import org.apache.flink.streaming.api.functions.co.KeyedBroadcastProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Everything Pantau decides per employee, in one keyed operator (keyed by NIP): check-in compliance
 * ({@link CheckinTracker}) and the per-fix location rules ({@link FixRules}) side by side, so each
 * check-in and ping crosses one shuffle by NIP and is deserialized once, instead of once for each.
 * The two keep their own state (their state names differ) and their own copies of the broadcast
 * units; each reads the facts it needs: the check-ins, pings and roster rows for compliance, the
 * fixes (check-ins and pings with a location) and roster rows for the location rules.
 *
 * <p>Their event-time timers share the key's timer service, so each also sees the other's moments.
 * Both are built for that: compliance derives every window's status from its facts at the moment (a
 * moment with no change of its own emits nothing), and the location rules judge what event time has
 * passed. Processing-time timers are compliance's alone (the wait for a unit).
 *
 * <p>Check-in results are the main output, location alerts go to {@link #LOCATION_ALERTS}, dead
 * letters to {@link CheckinTracker#DEAD_LETTERS}.
 */
public class EmployeeTracker
    extends KeyedBroadcastProcessFunction<
        String,
        OneOf<AttendanceEvent, LocationPing, RosterEntry>,
        OneOf<Unit, Policy, Region>,
        WindowResult>
    implements WaitsForUnits {
  public static final OutputTag<Alert> LOCATION_ALERTS =
      new OutputTag<>("location-alerts", TypeInformation.of(Alert.class));

  private final CheckinTracker checkins;
  private final FixRules fixes;
  private transient LocationAlerts alerts;

  public EmployeeTracker(CheckinTracker checkins, FixRules fixes) {
    this.checkins = checkins;
    this.fixes = fixes;
  }

  @Override
  public void setRuntimeContext(RuntimeContext ctx) {
    super.setRuntimeContext(ctx);
    checkins.setRuntimeContext(ctx);
    fixes.setRuntimeContext(ctx);
  }

  @Override
  public UnitWait unitWait() {
    return checkins.unitWait();
  }

  @Override
  public void open(OpenContext ctx) throws Exception {
    alerts = new LocationAlerts();
    checkins.open(ctx);
    fixes.open(ctx);
  }

  @Override
  public void close() throws Exception {
    checkins.close();
    fixes.close();
  }

  @Override
  public void processBroadcastElement(
      OneOf<Unit, Policy, Region> ref, Context ctx, Collector<WindowResult> out) throws Exception {
    if (ref.value() instanceof Unit u) {
      checkins.processBroadcastElement(OneOf.first(u), as(ctx), out);
      fixes.processBroadcastElement(OneOf.first(u), as(ctx), alerts.to(ctx));
    } else if (ref.value() instanceof Policy p) {
      checkins.processBroadcastElement(OneOf.second(p), as(ctx), out);
    } else if (ref.value() instanceof Region r) {
      fixes.processBroadcastElement(OneOf.second(r), as(ctx), alerts.to(ctx));
    }
  }

  @Override
  public void processElement(
      OneOf<AttendanceEvent, LocationPing, RosterEntry> fact,
      ReadOnlyContext ctx,
      Collector<WindowResult> out)
      throws Exception {
    checkins.processElement(fact, as(ctx), out);
    Object v = fact.value();
    if (v instanceof RosterEntry r) {
      // Every row, so a row without homeRegion replaces one with it.
      fixes.processElement(OneOf.second(r), as(ctx), alerts.to(ctx));
      return;
    }
    Fix f = v instanceof AttendanceEvent e ? Fix.of(e) : Fix.of((LocationPing) v);
    if (f != null) fixes.processElement(OneOf.first(f), as(ctx), alerts.to(ctx));
  }

  @Override
  public void onTimer(long t, OnTimerContext ctx, Collector<WindowResult> out) throws Exception {
    checkins.onTimer(t, as(ctx), out);
    if (ctx.timeDomain() == TimeDomain.EVENT_TIME) fixes.onTimer(t, as(ctx), alerts.to(ctx));
  }

  /**
   * The location rules' alerts, to the side output of the call at hand: one collector for the
   * operator, pointed at each call's context, rather than one made per fact.
   */
  private final class LocationAlerts implements Collector<Alert> {
    private ReadOnlyContext element; // a fact's or a timer's
    private Context broadcast; // a unit's or a region's

    Collector<Alert> to(ReadOnlyContext ctx) {
      element = ctx;
      broadcast = null;
      return this;
    }

    Collector<Alert> to(Context ctx) {
      broadcast = ctx;
      element = null;
      return this;
    }

    @Override
    public void collect(Alert a) {
      if (broadcast != null) broadcast.output(LOCATION_ALERTS, a);
      else element.output(LOCATION_ALERTS, a);
    }

    @Override
    public void close() {}
  }

  /**
   * This operator's context as the context of one of the two functions: the same operator's
   * context, whose calls (timers, broadcast state, side outputs) do not depend on the function's
   * input and output types.
   */
  @SuppressWarnings("unchecked")
  private static <C> C as(Object ctx) {
    return (C) ctx;
  }
}
