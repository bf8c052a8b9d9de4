package id.pantau.jobs;

import id.pantau.events.DeadLetter;

/** A record as read from Kafka: either a valid value or the dead letter saying why not. */
public class Parsed<T> {
  public T value;
  public DeadLetter deadLetter;

  public Parsed() {}

  public static <T> Parsed<T> ok(T value) {
    Parsed<T> p = new Parsed<>();
    p.value = value;
    return p;
  }

  public static <T> Parsed<T> dead(DeadLetter deadLetter) {
    Parsed<T> p = new Parsed<>();
    p.deadLetter = deadLetter;
    return p;
  }
}
