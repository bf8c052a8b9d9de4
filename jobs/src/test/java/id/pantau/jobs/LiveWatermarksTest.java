package id.pantau.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.common.eventtime.WatermarkOutput;
import org.junit.jupiter.api.Test;

class LiveWatermarksTest {
  private final AtomicLong wall = new AtomicLong(1_000_000_000L);
  private final List<Long> emitted = new ArrayList<>();
  private final WatermarkOutput output =
      new WatermarkOutput() {
        @Override
        public void emitWatermark(Watermark w) {
          emitted.add(w.getTimestamp());
        }

        @Override
        public void markIdle() {}

        @Override
        public void markActive() {}
      };
  private final LiveWatermarks<String> gen = new LiveWatermarks<>(5_000, 1_000, wall::get);

  private long last() {
    return emitted.get(emitted.size() - 1);
  }

  @Test
  void liveTrafficLagsByTheBound() {
    gen.onEvent("e", wall.get(), output);
    gen.onPeriodicEmit(output);
    assertEquals(wall.get() - 5_000, last());
  }

  @Test
  void anIdleSourceFollowsTheWallClockWhateverItsLastEventsTime() {
    // Reference data carries old effective times; its source must not hold watermarks back.
    gen.onEvent("e", wall.get() - 86_400_000L, output);
    wall.addAndGet(60_000);
    gen.onPeriodicEmit(output);
    assertEquals(wall.get() - 5_000, last());
  }

  @Test
  void aSourceThatNeverSawAnEventFollowsTheWallClockOnceIdle() {
    wall.addAndGet(1_000);
    gen.onPeriodicEmit(output);
    assertEquals(wall.get() - 5_000, last());
  }

  @Test
  void recordsWithoutEventTimeDoNotMoveIt() {
    gen.onEvent("dead letter", LiveWatermarks.NO_TIME, output);
    gen.onPeriodicEmit(output);
    assertEquals(List.of(), emitted);
  }

  @Test
  void liveAnEventAheadOfTheWallClockMovesEventTimeOnlyToNow() {
    LiveWatermarks<String> live = new LiveWatermarks<>(5_000, 1_000, wall::get, true);
    live.onEvent("a phone whose clock says 2099", 4_102_444_800_000L, output);
    live.onPeriodicEmit(output);
    assertEquals(wall.get() - 5_000, last());
  }

  @Test
  void aBoundedReplayTakesEventTimeAsTheInputSaysIt() {
    gen.onEvent("a day replayed", wall.get() + 86_400_000L, output);
    gen.onPeriodicEmit(output);
    assertEquals(wall.get() + 86_400_000L - 5_000, last());
  }
}
