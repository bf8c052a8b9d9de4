package id.pantau.occupancy;

import id.pantau.events.Exposure;
import java.util.Map;
import java.util.TreeMap;
import org.apache.flink.api.common.functions.RuntimeContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;

/** A unit's exposure versions by effectiveFrom; a change for later waits for its time. */
final class ExposureBook {
  private final MapState<Long, Boolean> versions;

  ExposureBook(RuntimeContext ctx) {
    versions = ctx.getMapState(new MapStateDescriptor<>("exposure", Types.LONG, Types.BOOLEAN));
  }

  void record(Exposure e) throws Exception {
    versions.put(e.effectiveFromMs, e.exposed);
  }

  /** The versions sorted by effectiveFrom, into the memo. */
  void readInto(UnitMemo memo) throws Exception {
    TreeMap<Long, Boolean> sorted = new TreeMap<>();
    for (Map.Entry<Long, Boolean> v : versions.entries()) sorted.put(v.getKey(), v.getValue());
    memo.exposureFrom = new long[sorted.size()];
    memo.exposed = new boolean[sorted.size()];
    int i = 0;
    for (Map.Entry<Long, Boolean> v : sorted.entrySet()) {
      memo.exposureFrom[i] = v.getKey();
      memo.exposed[i++] = v.getValue();
    }
  }
}
