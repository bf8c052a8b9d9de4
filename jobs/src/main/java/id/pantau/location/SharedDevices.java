package id.pantau.location;

import static id.pantau.location.LocationAlerts.*;

import id.pantau.events.Alert;
import id.pantau.events.Unit;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.co.KeyedBroadcastProcessFunction;
import org.apache.flink.util.Collector;

/**
 * SHARED_DEVICE (keyed by deviceId): the NIPs seen on a device in one local day (the unit's time
 * zone); every NIP after the first raises one alert. The day's set is dropped by an event-time
 * timer at the end of the day. Fixes of an earlier day than the one kept are ignored.
 */
public class SharedDevices extends KeyedBroadcastProcessFunction<String, Fix, Unit, Alert> {
  public static final MapStateDescriptor<String, Unit> UNITS =
      new MapStateDescriptor<>("shared-device-units", Types.STRING, TypeInformation.of(Unit.class));

  private final LocationRules rules;
  private transient ValueState<DeviceDay> day;
  private transient MapState<String, Boolean> nips;
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
    day =
        getRuntimeContext()
            .getState(
                new ValueStateDescriptor<>("device-day", TypeInformation.of(DeviceDay.class)));
    nips =
        getRuntimeContext()
            .getMapState(new MapStateDescriptor<>("device-nips", Types.STRING, Types.BOOLEAN));
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
    if (current == null) {
      day.update(new DeviceDay(date, endMs));
      ctx.timerService().registerEventTimeTimer(endMs);
    }
    if (nips.contains(f.nip)) return;
    List<String> others = new ArrayList<>();
    for (String n : nips.keys()) others.add(n);
    nips.put(f.nip, true);
    if (!others.isEmpty()) {
      others.sort(null);
      out.collect(
          raise(
              SHARED_DEVICE,
              f,
              unit,
              zone,
              "device "
                  + f.deviceId
                  + " also used on "
                  + date
                  + " by "
                  + String.join(", ", others)));
    }
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
