package id.pantau.location;

import id.pantau.events.RosterEntry;
import id.pantau.serial.OneOf;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Turns a check-in or ping into its fix, right in the source's chain: the fix goes on as the fact
 * of the location rules (keyed by NIP) and, when it names a device, also to {@link #DEVICE_FIXES}
 * (to the shared-device rule keyed by device). A record without a usable location goes nowhere, so
 * it is never shuffled. Doing this per source, before the union, keeps the operators after the
 * union from becoming tasks of their own that every fix would cross.
 */
final class FixSplit<T> extends ProcessFunction<T, OneOf<Fix, RosterEntry, Void>> {
  static final OutputTag<Fix> DEVICE_FIXES = new OutputTag<>("device-fixes", FixSerializer.TYPE);

  /** Serializable: Fix::of for check-ins or for pings. */
  interface FixOf<T> extends java.io.Serializable {
    Fix of(T record);
  }

  private final FixOf<T> fixOf;

  FixSplit(FixOf<T> fixOf) {
    this.fixOf = fixOf;
  }

  @Override
  public void processElement(T record, Context ctx, Collector<OneOf<Fix, RosterEntry, Void>> out) {
    Fix f = fixOf.of(record);
    if (f == null) return;
    out.collect(OneOf.first(f));
    if (f.deviceId != null) ctx.output(DEVICE_FIXES, f);
  }
}
