package id.pantau.jobs;

import id.pantau.sink.Lines;

/**
 * Measurement `deadletter`: tags topic, stage (`json-decoder`, `time-guard` or the refusing
 * operator's uid); field count, the dead letters of that topic and stage in the minute that starts
 * at the point's time (wall clock, when they were made). Rewritten as the minute's count grows.
 * Never the record, its key or its reason: no NIP, device or coordinate.
 */
public final class DeadLetterLines {
  private DeadLetterLines() {}

  public static String encode(DeadLetterCount c) {
    StringBuilder sb = Lines.measurement("deadletter");
    Lines.tag(sb, "topic", c.topic);
    Lines.tag(sb, "stage", c.stage);
    Lines.firstField(sb, "count", c.count);
    return Lines.time(sb, c.minuteMs);
  }
}
