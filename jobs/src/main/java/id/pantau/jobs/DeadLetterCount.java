package id.pantau.jobs;

import id.pantau.events.DeadLetter;

/**
 * How many dead letters one topic and stage produced in one minute of their {@code at} (measurement
 * `deadletter`). Only where a record came from and which stage refused it: never the record, its
 * key, its reason or its offset, so nothing personal reaches InfluxDB.
 */
public class DeadLetterCount {
  /** The tag value of a dead letter that names no topic or stage. */
  public static final String UNKNOWN = "unknown";

  public String topic;
  public String stage;

  /** The minute (epoch ms, UTC) of their {@code at}: when the refused records happened. */
  public long minuteMs;

  public long count;

  public DeadLetterCount() {}

  public DeadLetterCount(String topic, String stage, long minuteMs, long count) {
    this.topic = topic;
    this.stage = stage;
    this.minuteMs = minuteMs;
    this.count = count;
  }

  /** One dead letter, counted in the minute of its {@code at} (now when it has none). */
  public static DeadLetterCount of(DeadLetter d) {
    long at = d.at != null ? d.at : System.currentTimeMillis();
    return new DeadLetterCount(
        orUnknown(d.topic), orUnknown(d.stage), Math.floorDiv(at, 60_000L) * 60_000L, 1);
  }

  /** The series: one topic and one stage. */
  public String series() {
    return topic + '\n' + stage;
  }

  private static String orUnknown(String s) {
    return s == null || s.isBlank() ? UNKNOWN : s;
  }
}
