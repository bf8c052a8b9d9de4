package id.pantau.daily;

import static org.assertj.core.api.Assertions.assertThat;

import id.pantau.caps.OccupancyStatus;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.functions.util.ListCollector;
import org.junit.jupiter.api.Test;

class DailyFactTest {
  static OccupancyStatus status(boolean provisional) {
    OccupancyStatus s = new OccupancyStatus("u", "r", 1_000, 3, 0);
    s.provisional = provisional;
    return s;
  }

  @Test
  void takesExactOccupancyPointsAndLeavesOutProvisionalOnes() {
    List<DailyFact> out = new ArrayList<>();
    DailyFact.emit(status(false), new ListCollector<>(out));
    DailyFact.emit(status(true), new ListCollector<>(out));

    assertThat(out).hasSize(1);
    assertThat(out.get(0).present).isEqualTo(3);
  }
}
