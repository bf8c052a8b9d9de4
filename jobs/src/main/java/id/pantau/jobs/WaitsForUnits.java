package id.pantau.jobs;

import org.apache.flink.runtime.state.FunctionInitializationContext;
import org.apache.flink.runtime.state.FunctionSnapshotContext;
import org.apache.flink.streaming.api.checkpoint.CheckpointedFunction;

/**
 * An operator whose facts wait for their unit ({@link UnitWait}): it tells its wait whether this
 * run was restored, as a restored run's sources read again what came after the checkpoint. It keeps
 * no state of its own for this.
 */
public interface WaitsForUnits extends CheckpointedFunction {
  UnitWait unitWait();

  @Override
  default void initializeState(FunctionInitializationContext ctx) {
    unitWait().restored(ctx.isRestored());
  }

  @Override
  default void snapshotState(FunctionSnapshotContext ctx) {}
}
