package id.pantau.sim;

import java.util.Map;

/** Looking up what the simulation made by its id: an id it did not make is a clear error. */
final class Known {
  private Known() {}

  /** The value of {@code id}; else "no {@code what} {@code id}". */
  static <V> V get(Map<String, V> byId, String what, String id) {
    V v = byId.get(id);
    if (v == null) throw new IllegalArgumentException("no " + what + " " + id);
    return v;
  }
}
