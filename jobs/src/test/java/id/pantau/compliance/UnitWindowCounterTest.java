package id.pantau.compliance;

import static id.pantau.compliance.ComplianceStatus.*;
import static id.pantau.compliance.TestCheckins.*;
import static org.assertj.core.api.Assertions.assertThat;

import id.pantau.fixtures.KeyedHarnessTest;
import java.util.List;
import org.junit.jupiter.api.Test;

class UnitWindowCounterTest extends KeyedHarnessTest<WindowResult, ComplianceCount> {
  UnitWindowCounterTest() {
    super(UnitWindowCounter::new, UnitWindowCounter::key);
  }

  void send(WindowResult r) throws Exception {
    harness.processElement(r, DEADLINE);
  }

  /** Each of these staff's first result of the attendance window: pending, so expected. */
  void pending(String... nips) throws Exception {
    for (String nip : nips) send(result(nip, null, PENDING));
  }

  ComplianceCount last() {
    List<ComplianceCount> all = harness.extractOutputValues();
    return all.get(all.size() - 1);
  }

  @Test
  void countsExpectedStaffFromTheirFirstResultAndTheRateFromDecisions() throws Exception {
    pending("a", "b", "c", "d");
    assertThat(last().expected).isEqualTo(4);
    assertThat(last().rate).isZero();

    send(result("a", PENDING, ON_TIME));
    send(result("b", PENDING, LATE));
    send(result("c", PENDING, MISSED));
    ComplianceCount c = last();
    assertThat(c.expected).isEqualTo(4);
    assertThat(c.onTime).isEqualTo(1);
    assertThat(c.late).isEqualTo(1);
    assertThat(c.missed).isEqualTo(1);
    assertThat(c.pending).isEqualTo(1);
    assertThat(c.rate).isEqualTo(0.5);
    assertThat(c.timeMs).isEqualTo(DEADLINE);
    assertThat(c.unitId).isEqualTo(UNIT);
    assertThat(c.region).isEqualTo(REGION);
    assertThat(c.window).isEqualTo("ATTENDANCE");
  }

  @Test
  void aUnitsCrewsAndOfficeStaffShareOneAttendancePointAtThePolicyDeadline() throws Exception {
    pending("office");
    WindowResult night = result("night", null, PENDING);
    night.windowEndMs = NIGHT_SHIFT;
    night.decideAtMs = NIGHT_CUTOFF;
    send(night);
    WindowResult missed = result("night", PENDING, MISSED);
    missed.windowEndMs = NIGHT_SHIFT;
    missed.decideAtMs = NIGHT_CUTOFF;
    send(missed);
    assertThat(harness.extractOutputValues()).extracting(c -> c.timeMs).containsOnly(DEADLINE);
    assertThat(last().expected).isEqualTo(2);
    assertThat(last().missed).isEqualTo(1);
  }

  @Test
  void aLateUploadRetractsTheMissAndCountsAsLate() throws Exception {
    pending("a");
    send(result("a", PENDING, MISSED));
    assertThat(last().missed).isEqualTo(1);
    send(result("a", MISSED, LATE_UPLOAD));
    ComplianceCount c = last();
    assertThat(c.missed).isZero();
    assertThat(c.late).isEqualTo(1);
    assertThat(c.lateUploads).isEqualTo(1);
    assertThat(c.expected).isEqualTo(1);
    assertThat(c.rate).isEqualTo(1.0);
  }

  @Test
  void anExcusedEmployeeIsNoLongerExpected() throws Exception {
    pending("a", "b");
    send(result("a", PENDING, MISSED));
    send(result("a", MISSED, EXCUSED));
    ComplianceCount c = last();
    assertThat(c.expected).isEqualTo(1);
    assertThat(c.missed).isZero();
  }

  @Test
  void theRateIsZeroWhenNobodyIsExpected() throws Exception {
    pending("a");
    send(result("a", PENDING, EXCUSED));
    assertThat(last().expected).isZero();
    assertThat(last().rate).isZero();
  }

  @Test
  void windowsAndUnitsAreCountedApart() throws Exception {
    send(result("a", "LOC1", null, PENDING));
    send(result("a", "LOC2", null, PENDING));
    WindowResult other = result("b", "LOC1", null, PENDING);
    other.unitId = "tng-dinkes";
    send(other);
    assertThat(harness.extractOutputValues()).extracting(c -> c.expected).containsOnly(1);
  }

  @Test
  void forgetsTheCountsWhenTheDateIsDropped() throws Exception {
    pending("a");
    send(result("a", PENDING, ON_TIME));
    harness.processWatermark(NEXT_CUTOFF - 1);
    assertThat(harness.numKeyedStateEntries()).isEqualTo(1);
    harness.processWatermark(NEXT_CUTOFF);
    assertThat(harness.numKeyedStateEntries()).isZero();
    assertThat(harness.numEventTimeTimers()).isZero();
  }
}
