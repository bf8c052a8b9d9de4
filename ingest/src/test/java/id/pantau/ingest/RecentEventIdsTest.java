package id.pantau.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
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

  @Test
  void unseenDropsRecentIdsAndRepeatsWithinTheBatchKeepingTheOrder() {
    RecentEventIds ids = new RecentEventIds(10);
    ids.addAll(List.of("a", "b"));

    List<String> fresh = ids.unseen(List.of("c", "a", "d", "c", "b", "e"), id -> id);

    assertThat(fresh).containsExactly("c", "d", "e");
    assertThat(ids.size()).isEqualTo(2); // only acknowledged IDs are remembered
  }

  @Test
  void addAllKeepsTheCapacity() {
    RecentEventIds ids = new RecentEventIds(2);
    ids.addAll(List.of("a", "b", "c"));

    assertThat(ids.size()).isEqualTo(2);
    assertThat(ids.contains("a")).isFalse();
    assertThat(ids.contains("c")).isTrue();
  }
}
