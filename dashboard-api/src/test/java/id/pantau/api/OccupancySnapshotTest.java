package id.pantau.api;

import static org.assertj.core.api.Assertions.assertThat;

import id.pantau.access.Principal;
import id.pantau.access.Role;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Each caller's view of a read, from its groups by region and unit, in the board's order. */
class OccupancySnapshotTest {
  static OccupancyRow row(String unit, String region) {
    return new OccupancyRow(
        unit, region, 1, 10, 0.1, null, null, Status.OK, "2026-11-23T01:00:00Z", "Asia/Jakarta");
  }

  static final OccupancySnapshot SNAPSHOT =
      new OccupancySnapshot(
          Instant.parse("2026-11-23T01:00:01Z"),
          List.of(
              row("tng-b", "kota-tangerang"),
              row("srg-a", "kota-serang"),
              row("jyp-a", "kota-jayapura"),
              row("tng-a", "kota-tangerang"),
              row("lost", null)));

  static List<String> seenBy(Set<String> regions, Set<String> units) {
    return SNAPSHOT.visibleTo(new Principal("p", Role.BKD_ADMIN, regions, units)).stream()
        .map(OccupancyRow::unit)
        .toList();
  }

  @Test
  void aCallerSeesWhatMayViewAllowsSortedByRegionThenUnit() {
    assertThat(seenBy(Set.of(), Set.of()))
        .containsExactly("jyp-a", "srg-a", "tng-a", "tng-b", "lost");
    assertThat(seenBy(Set.of("kota-tangerang", "kota-jayapura"), Set.of()))
        .containsExactly("jyp-a", "tng-a", "tng-b");
    assertThat(seenBy(Set.of(), Set.of("tng-b", "lost", "nowhere")))
        .containsExactly("tng-b", "lost");
    assertThat(seenBy(Set.of("kota-tangerang"), Set.of("srg-a", "tng-a")))
        .containsExactly("srg-a", "tng-a", "tng-b");
  }
}
