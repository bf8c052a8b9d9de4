package id.pantau.occupancy;

import java.io.IOException;
import org.apache.flink.api.common.functions.RuntimeContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;

/**
 * Where a bounded replay's minute points end for a unit: at the end of the local day of its last
 * fact (an attendance event, or the unit's own record). A replay reads every topic at once, so its
 * watermark can pass a unit's midnight long before the input ends (another zone's evening, another
 * source read first); without this end, how many of the next day's minutes a unit got would depend
 * on how far the watermark ran before the end, that is on how the sources interleaved.
 */
final class ReplayEnd {
  private final ValueState<Long> lastFactDay; // the local epoch day of the unit's latest fact

  ReplayEnd(RuntimeContext context) {
    lastFactDay = context.getState(new ValueStateDescriptor<>("replay-last-fact-day", Types.LONG));
  }

  /**
   * Notes a fact of a local day. Returns the last fact's day before it when this one is later (the
   * minutes may have stopped at that day's end and must go on from there), else null.
   */
  Long note(long localDay) throws IOException {
    Long last = lastFactDay.value();
    if (last != null && localDay <= last) return null;
    lastFactDay.update(localDay);
    return last;
  }

  /** The local day of the unit's latest fact, or {@code otherwise} before the first. */
  Long lastDayOr(Long otherwise) throws IOException {
    Long last = lastFactDay.value();
    return last != null ? last : otherwise;
  }
}
