package id.pantau.caps;

import id.pantau.sink.Line;

/**
 * Measurement `breach`: one point per breach at its start, rewritten when it closes (open=false,
 * the final duration), so the point's identity makes both writes one record. Its `present` is the
 * worst while the breach held (the most over a cap, the fewest under a floor), so the closing write
 * does not replace it with the count that ended the breach. No names.
 */
public final class BreachLines {
  private BreachLines() {}

  public static String encode(Breach b) {
    return Line.ofUnit("breach", b.unitId, b.region)
        .tag("kind", b.kind)
        .field("present", b.worst)
        .field("limit", b.limit)
        .field("open", b.open)
        .field("duration_s", b.durationS)
        .at(b.startedAtMs);
  }
}
