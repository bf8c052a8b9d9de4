package id.pantau.occupancy;

import id.pantau.jobs.KeyedState;
import id.pantau.occupancy.DueSeconds.Due;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.functions.RuntimeContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.typeinfo.Types;

/** A unit's facts that wait for the watermark, in keyed state by the second they fall due. */
final class WaitingFacts {
  // due second -> (nip@time -> PresenceMark)
  private final MapState<Long, Map<String, Long>> dueBySecond;
  // The layout before "due-by-second" (nip@time -> PresenceMark): only read, to apply what a
  // savepoint from before held.
  private final MapState<String, Long> buffered;

  WaitingFacts(RuntimeContext ctx) {
    dueBySecond =
        KeyedState.map(ctx, "due-by-second", Types.LONG, Types.MAP(Types.STRING, Types.LONG));
    buffered = KeyedState.map(ctx, "buffered", Types.STRING, Types.LONG);
  }

  /** A fact waits for its second; returns whether the second had none waiting before. */
  boolean add(long second, String nip, long mark) throws Exception {
    Map<String, Long> waiting = dueBySecond.get(second);
    Map<String, Long> next = DueSeconds.with(waiting, nip, mark);
    if (next != null) dueBySecond.put(second, next);
    return waiting == null;
  }

  /** The seconds with facts waiting, in order. */
  long[] seconds() throws Exception {
    long[] seconds = new long[8];
    int n = 0;
    for (Long s : dueBySecond.keys()) {
      if (n == seconds.length) seconds = Arrays.copyOf(seconds, n * 2);
      seconds[n++] = s;
    }
    seconds = Arrays.copyOf(seconds, n);
    Arrays.sort(seconds);
    return seconds;
  }

  /** Takes the facts waiting for a second (null: none). */
  Map<String, Long> take(long second) throws Exception {
    Map<String, Long> waiting = dueBySecond.get(second);
    if (waiting != null) dueBySecond.remove(second);
    return waiting;
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
