package id.pantau.local;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DifferencesTest {
  @Test
  void countsEveryComparisonAndListsOnlyTheFirstDifferencesOfEachKind() {
    Differences d = new Differences(2);
    for (int i = 0; i < 5; i++) d.check("compliance", "unit-" + i + " missed", 3L, (long) i);
    d.check("occupancy", "a minute", 7L, 7L);
    d.add("breaches", "tng-damkar OVER_CAP from 01:00Z: missing in InfluxDB");

    assertThat(d.compared()).isEqualTo(7);
    assertThat(d.total()).isEqualTo(5); // four in compliance, one in breaches
    assertThat(d.none()).isFalse();
    String report = d.report();
    assertThat(report).contains("compliance (first 2 of 4):");
    assertThat(report).contains("unit-0 missed: expected 3, got 0");
    assertThat(report).doesNotContain("unit-2 missed");
    assertThat(report).contains("tng-damkar OVER_CAP from 01:00Z: missing in InfluxDB");
  }

  @Test
  void ratiosMatchWithinOnePartInAMillionAndNullsOnlyNulls() {
    Differences d = new Differences(5);
    assertThat(d.check("daily", "rate", 0.8333333333, 0.83333334)).isTrue();
    assertThat(d.check("daily", "rate", 0.5, 0.51)).isFalse();
    assertThat(d.check("daily", "absent", null, null)).isTrue();
    assertThat(d.check("daily", "absent", 0.5, null)).isFalse();
  }
}
