package id.pantau.caps;

import id.pantau.sink.Lines;

/**
 * Measurement `breach`: one point per breach at its start, rewritten when it closes (open=false,
 * the final duration), so the point's identity makes both writes one record. Its `present` is the
 * worst while the breach held (the most over a cap, the fewest under a floor), so the closing write
 * does not replace it with the count that ended the breach. No names.
 */
public final class BreachLines {
  private BreachLines() {}

  public static String encode(Breach b) {
    StringBuilder sb = Lines.measurement("breach");
    Lines.tag(sb, "unit", b.unitId);
    Lines.tag(sb, "region", b.region);
    Lines.tag(sb, "kind", b.kind);
    Lines.firstField(sb, "present", b.worst);
    Lines.field(sb, "limit", b.limit);
    Lines.field(sb, "open", b.open);
    Lines.field(sb, "duration_s", b.durationS);
    return Lines.time(sb, b.startedAtMs);
  }
}
