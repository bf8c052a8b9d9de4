package id.pantau.caps;

import id.pantau.events.AttendanceEvent;
import id.pantau.events.Exposure;
import id.pantau.events.Policy;
import id.pantau.events.RosterEntry;
import id.pantau.events.Unit;
import id.pantau.events.ZoneChange;
import id.pantau.occupancy.OccupancyTracker;
import id.pantau.occupancy.OccupancyUpdate;
import id.pantau.serial.OneOf;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedBroadcastOperatorTestHarness;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.KeyedTwoInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;

/**
 * The occupancy tracker, the cap calculator and the breach detector, each in its own operator
 * harness, wired as in the job: each operator's output goes on to the next, and a watermark reaches
 * the next operator after the points its timers sent, as Flink forwards it.
 */
final class CapsPipeline implements AutoCloseable {
  static final long UNIT_GRACE_MS = 5_000;
  static final long WATERMARK_STEP = 10 * TestRules.ONE_MINUTE;

  final KeyedTwoInputStreamOperatorTestHarness<
          String, AttendanceEvent, OneOf<Unit, Exposure, RosterEntry>, OccupancyUpdate>
      tracker;
  final KeyedBroadcastOperatorTestHarness<
          String, OccupancyUpdate, OneOf<ZoneChange, Policy, Void>, OccupancyStatus>
      caps;
  final KeyedOneInputStreamOperatorTestHarness<String, OccupancyStatus, Breach> detector;
  private int trackerForwarded;
  private int capsForwarded;
  private long watermark = Long.MIN_VALUE;

  CapsPipeline() throws Exception {
    tracker =
        ProcessFunctionTestHarnesses.forKeyedCoProcessFunction(
            new OccupancyTracker(UNIT_GRACE_MS),
            e -> e.unitId,
            OccupancyTracker::unitId,
            Types.STRING);
    caps = TestRules.calculator();
    detector =
        ProcessFunctionTestHarnesses.forKeyedProcessFunction(
            new BreachDetector(), s -> s.unitId, Types.STRING);
  }

  void rule(OneOf<ZoneChange, Policy, Void> r) throws Exception {
    caps.processBroadcastElement(r, TestRules.effectiveFrom(r));
  }

  void unit(Unit u) throws Exception {
    tracker.processElement2(new StreamRecord<>(OneOf.first(u), u.effectiveFromMs));
    forward();
  }

  void exposure(Exposure x) throws Exception {
    tracker.processElement2(new StreamRecord<>(OneOf.second(x), x.effectiveFromMs));
    forward();
  }

  void send(AttendanceEvent e) throws Exception {
    tracker.processElement1(new StreamRecord<>(e, e.timeMs));
    forward();
  }

  /** Moves event time on as the live watermark does, a few minutes at a time. */
  void advanceTo(long t) throws Exception {
    long from = watermark == Long.MIN_VALUE ? t : watermark;
    for (long w = from + WATERMARK_STEP; w < t; w += WATERMARK_STEP) watermark(w);
    watermark(t);
  }

  void watermark(long t) throws Exception {
    watermark = t;
    tracker.processBothWatermarks(new Watermark(t));
    forward();
    caps.processWatermark(t);
    caps.processBroadcastWatermark(t);
    forward();
    detector.processWatermark(t);
  }

  private void forward() throws Exception {
    List<OccupancyUpdate> points = tracker.extractOutputValues();
    for (; trackerForwarded < points.size(); trackerForwarded++) {
      OccupancyUpdate u = points.get(trackerForwarded);
      caps.processElement(u, u.timeMs);
    }
    List<OccupancyStatus> statuses = caps.extractOutputValues();
    for (; capsForwarded < statuses.size(); capsForwarded++) {
      OccupancyStatus s = statuses.get(capsForwarded);
      detector.processElement(s, s.timeMs);
    }
  }

  List<OccupancyUpdate> points() {
    return tracker.extractOutputValues();
  }

  List<OccupancyStatus> statuses() {
    return caps.extractOutputValues();
  }

  OccupancyStatus lastStatus(String unitId) {
    List<OccupancyStatus> all = statuses().stream().filter(s -> s.unitId.equals(unitId)).toList();
    return all.get(all.size() - 1);
  }

  List<Breach> breaches() {
    return detector.extractOutputValues();
  }

  List<Breach> breaches(String unitId) {
    return breaches().stream().filter(b -> b.unitId.equals(unitId)).toList();
  }

  int capStateEntries() {
    return TestRules.keyedStateEntries(caps);
  }

  @Override
  public void close() throws Exception {
    tracker.close();
    caps.close();
    detector.close();
  }
}
