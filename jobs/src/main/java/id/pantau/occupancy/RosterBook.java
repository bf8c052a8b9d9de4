package id.pantau.occupancy;

import id.pantau.events.RosterEntry;
import id.pantau.events.RosterMode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.functions.RuntimeContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;

/** A unit's rosters by local date, in keyed state, with the count scheduled in the office. */
final class RosterBook {
  private final MapState<String, RosterMode> modes; // date|nip -> mode
  private final MapState<String, Integer> inOffice; // date -> scheduled WFO or PIKET

  RosterBook(RuntimeContext ctx) {
    modes =
        ctx.getMapState(
            new MapStateDescriptor<>("roster", Types.STRING, TypeInformation.of(RosterMode.class)));
    inOffice =
        ctx.getMapState(new MapStateDescriptor<>("roster-in-office", Types.STRING, Types.INT));
  }

  /** Records a row (a later row for the same employee and date replaces the earlier one). */
  void record(RosterEntry e) throws Exception {
    String key = e.date + "|" + e.nip;
    RosterMode before = modes.get(key);
    modes.put(key, e.mode);
    int delta = (e.mode.inOffice() ? 1 : 0) - (before != null && before.inOffice() ? 1 : 0);
    Integer count = inOffice.get(e.date);
    inOffice.put(e.date, (count == null ? 0 : count) + delta);
  }

  /** Scheduled in the office on the date, or null when the unit has no roster for it. */
  Integer scheduledInOffice(String date) throws Exception {
    return inOffice.get(date);
  }

  boolean isScheduledInOffice(String date, String nip) throws Exception {
    RosterMode m = modes.get(date + "|" + nip);
    return m != null && m.inOffice();
  }

  List<String> dates() throws Exception {
    List<String> out = new ArrayList<>();
    for (String d : inOffice.keys()) out.add(d);
    return out;
  }

  /** Forgets the days before the date (ISO dates sort as strings). */
  void dropBefore(String date) throws Exception {
    for (Iterator<Map.Entry<String, RosterMode>> it = modes.iterator(); it.hasNext(); ) {
      if (it.next().getKey().compareTo(date) < 0) it.remove();
    }
    for (Iterator<Map.Entry<String, Integer>> it = inOffice.iterator(); it.hasNext(); ) {
      if (it.next().getKey().compareTo(date) < 0) it.remove();
    }
    if (modes.isEmpty()) modes.clear();
    if (inOffice.isEmpty()) inOffice.clear();
  }
}
