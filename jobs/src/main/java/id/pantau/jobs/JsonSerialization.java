package id.pantau.jobs;

import id.pantau.events.Json;
import org.apache.flink.api.common.serialization.SerializationSchema;

/** Writes a record as the events module's JSON; a class, not a lambda, so Flink sees its type. */
public final class JsonSerialization<T> implements SerializationSchema<T> {
  @Override
  public byte[] serialize(T element) {
    return Json.bytes(element);
  }
}
