package id.pantau.location;

import static id.pantau.location.LocationAlerts.*;

import id.pantau.events.Alert;
import id.pantau.events.Unit;
import id.pantau.jobs.KeyedState;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.co.KeyedBroadcastProcessFunction;
import org.apache.flink.util.Collector;

/**
 * SHARED_DEVICE (keyed by deviceId): the NIPs seen on a device in one local day (the unit's time
 * zone); every NIP after the first raises one alert. The day's set is dropped by an event-time
 * timer at the end of the day. Fixes of an earlier day than the one kept are ignored.
 *
 * <p>State: {@code device-day} holds the day, its end and, since the compaction, the day's NIPs
 * ({@link DeviceDay#nips}), so a fix costs one state read. Earlier versions kept the NIPs in the
 * map state {@code device-nips}; it is still registered, and a day restored from such a savepoint
 * (nips null) has its NIPs moved over on its next fix (or dropped with the day).
 */
public class SharedDevices extends KeyedBroadcastProcessFunction<String, Fix, Unit, Alert> {
  public static final MapStateDescriptor<String, Unit> UNITS =
      new MapStateDescriptor<>("shared-device-units", Types.STRING, TypeInformation.of(Unit.class));

  private final LocationRules rules;
  private transient ValueState<DeviceDay> day;
  private transient MapState<String, Boolean> nips; // legacy: the NIPs now live in DeviceDay
  private transient UnitZones zones;

  public SharedDevices(LocationRules rules) {
    this.rules = rules;
  }

  /** The key: the phone. */
  public static String deviceId(Fix f) {
    return f.deviceId;
  }

  @Override
  public void open(OpenContext ctx) {
    day = KeyedState.value(getRuntimeContext(), "device-day", DeviceDay.class);
    nips = KeyedState.map(getRuntimeContext(), "device-nips", Types.STRING, Types.BOOLEAN);
    zones = new UnitZones(rules.defaultZone());
  }

  @Override
  public void processBroadcastElement(Unit unit, Context ctx, Collector<Alert> out)
      throws Exception {
    FixRules.keepUnit(ctx.getBroadcastState(UNITS), unit);
    if (unit != null) zones.forget(unit.unitId);
  }

  @Override
  public void processElement(Fix f, ReadOnlyContext ctx, Collector<Alert> out) throws Exception {
    if (f.deviceId == null) return;
    UnitZones.UnitZone uz = zones.of(f.unitId, id -> ctx.getBroadcastState(UNITS).get(id));
    Unit unit = uz.unit;
    ZoneId zone = uz.zone;
    long endMs = uz.endOfDayMs(f.timeMs);
    if (endMs <= ctx.timerService().currentWatermark()) return; // the day is over
    String date = uz.dateText(f.timeMs);
    DeviceDay current = day.value();
    if (current != null) {
      int cmp = date.compareTo(current.date);
      if (cmp < 0) return; // an earlier day than the one kept
      if (cmp > 0) {
        ctx.timerService().deleteEventTimeTimer(current.endMs);
        clear();
        current = null;
      }
    }
    String[] seen;
    boolean changed = false;
    if (current == null) {
      ctx.timerService().registerEventTimeTimer(endMs);
      seen = NONE;
      changed = true;
    } else if (current.nips == null) {
      seen = legacyNips(); // kept in the map state of earlier versions
      changed = true;
    } else {
      seen = current.nips;
    }
    boolean known = contains(seen, f.nip);
    if (changed || !known) {
      DeviceDay next = new DeviceDay(date, current == null ? endMs : current.endMs);
      next.nips = known ? seen : append(seen, f.nip);
      day.update(next);
    }
    if (known || seen.length == 0) return;
    String[] others = seen.clone();
    Arrays.sort(others);
    out.collect(
        raise(
            SHARED_DEVICE,
            f,
            unit,
            zone,
            "device " + f.deviceId + " also used on " + date + " by " + String.join(", ", others)));
  }

  private static final String[] NONE = new String[0];

  private static boolean contains(String[] nips, String nip) {
    for (String n : nips) if (n.equals(nip)) return true;
    return false;
  }

  private static String[] append(String[] nips, String nip) {
    String[] more = Arrays.copyOf(nips, nips.length + 1);
    more[nips.length] = nip;
    return more;
  }

  /** The NIPs of a day written by an earlier version, moved out of the legacy map state. */
  private String[] legacyNips() throws Exception {
    List<String> legacy = new ArrayList<>();
    for (String n : nips.keys()) legacy.add(n);
    nips.clear();
    return legacy.toArray(NONE);
  }

  @Override
  public void onTimer(long t, OnTimerContext ctx, Collector<Alert> out) throws Exception {
    DeviceDay current = day.value();
    if (current != null && current.endMs <= t) clear();
  }

  private void clear() {
    day.clear();
    nips.clear();
  }
}
