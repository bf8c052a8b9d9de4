package id.pantau.location;

import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Turns a check-in or ping into its fix, right in the source's chain: the fix goes on as a {@link
 * LocationFact} (to the rules keyed by NIP) and, when it names a device, also to {@link
 * #DEVICE_FIXES} (to the shared-device rule keyed by device). A record without a usable location
 * goes nowhere, so it is never shuffled. Doing this per source, before the union, keeps the
 * operators after the union from becoming tasks of their own that every fix would cross.
 */
final class FixSplit<T> extends ProcessFunction<T, LocationFact> {
  static final OutputTag<Fix> DEVICE_FIXES = new OutputTag<>("device-fixes", Fix.FlinkType.TYPE);

  /** Serializable: Fix::of for check-ins or for pings. */
  interface FixOf<T> extends java.io.Serializable {
    Fix of(T record);
  }

  private final FixOf<T> fixOf;

  FixSplit(FixOf<T> fixOf) {
    this.fixOf = fixOf;
  }

  @Override
  public void processElement(T record, Context ctx, Collector<LocationFact> out) {
    Fix f = fixOf.of(record);
    if (f == null) return;
    out.collect(LocationFact.of(f));
    if (f.deviceId != null) ctx.output(DEVICE_FIXES, f);
  }
}
