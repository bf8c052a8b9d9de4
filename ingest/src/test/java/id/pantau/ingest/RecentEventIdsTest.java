package id.pantau.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RecentEventIdsTest {
  @Test
  void forgetsTheLeastRecentlySeenPastItsCapacity() {
    RecentEventIds ids = new RecentEventIds(2);
    ids.add("a");
    ids.add("b");
    assertThat(ids.contains("a")).isTrue(); // a is now more recent than b
    ids.add("c");
    assertThat(ids.contains("b")).isFalse();
    assertThat(ids.contains("a")).isTrue();
    assertThat(ids.contains("c")).isTrue();
    assertThat(ids.size()).isEqualTo(2);
  }

  @Test
  void aCapacityOfZeroRemembersNothing() {
    RecentEventIds ids = new RecentEventIds(0);
    ids.add("a");
    assertThat(ids.contains("a")).isFalse();
  }
}
