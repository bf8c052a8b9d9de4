package id.pantau.caps;

import id.pantau.jobs.KeyedState;
import id.pantau.occupancy.OccupancyUpdate;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.functions.RuntimeContext;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.typeutils.ListTypeInfo;
import org.apache.flink.streaming.api.TimerService;

/**
 * A bounded replay's occupancy points of one unit waiting for event time to pass them, kept by
 * their time ({@code waiting-by-time}: time → the points of that time in the order they came), with
 * one event-time timer per time. A point costs one entry and a timer fires for the points of its
 * own moment: nothing is read whole, so the cost does not grow with how many points wait (the list
 * this replaces was read and rewritten whole at every timer, the square of the points waiting).
 *
 * <p>The former layout ({@code waiting-for-rules}, one list per unit) is read once by key: at the
 * key's first timer after a restore its points move to their times, each of which has its timer
 * from before. Only a restored job looks for it.
 */
final class WaitingPoints {
  private final MapState<Long, List<OccupancyUpdate>> byTime;
  private final ListState<OccupancyUpdate> former;
  private final boolean restored;

  WaitingPoints(RuntimeContext ctx, boolean restored) {
    TypeInformation<OccupancyUpdate> point = TypeInformation.of(OccupancyUpdate.class);
    byTime = KeyedState.map(ctx, "waiting-by-time", Types.LONG, new ListTypeInfo<>(point));
    former = KeyedState.list(ctx, "waiting-for-rules", point);
    this.restored = restored;
  }

  /** Keeps a point until event time passes it; the first of its moment sets a timer there. */
  void add(OccupancyUpdate u, TimerService timers) throws Exception {
    List<OccupancyUpdate> at = byTime.get(u.timeMs);
    if (at == null) {
      at = new ArrayList<>(1);
      timers.registerEventTimeTimer(u.timeMs);
    }
    at.add(u);
    byTime.put(u.timeMs, at);
  }

  /**
   * Takes the points of the timer's moment, in the order they came. Timers fire in time order and
   * each waiting moment has one, so no earlier point is left when a moment's timer fires.
   */
  List<OccupancyUpdate> take(long t) throws Exception {
    if (restored) moveFormer();
    List<OccupancyUpdate> at = byTime.get(t);
    if (at == null) return List.of();
    byTime.remove(t);
    return at;
  }

  /** The points the former layout kept, to their times, ahead of those that came since. */
  private void moveFormer() throws Exception {
    Iterable<OccupancyUpdate> kept = former.get();
    if (kept == null || !kept.iterator().hasNext()) return;
    List<OccupancyUpdate> old = new ArrayList<>();
    kept.forEach(old::add);
    former.clear();
    for (int i = old.size() - 1; i >= 0; i--) {
      OccupancyUpdate u = old.get(i);
      List<OccupancyUpdate> at = byTime.get(u.timeMs);
      List<OccupancyUpdate> moved = new ArrayList<>(at == null ? 1 : at.size() + 1);
      moved.add(u);
      if (at != null) moved.addAll(at);
      byTime.put(u.timeMs, moved);
    }
  }
}
