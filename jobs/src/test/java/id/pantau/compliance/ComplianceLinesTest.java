package id.pantau.compliance;

import static id.pantau.compliance.ComplianceStatus.*;
import static id.pantau.compliance.TestCheckins.*;
import static java.util.Collections.nCopies;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ComplianceLinesTest {
  /** 5 on time, 1 late, 1 uploaded late, 2 missed, 1 pending. */
  static ComplianceCount count() {
    List<ComplianceStatus> results = new ArrayList<>(nCopies(5, ON_TIME));
    results.addAll(List.of(LATE, LATE_UPLOAD, MISSED, MISSED, PENDING));
    return Counts.of(UNIT, REGION, DATE, "ATTENDANCE", DEADLINE, results);
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
