package id.pantau.location;

import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Turns a check-in or ping that names a device into its fix, right in the source's chain, for the
 * shared-device rule (keyed by device). A record without a device or a usable location goes
 * nowhere, so it is never shuffled.
 */
final class FixSplit<T> extends ProcessFunction<T, Fix> {
  /** Serializable: Fix::of for check-ins or for pings. */
  interface FixOf<T> extends java.io.Serializable {
    Fix of(T record);
  }

  private final FixOf<T> fixOf;

  FixSplit(FixOf<T> fixOf) {
    this.fixOf = fixOf;
  }

  @Override
  public void processElement(T record, Context ctx, Collector<Fix> out) {
    Fix f = fixOf.of(record);
    if (f != null && f.deviceId != null) out.collect(f);
  }
}
