package id.pantau.local;

import id.pantau.jobs.JobsConfig;
import id.pantau.jobs.KafkaIo;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * How far a job's Kafka sources are from the offsets their topics end at now, by what the sources
 * committed: Flink's Kafka source commits its offsets when a checkpoint completes, so none behind
 * means the job read every record and a checkpoint holds it.
 */
final class CommittedReads {
  private final Admin admin;
  private final Set<String> groups;
  private final Map<TopicPartition, Long> end = new HashMap<>();
  private final Map<TopicPartition, Long> committed = new HashMap<>();

  /** The jobs of {@code cfg} reading {@code topics}, their ends taken now. */
  CommittedReads(Admin admin, JobsConfig cfg, Collection<String> topics) throws Exception {
    this.admin = admin;
    this.groups = topics.stream().map(t -> KafkaIo.groupOf(cfg, t)).collect(Collectors.toSet());
    Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
    admin
        .describeTopics(topics)
        .allTopicNames()
        .get()
        .forEach(
            (topic, d) ->
                d.partitions()
                    .forEach(
                        p ->
                            latest.put(
                                new TopicPartition(topic, p.partition()), OffsetSpec.latest())));
    admin.listOffsets(latest).all().get().forEach((tp, o) -> end.put(tp, o.offset()));
  }

  /** The records not yet committed, over every partition; -1 when the groups cannot be read. */
  long behind() {
    try {
      for (String group : groups) {
        admin
            .listConsumerGroupOffsets(group)
            .partitionsToOffsetAndMetadata()
            .get()
            .forEach((tp, o) -> committed.put(tp, offset(o)));
      }
    } catch (Exception e) {
      return -1;
    }
    long behind = 0;
    for (var e : end.entrySet()) {
      behind += Math.max(0, e.getValue() - committed.getOrDefault(e.getKey(), 0L));
    }
    return behind;
  }

  private static long offset(OffsetAndMetadata o) {
    return o == null ? 0 : o.offset();
  }

  @Override
  public String toString() {
    return "end " + end + ", committed " + committed;
  }
}
