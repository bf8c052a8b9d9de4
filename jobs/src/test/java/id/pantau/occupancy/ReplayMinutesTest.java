package id.pantau.occupancy;

import static id.pantau.occupancy.TestEvents.*;
import static org.assertj.core.api.Assertions.assertThat;

import id.pantau.events.AttendanceEvent;
import id.pantau.events.Exposure;
import id.pantau.events.RosterEntry;
import id.pantau.events.Unit;
import id.pantau.jobs.UnitWait;
import id.pantau.serial.OneOf;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedTwoInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;

/**
 * A bounded replay's minute points do not depend on how its sources interleave: however far the
 * watermark runs past a unit's midnight before the input ends (another zone's evening read first),
 * the unit's minutes end with the local day of its last fact, and go on without a gap when a later
 * fact comes after all.
 */
class ReplayMinutesTest {
  /** A step of a replay, run on the tracker's harness. */
  private interface Step {
    void on(
        KeyedTwoInputStreamOperatorTestHarness<
                String, AttendanceEvent, OneOf<Unit, Exposure, RosterEntry>, OccupancyUpdate>
            h)
        throws Exception;
  }

  private static Step watermark(long t) {
    return h -> h.processBothWatermarks(new Watermark(t));
  }

  private static Step send(AttendanceEvent e) {
    return h -> h.processElement1(new StreamRecord<>(e, e.timeMs));
  }

  private static final Step UNIT =
      h -> h.processElement2(new StreamRecord<>(OneOf.first(tangerang(10)), SEVEN_AM));

  private static final Step END_OF_INPUT = watermark(Long.MAX_VALUE);

  /** The unit comes at 07:00 and one of its staff checks in at 07:10. */
  private static final Step MORNING =
      h -> {
        watermark(SEVEN_AM).on(h);
        UNIT.on(h);
        send(checkIn("a", SEVEN_TEN)).on(h);
      };

  /** Another zone's evening moves the watermark three hours past the unit's midnight. */
  private static final Step RUNS_PAST_MIDNIGHT = watermark(MIDNIGHT_WIB + 180 * ONE_MINUTE);

  /** The minute points (time and present) of a replay made of the steps. */
  private static List<String> minutes(Step... steps) throws Exception {
    var h = harnessOf(new OccupancyTracker(UnitWait.UNTIL_INPUT_ENDS, Long.MAX_VALUE, false));
    try {
      for (Step s : steps) s.on(h);
      List<String> out = new ArrayList<>();
      for (OccupancyUpdate u : h.extractOutputValues()) {
        if (u.timeMs % ONE_MINUTE == 0) out.add(wib(u.timeMs) + " " + u.present);
      }
      assertThat(h.numEventTimeTimers()).as("timers left after the input ended").isZero();
      return out;
    } finally {
      h.close();
    }
  }

  @Test
  void aReplaysMinutesEndAtTheLocalMidnightAfterTheLastFactHoweverFarTheWatermarkRan()
      throws Exception {
    List<String> straight = minutes(MORNING, END_OF_INPUT);
    // The same records, but the watermark ran past midnight before the input ended.
    List<String> ranAhead = minutes(MORNING, RUNS_PAST_MIDNIGHT, END_OF_INPUT);

    assertThat(ranAhead).isEqualTo(straight);
    assertThat(straight).hasSize(17 * 60 + 1); // 07:00 (the unit came) … 24:00
    assertThat(straight.get(straight.size() - 1)).isEqualTo(wib(MIDNIGHT_WIB) + " 0");
  }

  @Test
  void aReplaysMinutesGoOnWithoutAGapWhenAFactOfTheNextDayComesAfterTheyStopped() throws Exception {
    long fourAmNextDay = MIDNIGHT_WIB + 4 * 60 * ONE_MINUTE + ONE_SECOND;
    Step nextDaysCheckIn = send(checkIn("b", fourAmNextDay));
    List<String> straight = minutes(MORNING, nextDaysCheckIn, END_OF_INPUT);
    // The next day's check-in read only after the watermark had passed midnight by three hours.
    List<String> late = minutes(MORNING, RUNS_PAST_MIDNIGHT, nextDaysCheckIn, END_OF_INPUT);

    assertThat(late).isEqualTo(straight);
    assertThat(straight).hasSize(17 * 60 + 24 * 60 + 1); // 07:00 on the 23rd … 24:00 on the 24th
    assertThat(straight.get(straight.size() - 1)).isEqualTo(wib(NEXT_MIDNIGHT_WIB) + " 0");
  }
}
