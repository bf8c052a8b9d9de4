package id.pantau.caps;

import static id.pantau.caps.TestRules.*;
import static org.assertj.core.api.Assertions.assertThat;

import id.pantau.events.Alert;
import id.pantau.sink.Points;
import org.junit.jupiter.api.Test;

/** The contract's InfluxDB measurements `occupancy` and `breach`, and the breach alerts. */
class CapsLinesTest {
  static final String NIP = "198703122010011002";

  static OccupancyStatus withNames(OccupancyStatus s) {
    s.unscheduled = 1;
    s.unscheduledNips = new String[] {NIP};
    return s;
  }

  static Breach breach(String kind, boolean open) {
    Breach b = new Breach();
    b.unitId = UNIT;
    b.region = REGION;
    b.kind = kind;
    b.open = open;
    b.startedAtMs = ELEVEN_AM;
    b.endedAtMs = open ? null : ONE_PM;
    b.limit = HIGH_CAP;
    b.present = open ? 4 : 2;
    b.worst = 5;
    b.durationS = open ? 300 : 7200;
    b.unscheduled = 1;
    b.unscheduledNips = new String[] {NIP};
    return b;
  }

  @Test
  void writesOccupancyWithUnitAndRegionTagsAndTheLimitsInForce() {
    String line = StatusLines.encode(withNames(status(ELEVEN_AM, 3, HIGH_CAP, 1)));

    assertThat(line)
        .isEqualTo(
            "occupancy,unit=tng-dishub,region=kota-tangerang"
                + " present=3i,headcount=8i,share=0.375,cap=2i,floor=1i "
                + ELEVEN_AM);
    assertThat(line).doesNotContain(NIP);
  }

  @Test
  void leavesTheCapOutOfOccupancyWhileNoZoneIsKnown() {
    String line = StatusLines.encode(status(ELEVEN_AM, 3, null, 0));

    assertThat(line)
        .isEqualTo(
            "occupancy,unit=tng-dishub,region=kota-tangerang"
                + " present=3i,headcount=8i,share=0.375,floor=0i "
                + ELEVEN_AM);
  }

  @Test
  void writesABreachAtItsStartAndRewritesTheSamePointWhenItCloses() {
    String opened = BreachLines.encode(breach(Breach.OVER_CAP, true));
    String closed = BreachLines.encode(breach(Breach.OVER_CAP, false));

    assertThat(opened)
        .isEqualTo(
            "breach,unit=tng-dishub,region=kota-tangerang,kind=OVER_CAP"
                + " present=5i,limit=2i,open=true,duration_s=300i "
                + ELEVEN_AM);
    assertThat(closed)
        .isEqualTo(
            "breach,unit=tng-dishub,region=kota-tangerang,kind=OVER_CAP"
                + " present=5i,limit=2i,open=false,duration_s=7200i "
                + ELEVEN_AM);
    // Same measurement, tags and time: InfluxDB keeps one point, the closing one.
    assertThat(Points.of(opened)).isEqualTo(Points.of(closed));
    assertThat(opened + closed).doesNotContain(NIP);
  }

  @Test
  void tagsAnUnderFloorBreachWithItsKind() {
    assertThat(BreachLines.encode(breach(Breach.UNDER_FLOOR, true)))
        .startsWith("breach,unit=tng-dishub,region=kota-tangerang,kind=UNDER_FLOOR ");
  }

  @Test
  void alertsTheOpeningAndClosingOfABreachUnderOneAlertId() {
    Alert open = BreachAlerts.of(breach(Breach.OVER_CAP, true));
    Alert close = BreachAlerts.of(breach(Breach.OVER_CAP, false));

    assertThat(open.alertId).isEqualTo(close.alertId).isEqualTo("OVER_CAP:tng-dishub:" + ELEVEN_AM);
    assertThat(open.phase).isEqualTo(Alert.OPEN);
    assertThat(open.startedAt).isEqualTo("2026-11-23T04:00:00Z");
    assertThat(open.endedAt).isNull();
    assertThat(open.durationS).isEqualTo(300);
    assertThat(open.present).isEqualTo(4);
    assertThat(open.limit).isEqualTo(HIGH_CAP);
    assertThat(open.message).contains("over its cap of 2 for 300 s (4 present)");
    // The alerts topic may name staff present without a roster entry; InfluxDB never does.
    assertThat(open.unscheduledNips).containsExactly(NIP);

    assertThat(close.phase).isEqualTo(Alert.CLOSE);
    assertThat(close.endedAt).isEqualTo("2026-11-23T06:00:00Z");
    assertThat(close.durationS).isEqualTo(7200);
    assertThat(close.present).isEqualTo(2);
    assertThat(close.message).contains("no longer over its cap of 2 after 7200 s");
  }

  @Test
  void namesNobodyInAnUnderFloorAlert() {
    Alert a = BreachAlerts.of(breach(Breach.UNDER_FLOOR, true));
    assertThat(a.kind).isEqualTo(Breach.UNDER_FLOOR);
    assertThat(a.unscheduledNips).isNull();
    assertThat(a.unscheduled).isNull();
    assertThat(a.message).contains("under its floor of 2");
  }
}
