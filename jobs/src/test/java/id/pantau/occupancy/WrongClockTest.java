package id.pantau.occupancy;

import static id.pantau.occupancy.TestEvents.*;
import static org.assertj.core.api.Assertions.assertThat;

import id.pantau.events.AttendanceEvent;
import id.pantau.events.Exposure;
import id.pantau.events.RosterEntry;
import id.pantau.events.Unit;
import id.pantau.jobs.LiveWatermarks;
import id.pantau.serial.OneOf;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.common.eventtime.WatermarkOutput;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedTwoInputStreamOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * One phone whose clock says 2099, with the watermarks the live source makes of the events (the
 * source's guard, which dead-letters such an event, is left out here): the events after it must
 * still count. Before event time was held to the wall clock, that one event moved the watermark to
 * 2099, the unit's day rolled to 2099-12-31 and every real check-in after it was a past day's fact,
 * so the count froze.
 */
class WrongClockTest {
  static final long YEAR_2099 = at("2099-12-31T00:00:00Z");
  static final long SEVEN_ELEVEN = SEVEN_TEN + ONE_MINUTE;

  final AtomicLong wall = new AtomicLong(SEVEN_TEN);
  final LiveWatermarks<AttendanceEvent> watermarks =
      new LiveWatermarks<>(5_000, 1_000, wall::get, true);
  KeyedTwoInputStreamOperatorTestHarness<
          String, AttendanceEvent, OneOf<Unit, Exposure, RosterEntry>, OccupancyUpdate>
      harness;

  final WatermarkOutput toTracker =
      new WatermarkOutput() {
        @Override
        public void emitWatermark(Watermark w) {
          try {
            harness.processBothWatermarks(
                new org.apache.flink.streaming.api.watermark.Watermark(w.getTimestamp()));
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
        }

        @Override
        public void markIdle() {}

        @Override
        public void markActive() {}
      };

  @BeforeEach
  void setUp() throws Exception {
    harness = harnessOf(new OccupancyTracker(5_000));
    harness.processElement2(new StreamRecord<>(OneOf.first(tangerang(50)), SEVEN_AM));
  }

  @AfterEach
  void tearDown() throws Exception {
    harness.close();
  }

  /** The event as the source reads it: its time to the watermarks, then to the tracker. */
  void read(AttendanceEvent e) throws Exception {
    watermarks.onEvent(e, e.timeMs, toTracker);
    harness.processElement1(new StreamRecord<>(e, e.timeMs));
  }

  /** The wall clock moves on; the source emits its periodic watermark. */
  void wallAt(long t) {
    wall.set(t);
    watermarks.onPeriodicEmit(toTracker);
  }

  List<OccupancyUpdate> updates() {
    return harness.extractOutputValues();
  }

  @Test
  void countsTheCheckInsThatFollowAnEventFromAClockYearsAhead() throws Exception {
    for (int i = 1; i <= 3; i++) read(checkIn("n" + i, SEVEN_TEN + i * ONE_SECOND));
    wallAt(SEVEN_TEN + 10 * ONE_SECOND);

    read(checkIn("from-2099", YEAR_2099));
    wallAt(SEVEN_ELEVEN);
    read(checkIn("n4", SEVEN_ELEVEN));
    wallAt(SEVEN_ELEVEN + ONE_MINUTE);

    OccupancyUpdate last = updates().get(updates().size() - 1);
    assertThat(last.present).isEqualTo(4);
    assertThat(last.timeMs).isEqualTo(SEVEN_ELEVEN);
    assertThat(updates()).allSatisfy(u -> assertThat(u.timeMs).isLessThanOrEqualTo(wall.get()));
  }
}
