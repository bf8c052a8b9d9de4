package id.pantau.serial;

import java.io.IOException;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/**
 * A {@link CompactSerializer} of a record whose fields are stated once, as {@link Fields}: create,
 * copy, write and read all follow that list. A subclass returns its list (a constant, so the
 * serializer itself stays without state and restores from its class name).
 */
public abstract class FieldSerializer<T> extends CompactSerializer<T> {
  protected abstract Fields<T> fields();

  @Override
  public T createInstance() {
    return fields().create();
  }

  @Override
  public T copy(T from) {
    return fields().copy(from);
  }

  @Override
  public void serialize(T record, DataOutputView out) throws IOException {
    fields().write(record, out);
  }

  @Override
  public T deserialize(DataInputView in) throws IOException {
    return fields().read(in);
  }
}
