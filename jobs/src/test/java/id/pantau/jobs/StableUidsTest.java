package id.pantau.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.streaming.api.checkpoint.CheckpointedFunction;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.co.BroadcastProcessFunction;
import org.apache.flink.streaming.api.graph.StreamGraph;
import org.apache.flink.streaming.api.graph.StreamNode;
import org.apache.flink.streaming.api.operators.SourceOperatorFactory;
import org.apache.flink.streaming.api.operators.StreamOperatorFactory;
import org.apache.flink.streaming.api.operators.UdfStreamOperatorFactory;
import org.junit.jupiter.api.Test;

/**
 * A savepoint restores into a rebuilt job only through the operators' uids: an operator whose uid
 * Flink generates gets a new one when the graph around it changes, and its state is then left
 * behind. Walks the graph the jobs build, live and as a replay, as `main` wires it.
 */
class StableUidsTest {

  @Test
  void everyStatefulOperatorOfEveryJobHasAnExplicitUid() {
    for (JobsConfig cfg : List.of(JobsConfig.defaults(), JobsConfig.defaults().asBounded())) {
      StreamGraph graph = graph(cfg);
      List<String> stateful = new ArrayList<>();
      List<String> missing = new ArrayList<>();
      for (StreamNode node : graph.getStreamNodes()) {
        if (!isStateful(node)) continue;
        stateful.add(node.getOperatorName());
        if (node.getTransformationUID() == null) missing.add(node.getOperatorName());
      }
      assertThat(missing)
          .as(
              "stateful operators without .uid(...) (bounded=%s): give each a stable one,"
                  + " named after what it does",
              cfg.bounded())
          .isEmpty();
      // What the walk must see, or it proves nothing: the sources, the keyed trackers, the sinks.
      assertThat(stateful)
          .as("stateful operators found")
          .contains(
              "Source: Attendance from Kafka", "Occupancy tracker", "Alerts to Kafka: Committer")
          .hasSizeGreaterThan(15);
    }
  }

  @Test
  void noTwoOperatorsShareAUid() {
    StreamGraph graph = graph(JobsConfig.defaults());
    Map<String, String> byUid = new HashMap<>();
    List<String> shared = new ArrayList<>();
    for (StreamNode node : graph.getStreamNodes()) {
      String uid = node.getTransformationUID();
      if (uid == null) continue;
      String before = byUid.putIfAbsent(uid, node.getOperatorName());
      if (before != null) shared.add(uid + ": " + before + ", " + node.getOperatorName());
    }
    assertThat(shared).as("uids used twice").isEmpty();
  }

  private static StreamGraph graph(JobsConfig cfg) {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    PantauJobs.build(env, JobSources.kafka(cfg), JobSinks.real(cfg), cfg);
    return env.getStreamGraph();
  }

  /**
   * Keyed operators (their keyed state and timers), sources (their splits and offsets), sinks (a
   * writer's and committer's state), and functions that keep operator state of their own.
   */
  private static boolean isStateful(StreamNode node) {
    if (node.getStateKeySerializer() != null) return true;
    StreamOperatorFactory<?> factory = node.getOperatorFactory();
    if (factory instanceof SourceOperatorFactory<?>) return true;
    if (graphSink(node)) return true;
    // Every operator is a CheckpointListener: only its function says whether it keeps state.
    return factory instanceof UdfStreamOperatorFactory<?> u
        && (u.getUserFunction() instanceof CheckpointedFunction
            || u.getUserFunction() instanceof BroadcastProcessFunction<?, ?, ?>);
  }

  /** A sink's writer or committer (Sink V2), or any operator at the end of the graph. */
  private static boolean graphSink(StreamNode node) {
    String name = node.getOperatorName();
    return node.getOutEdges().isEmpty()
        || name.endsWith(": Writer")
        || name.endsWith(": Committer");
  }
}
