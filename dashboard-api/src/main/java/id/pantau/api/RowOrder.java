package id.pantau.api;

import java.util.Comparator;
import java.util.function.Function;

/** How the readers sort their rows: by tags in turn, a row missing a tag after the others. */
final class RowOrder {
  private RowOrder() {}

  /** By each key in turn, in natural order, null last. */
  @SafeVarargs
  static <T> Comparator<T> byKeys(Function<T, String>... keys) {
    Comparator<T> order = (a, b) -> 0;
    for (Function<T, String> key : keys) {
      order = order.thenComparing(key, Comparator.nullsLast(Comparator.naturalOrder()));
    }
    return order;
  }
}
