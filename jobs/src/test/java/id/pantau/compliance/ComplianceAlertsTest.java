package id.pantau.compliance;

import static id.pantau.compliance.ComplianceStatus.*;
import static id.pantau.compliance.TestCheckins.*;
import static org.assertj.core.api.Assertions.assertThat;

import id.pantau.events.Alert;
import org.junit.jupiter.api.Test;

class ComplianceAlertsTest {
  static WindowResult result(String window, ComplianceStatus previous, ComplianceStatus status) {
    WindowResult r = TestCheckins.result(NIP, window, previous, status);
    r.eventTimeMs = CUTOFF;
    return r;
  }

  @Test
  void raisesAMissedCheckInWithTheEmployeeNamed() {
    Alert a = ComplianceAlerts.of(result("ATTENDANCE", PENDING, MISSED));
    assertThat(a.kind).isEqualTo("MISSED_ATTENDANCE");
    assertThat(a.phase).isEqualTo("RAISED");
    assertThat(a.nip).isEqualTo(NIP);
    assertThat(a.unitId).isEqualTo(UNIT);
    assertThat(a.region).isEqualTo(REGION);
    assertThat(a.date).isEqualTo(DATE);
    assertThat(a.message).contains("no check-in by 12:00:00");
  }

  @Test
  void raisesALateCheckInWithItsLocalTime() {
    WindowResult r = result("ATTENDANCE", PENDING, LATE);
    r.checkinAt = EIGHT_AM;
    Alert a = ComplianceAlerts.of(r);
    assertThat(a.kind).isEqualTo("LATE_ATTENDANCE");
    assertThat(a.message).contains("at 08:00:00, after 07:30:00");
  }

  @Test
  void raisesMissedAndLateLocationShares() {
    assertThat(ComplianceAlerts.of(result("LOC1", PENDING, MISSED)).kind)
        .isEqualTo("MISSED_LOCATION");
    WindowResult late = result("LOC1", PENDING, LATE);
    late.checkinAt = LOC1_END + 60_000;
    assertThat(ComplianceAlerts.of(late).kind).isEqualTo("LATE_LOCATION");
  }

  @Test
  void correctsAMissWithALateUploadUnderTheSameAlertId() {
    Alert raised = ComplianceAlerts.of(result("LOC1", PENDING, MISSED));
    WindowResult upload = result("LOC1", MISSED, LATE_UPLOAD);
    upload.checkinAt = EIGHT_AM;
    upload.receivedAt = TEN_AM;
    Alert corrected = ComplianceAlerts.of(upload);
    assertThat(corrected.kind).isEqualTo("LATE_UPLOAD");
    assertThat(corrected.phase).isEqualTo("CORRECTED");
    assertThat(corrected.alertId).isEqualTo(raised.alertId);
    assertThat(corrected.message).contains("uploaded at 10:00:00").contains("was MISSED");
  }

  @Test
  void correctsAMissThatTurnsOutOnTimeOrExcused() {
    Alert onTime = ComplianceAlerts.of(result("ATTENDANCE", MISSED, ON_TIME));
    assertThat(onTime.kind).isEqualTo("MISSED_ATTENDANCE");
    assertThat(onTime.phase).isEqualTo("CORRECTED");
    Alert excused = ComplianceAlerts.of(result("ATTENDANCE", MISSED, EXCUSED));
    assertThat(excused.phase).isEqualTo("CORRECTED");
  }

  @Test
  void saysNothingAboutOnTimePendingOrExcusedResults() {
    assertThat(ComplianceAlerts.of(result("ATTENDANCE", null, PENDING))).isNull();
    assertThat(ComplianceAlerts.of(result("ATTENDANCE", PENDING, ON_TIME))).isNull();
    assertThat(ComplianceAlerts.of(result("ATTENDANCE", PENDING, EXCUSED))).isNull();
    assertThat(ComplianceAlerts.of(result("ATTENDANCE", ON_TIME, EXCUSED))).isNull();
  }
}
