package id.pantau.events;

import java.lang.reflect.RecordComponent;
import java.util.Set;
import java.util.StringJoiner;

/**
 * A configuration record printed as Java prints a record ({@code Name[a=1, b=x]}), its secret
 * components shown as {@code ***} when set: so a log line never holds a password, and a component
 * added later is printed without anyone writing it into a toString by hand.
 */
public final class Redacted {
  private Redacted() {}

  public static String toString(Record record, String... secrets) {
    Set<String> hidden = Set.of(secrets);
    StringJoiner all = new StringJoiner(", ", record.getClass().getSimpleName() + "[", "]");
    for (RecordComponent c : record.getClass().getRecordComponents()) {
      Object value;
      try {
        value = c.getAccessor().invoke(record);
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException(record.getClass().getName() + "." + c.getName(), e);
      }
      all.add(c.getName() + "=" + (value != null && hidden.contains(c.getName()) ? "***" : value));
    }
    return all.toString();
  }
}
