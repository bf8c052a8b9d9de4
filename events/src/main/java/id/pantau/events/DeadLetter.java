package id.pantau.events;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A record a job could not use: the record itself, the reason, and where it came from. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class DeadLetter {
  public String topic;
  public Integer partition;
  public Long offset;
  public String key;
  public String record;
  public String reason;

  /** The operator that refused it, by uid. */
  public String stage;

  /**
   * When the refused record happened (epoch ms), never when it was refused, so a replay dates it as
   * the first run did: the Kafka timestamp of a record the source refused, the event time of the
   * record an operator refused.
   */
  public Long at;

  public DeadLetter() {}

  public static DeadLetter of(String topic, String record, String reason, String stage, long at) {
    DeadLetter d = new DeadLetter();
    d.topic = topic;
    d.record = record;
    d.reason = reason;
    d.stage = stage;
    d.at = at;
    return d;
  }
}
