package id.pantau.compliance;

import static id.pantau.compliance.TestCheckins.*;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ComplianceLinesTest {
  static ComplianceCount count() {
    ComplianceCount c = new ComplianceCount();
    c.unitId = UNIT;
    c.region = REGION;
    c.date = DATE;
    c.window = "ATTENDANCE";
    c.pending = 1;
    c.onTime = 5;
    c.late = 2;
    c.lateUploads = 1;
    c.missed = 2;
    c.expected = 10;
    c.rate = 0.7;
    c.timeMs = DEADLINE;
    return c;
  }

  @Test
  void writesTheContractsFieldsAtTheWindowsEnd() {
    assertThat(ComplianceLines.encode(count()))
        .isEqualTo(
            "compliance,unit=tng-bkpsdm,region=kota-tangerang,window=ATTENDANCE"
                + " expected=10i,on_time=5i,late=2i,missed=2i,rate=0.7,pending=1i,late_upload=1i "
                + DEADLINE);
  }

  @Test
  void namesNobody() {
    // The count has no NIP to write: only unit, region and window are tags.
    assertThat(ComplianceLines.encode(count())).doesNotContain(NIP);
    assertThat(ComplianceCount.class.getFields())
        .extracting(f -> f.getName())
        .doesNotContain("nip", "nips");
  }
}
