package id.pantau.jobs;

import id.pantau.sink.Line;

/**
 * Measurement `deadletter`: tags topic, stage (`json-decoder`, `time-guard` or the refusing
 * operator's uid); field count, the dead letters of that topic and stage in the minute that starts
 * at the point's time (their {@code at}: the Kafka timestamp of a record a source refused, the
 * event time of one an operator refused, so a replay rewrites the same points with the same
 * counts). Rewritten with the minute's full count as it grows. Never the record, its key or its
 * reason: no NIP, device or coordinate.
 */
public final class DeadLetterLines {
  private DeadLetterLines() {}

  public static String encode(DeadLetterCount c) {
    return Line.of("deadletter")
        .tag("topic", c.topic)
        .tag("stage", c.stage)
        .field("count", c.count)
        .at(c.minuteMs);
  }
}
