package id.pantau.jobs;

import org.apache.flink.api.common.functions.RuntimeContext;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;

/**
 * The keyed state of the jobs' functions, each declared in one line in {@code open}: its name,
 * which checkpoints and savepoints keep (never rename one), and its type.
 */
public final class KeyedState {
  private KeyedState() {}

  public static <T> ValueState<T> value(RuntimeContext ctx, String name, Class<T> type) {
    return ctx.getState(new ValueStateDescriptor<>(name, TypeInformation.of(type)));
  }

  public static <K, V> MapState<K, V> map(
      RuntimeContext ctx, String name, TypeInformation<K> key, TypeInformation<V> value) {
    return ctx.getMapState(new MapStateDescriptor<>(name, key, value));
  }

  public static <T> ListState<T> list(RuntimeContext ctx, String name, TypeInformation<T> type) {
    return ctx.getListState(new ListStateDescriptor<>(name, type));
  }
}
