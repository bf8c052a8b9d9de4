package id.pantau.events;

import java.util.List;

/** The outcome of decoding and validating one record: a value, or the reasons it was refused. */
public record Decoded<T>(T value, List<String> errors) {
  public static <T> Decoded<T> ok(T value) {
    return new Decoded<>(value, List.of());
  }

  public static <T> Decoded<T> refused(List<String> errors) {
    return new Decoded<>(null, List.copyOf(errors));
  }

  public boolean isOk() {
    return errors.isEmpty();
  }

  /** The reasons as one line, for dead letters and logs. */
  public String reason() {
    return String.join("; ", errors);
  }
}
