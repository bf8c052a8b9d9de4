package id.pantau.api;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;

/**
 * The columns of a flat record: its components, in the order declared. Jackson writes a record's
 * JSON fields in the same order, so the record states its columns once for both JSON and CSV.
 */
public final class Columns<R extends Record> {
  private final List<String> names;
  private final List<Method> accessors;

  private Columns(Class<R> type) {
    RecordComponent[] components = type.getRecordComponents();
    this.names = Arrays.stream(components).map(RecordComponent::getName).toList();
    this.accessors = Arrays.stream(components).map(RecordComponent::getAccessor).toList();
  }

  public static <R extends Record> Columns<R> of(Class<R> type) {
    return new Columns<>(type);
  }

  /** The CSV header: the components' names. */
  public List<String> names() {
    return names;
  }

  /** The row's values, in the order of {@link #names()} (nulls kept). */
  public List<Object> values(R row) {
    Object[] values = new Object[accessors.size()];
    for (int i = 0; i < values.length; i++) {
      try {
        values[i] = accessors.get(i).invoke(row);
      } catch (IllegalAccessException | InvocationTargetException e) {
        throw new IllegalStateException(names.get(i) + ": unreadable", e);
      }
    }
    return Arrays.asList(values);
  }
}
