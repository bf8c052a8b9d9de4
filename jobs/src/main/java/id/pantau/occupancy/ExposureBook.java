package id.pantau.occupancy;

import id.pantau.events.Exposure;
import java.util.Map;
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

  boolean exposedAt(long timeMs) throws Exception {
    long best = Long.MIN_VALUE;
    boolean exposed = false;
    for (Map.Entry<Long, Boolean> v : versions.entries()) {
      if (v.getKey() <= timeMs && v.getKey() >= best) {
        best = v.getKey();
        exposed = v.getValue();
      }
    }
    return exposed;
  }
}
