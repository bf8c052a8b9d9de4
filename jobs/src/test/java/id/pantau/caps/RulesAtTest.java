package id.pantau.caps;

import static id.pantau.caps.TestRules.*;
import static org.assertj.core.api.Assertions.assertThat;

import id.pantau.events.Policy;
import id.pantau.events.ZoneChange;
import id.pantau.events.ZoneLevel;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The cached reading of rule versions gives what {@link RegionRules} gives, at every moment. */
class RulesAtTest {
  final Map<String, ZoneChange> zones = new LinkedHashMap<>();
  final Map<String, Policy> policies = new LinkedHashMap<>();
  final RulesAt rules = new RulesAt();
  final RulesAt.Source source =
      new RulesAt.Source() {
        @Override
        public Iterable<Map.Entry<String, ZoneChange>> zones() {
          return zones.entrySet();
        }

        @Override
        public Iterable<Map.Entry<String, Policy>> policies() {
          return policies.entrySet();
        }
      };

  void add(ZoneChange z) {
    zones.put(z.key(), z);
    rules.clear();
  }

  void add(Policy p) {
    policies.put(p.key(), p);
    rules.clear();
  }

  void assertSameAsRegionRulesThroughTheDay(String region) throws Exception {
    for (long t = DAY_START - ONE_HOUR; t <= MIDNIGHT_WIB + ONE_HOUR; t += ONE_MINUTE) {
      assertThat(rules.levelAt(source, region, t))
          .as("level at %s", wib(t))
          .isEqualTo(RegionRules.levelAt(zones.entrySet(), region, t));
      Policy cached = rules.policyAt(source, region, t);
      Policy folded = RegionRules.policyAt(policies.entrySet(), region, t);
      assertThat(cached.breachDwellS).as("dwell at %s", wib(t)).isEqualTo(folded.breachDwellS);
      assertThat(cached.capPercent.high).as("cap at %s", wib(t)).isEqualTo(folded.capPercent.high);
      assertThat(cached.serviceHours).isEqualTo(folded.serviceHours);
    }
  }

  @Test
  void readsTheLevelAndTheFoldedPolicyInForceAtEachMoment() throws Exception {
    add(zone(REGION, ZoneLevel.LOW, DAY_START));
    add(zone(REGION, ZoneLevel.HIGH, NOON));
    add(zone("other", ZoneLevel.MEDIUM, SEVEN_AM));
    add(dwell(REGION, EIGHT_AM, 60));
    add(highCap(REGION, TEN_AM, 10));
    add(dwell(REGION, THREE_PM, 600));
    add(highCap("other", SIX_AM, 40));

    assertSameAsRegionRulesThroughTheDay(REGION);
    assertSameAsRegionRulesThroughTheDay("other");
  }

  @Test
  void seesAVersionAddedAfterTheCacheWasBuilt() throws Exception {
    add(zone(REGION, ZoneLevel.LOW, DAY_START));
    assertThat(rules.levelAt(source, REGION, NOON)).isEqualTo(ZoneLevel.LOW);

    add(zone(REGION, ZoneLevel.HIGH, ELEVEN_AM));

    assertThat(rules.levelAt(source, REGION, NOON)).isEqualTo(ZoneLevel.HIGH);
  }

  @Test
  void tellsServiceHoursInTheUnitsOwnTimeZone() throws Exception {
    // The seed's service hours are 08:00–15:00 local.
    assertThat(rules.inServiceHours(source, REGION, SEVEN_FIFTY_NINE_WIT, "Asia/Jayapura"))
        .isFalse();
    assertThat(rules.inServiceHours(source, REGION, EIGHT_AM_WIT, "Asia/Jayapura")).isTrue();
    assertThat(rules.inServiceHours(source, REGION, THREE_PM_WIT, "Asia/Jayapura")).isFalse();
    assertThat(rules.inServiceHours(source, REGION, EIGHT_AM_WITA, "Asia/Makassar")).isTrue();
    assertThat(rules.inServiceHours(source, REGION, THREE_PM_WITA, "Asia/Makassar")).isFalse();
  }
}
