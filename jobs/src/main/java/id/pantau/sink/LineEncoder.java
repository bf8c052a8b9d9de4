package id.pantau.sink;

import java.io.Serializable;

/** Turns a job's output into one InfluxDB line-protocol point (millisecond precision). */
@FunctionalInterface
public interface LineEncoder<T> extends Serializable {
  String encode(T value);
}
