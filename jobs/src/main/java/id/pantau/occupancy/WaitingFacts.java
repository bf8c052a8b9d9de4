package id.pantau.occupancy;

import id.pantau.jobs.KeyedState;
import id.pantau.occupancy.DueSeconds.Due;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.apache.flink.api.common.functions.RuntimeContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.typeinfo.Types;

/**
 * A unit's facts that wait for the watermark, in keyed state by the second they fall due, and the
 * seconds in order beside it (read from the state once per unit, then kept with every change), so
 * finding the next second due does not walk them all.
 */
final class WaitingFacts {
  // due second -> (nip@time -> PresenceMark)
  private final MapState<Long, Map<String, Long>> dueBySecond;
  // The layout before "due-by-second" (nip@time -> PresenceMark): only read, to apply what a
  // savepoint from before held.
  private final MapState<String, Long> buffered;
  private UnitMemo memo; // the current unit's

  WaitingFacts(RuntimeContext ctx) {
    dueBySecond =
        KeyedState.map(ctx, "due-by-second", Types.LONG, Types.MAP(Types.STRING, Types.LONG));
    buffered = KeyedState.map(ctx, "buffered", Types.STRING, Types.LONG);
  }

  /** Starts work on a unit (by {@link UnitState#focus}). */
  void focus(UnitMemo memo) {
    this.memo = memo;
  }

  /** A fact waits for its second. */
  void add(long second, String nip, long mark) throws Exception {
    Map<String, Long> waiting = dueBySecond.get(second);
    Map<String, Long> next = DueSeconds.with(waiting, nip, mark);
    if (next != null) dueBySecond.put(second, next);
    if (waiting == null && memo.dueSeconds != null) memo.dueSeconds.add(second);
  }

  /** The first second with facts waiting, or null. */
  Long first() throws Exception {
    TreeSet<Long> seconds = seconds();
    return seconds.isEmpty() ? null : seconds.first();
  }

  /** Takes the facts waiting for a second (null: none). */
  Map<String, Long> take(long second) throws Exception {
    Map<String, Long> waiting = dueBySecond.get(second);
    if (waiting != null) {
      dueBySecond.remove(second);
      seconds().remove(second);
    }
    return waiting;
  }

  private TreeSet<Long> seconds() throws Exception {
    if (memo.dueSeconds == null) {
      memo.dueSeconds = new TreeSet<>();
      for (Long s : dueBySecond.keys()) memo.dueSeconds.add(s);
    }
    return memo.dueSeconds;
  }

  /** Whether any fact still waits, in this layout or the one before. */
  boolean any() throws Exception {
    return !dueBySecond.isEmpty() || !buffered.isEmpty();
  }

  /** Takes what is due by t from the layout before "due-by-second" (a savepoint from before). */
  List<Due> takeFormer(long t) throws Exception {
    if (buffered.isEmpty()) return List.of();
    List<Due> due = new ArrayList<>();
    for (Iterator<Map.Entry<String, Long>> it = buffered.iterator(); it.hasNext(); ) {
      Map.Entry<String, Long> b = it.next();
      if (PresenceMark.timeMs(b.getValue()) <= t) {
        due.add(new Due(DueSeconds.nipOf(b.getKey()), b.getValue()));
        it.remove();
      }
    }
    if (buffered.isEmpty()) buffered.clear(); // drop the empty map, not only its entries
    return due;
  }
}
