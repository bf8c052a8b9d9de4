package id.pantau.occupancy;

import id.pantau.events.Action;
import id.pantau.events.AttendanceEvent;
import id.pantau.events.Exposure;
import id.pantau.events.RosterEntry;
import id.pantau.events.Unit;
import id.pantau.events.WorkMode;
import id.pantau.fixtures.Fixtures;
import id.pantau.serial.OneOf;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.operators.co.KeyedCoProcessOperator;
import org.apache.flink.streaming.util.KeyedTwoInputStreamOperatorTestHarness;

/** The occupancy tests' unit in Kota Tangerang and its morning, beside the shared fixtures. */
final class TestEvents extends Fixtures {
  static final String UNIT = "tng-disdukcapil";

  static final long SEVEN_TWENTY = at("2026-11-23T07:20:00+07:00");
  static final long SEVEN_THIRTY = at("2026-11-23T07:30:00+07:00");
  static final long EVENING_WIT = at("2026-11-23T20:00:00+09:00");

  private TestEvents() {}

  static Unit tangerang(int headcount) {
    return unit(UNIT, REGION, "Asia/Jakarta", headcount);
  }

  static AttendanceEvent checkIn(String nip, long timeMs) {
    return checkIn(UNIT, nip, timeMs);
  }

  static AttendanceEvent checkOut(String nip, long timeMs) {
    return checkOut(UNIT, nip, timeMs);
  }

  /** The tracker in an opened harness, keyed by unit as in the job. */
  static KeyedTwoInputStreamOperatorTestHarness<
          String, AttendanceEvent, OneOf<Unit, Exposure, RosterEntry>, OccupancyUpdate>
      harnessOf(OccupancyTracker tracker) throws Exception {
    return harnessOf(tracker, null);
  }

  /** The tracker in a harness restored from a snapshot (none: a fresh start), then opened. */
  static KeyedTwoInputStreamOperatorTestHarness<
          String, AttendanceEvent, OneOf<Unit, Exposure, RosterEntry>, OccupancyUpdate>
      harnessOf(OccupancyTracker tracker, OperatorSubtaskState snapshot) throws Exception {
    var harness =
        new KeyedTwoInputStreamOperatorTestHarness<>(
            new KeyedCoProcessOperator<>(tracker),
            (AttendanceEvent e) -> e.unitId,
            OccupancyTracker::unitId,
            Types.STRING);
    harness.setup();
    harness.initializeState(snapshot);
    harness.open();
    return harness;
  }

  static AttendanceEvent homeCheckIn(String nip, long timeMs) {
    return attendance(UNIT, nip, Action.CHECK_IN, WorkMode.WFH, timeMs);
  }
}
