package id.pantau.daily;

import static id.pantau.daily.TestDaily.*;
import static org.assertj.core.api.Assertions.assertThat;

import id.pantau.sink.Points;
import org.junit.jupiter.api.Test;

class DailyLinesTest {
  /** A day with only its alerts and breaches known: nobody expected, no occupancy yet. */
  static DailyRollup alertsOnly() {
    DailyRollup r = new DailyRollup();
    r.unitId = UNIT;
    r.region = REGION;
    r.date = DATE;
    r.dayStartMs = DAY_START;
    r.alerts = 3;
    r.breaches = 1;
    r.asOfMs = NOON;
    r.provisional = true;
    return r;
  }

  static DailyRollup rollup() {
    DailyRollup r = alertsOnly();
    r.attendanceRate = 0.75;
    r.attendanceExpected = 4;
    r.attendanceReported = 3;
    r.wfhCompliance = 0.5;
    r.wfhExpected = 2;
    r.wfhReported = 1;
    r.peakPresent = 31;
    r.meanPresent = 12.5;
    r.minutesOverCap = 42.25;
    return r;
  }

  @Test
  void writesEveryFieldAtTheLocalMidnight() {
    assertThat(DailyLines.encode(rollup()))
        .isEqualTo(
            "daily,unit=tng-bkpsdm,region=kota-tangerang attendance_rate=0.75,"
                + "attendance_expected=4i,attendance_reported=3i,wfh_compliance=0.5,"
                + "wfh_expected=2i,wfh_reported=1i,peak_present=31i,mean_present=12.5,"
                + "minutes_over_cap=42.25,alerts=3i,breaches=1i "
                + DAY_START);
  }

  @Test
  void everyEmissionOfADayRewritesTheSamePoint() {
    DailyRollup later = rollup();
    later.asOfMs = MIDNIGHT_WIB;
    later.provisional = false;
    later.alerts = 4;
    assertThat(Points.of(DailyLines.encode(later)))
        .isEqualTo(Points.of(DailyLines.encode(rollup())));
  }

  @Test
  void leavesOutRatesNobodyWasExpectedForAndOccupancyNotYetKnown() {
    assertThat(DailyLines.encode(alertsOnly()))
        .isEqualTo(
            "daily,unit=tng-bkpsdm,region=kota-tangerang alerts=3i,breaches=1i " + DAY_START);
  }

  @Test
  void namesNobody() {
    assertThat(DailyLines.encode(rollup())).doesNotContain("nip");
    assertThat(DailyRollup.class.getFields()).extracting(f -> f.getName()).doesNotContain("nip");
  }
}
