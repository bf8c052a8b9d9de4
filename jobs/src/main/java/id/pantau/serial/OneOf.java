package id.pantau.serial;

/**
 * One record of one of up to three kinds, so that several streams reach one operator as one (a
 * union of two kinds leaves {@code C} as {@link Void}). An operator tells the kinds apart by their
 * class ({@code fact.value() instanceof Unit u}). Flink writes it with {@link OneOfType}: a tag
 * byte, then the record with its own kind's serializer. Only for records in flight: no operator
 * keeps one in state.
 */
public final class OneOf<A, B, C> {
  /** Which kind: 0 for A, 1 for B, 2 for C. */
  final int tag;

  private final Object value;

  OneOf(int tag, Object value) {
    this.tag = tag;
    this.value = value;
  }

  public static <A, B, C> OneOf<A, B, C> first(A value) {
    return new OneOf<>(0, value);
  }

  public static <A, B, C> OneOf<A, B, C> second(B value) {
    return new OneOf<>(1, value);
  }

  public static <A, B, C> OneOf<A, B, C> third(C value) {
    return new OneOf<>(2, value);
  }

  /** The record, of whichever kind it is. */
  public Object value() {
    return value;
  }

  @Override
  public String toString() {
    return "OneOf[" + tag + "]{" + value + "}";
  }
}
