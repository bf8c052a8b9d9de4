package id.pantau.location;

import static org.assertj.core.api.Assertions.assertThat;

import id.pantau.events.Unit;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class UnitZonesTest {
  static Unit unit(String id, String zone) {
    Unit u = TestFixes.circleUnit();
    u.unitId = id;
    u.timeZone = zone;
    return u;
  }

  /** Every 7 minutes over a few days, back and forth: the cache agrees with the zone arithmetic. */
  static void agreesWithTheZoneArithmetic(UnitZones.UnitZone z, ZoneId zone, Instant from) {
    long t0 = from.toEpochMilli();
    long step = 7 * 60_000L;
    for (int pass = 0; pass < 2; pass++) {
      for (long t = t0; t < t0 + 4 * 86_400_000L; t += step) {
        long at = pass == 0 ? t : t0 + 4 * 86_400_000L - (t - t0); // then backwards
        LocalDate d = LocationAlerts.localDate(at, zone);
        assertThat(z.dateText(at)).isEqualTo(d.toString());
        assertThat(z.date(at)).isEqualTo(d);
        assertThat(z.endOfDayMs(at)).isEqualTo(LocationAlerts.endOfDay(d, zone));
      }
    }
  }

  /** A unit in Jakarta (a fixed offset) and one in Berlin (summer time), of one UnitZones. */
  UnitZones.UnitZone jkt;

  UnitZones.UnitZone ber;

  @BeforeEach
  void twoUnits() throws Exception {
    UnitZones zones = new UnitZones("Asia/Jakarta");
    Unit jakarta = unit("U-JKT", "Asia/Jakarta");
    Unit berlin = unit("U-BER", "Europe/Berlin");
    jkt = zones.of("U-JKT", id -> jakarta);
    ber = zones.of("U-BER", id -> berlin);
  }

  @Test
  void daysOfAFixedOffsetZoneAndOfAZoneWithSummerTimeAreExact() throws Exception {
    agreesWithTheZoneArithmetic(
        jkt, ZoneId.of("Asia/Jakarta"), Instant.parse("2025-03-01T00:00:00Z"));
    // Over the switch to summer time (2025-03-30) and back (2025-10-26).
    agreesWithTheZoneArithmetic(
        ber, ZoneId.of("Europe/Berlin"), Instant.parse("2025-03-28T00:00:00Z"));
    agreesWithTheZoneArithmetic(
        ber, ZoneId.of("Europe/Berlin"), Instant.parse("2025-10-24T00:00:00Z"));
  }

  @Test
  void aDayIsComputedOnceForAllItsFixesUnlessItsOffsetChanges() throws Exception {
    long jktDay = Instant.parse("2025-03-02T17:00:00Z").toEpochMilli(); // 2025-03-03 00:00 WIB
    for (long t = jktDay; t < jktDay + 86_400_000L; t += 60_000L) jkt.dateText(t);
    assertThat(jkt.computed).isEqualTo(1);
    // 2025-03-30 in Berlin has the switch to summer time: each fix is computed.
    long berDay = Instant.parse("2025-03-29T23:00:00Z").toEpochMilli();
    for (int i = 0; i < 10; i++) ber.dateText(berDay + i * 3_600_000L);
    assertThat(ber.computed).isEqualTo(10);
  }

  @Test
  void aUnitIsReadAgainAfterItsRecordArrivesAndAnUnknownOneIsNotCached() throws Exception {
    UnitZones zones = new UnitZones("Asia/Jakarta");
    Unit[] current = {unit("U1", "Asia/Jayapura")};
    int[] reads = {0};
    UnitZones.Units units =
        id -> {
          reads[0]++;
          return "U1".equals(id) ? current[0] : null;
        };
    assertThat(zones.of("U1", units).zone).isEqualTo(ZoneId.of("Asia/Jayapura"));
    assertThat(zones.of("U1", units).unit).isSameAs(current[0]);
    assertThat(reads[0]).isEqualTo(1);
    current[0] = unit("U1", "Asia/Makassar");
    zones.forget("U1");
    assertThat(zones.of("U1", units).zone).isEqualTo(ZoneId.of("Asia/Makassar"));
    assertThat(reads[0]).isEqualTo(2);

    UnitZones.UnitZone unknown = zones.of("U-NONE", units);
    assertThat(unknown.unit).isNull();
    assertThat(unknown.zone).isEqualTo(ZoneId.of("Asia/Jakarta"));
    zones.of("U-NONE", units);
    assertThat(reads[0]).isEqualTo(4);
    assertThat(zones.of(null, units).unit).isNull();
  }
}
