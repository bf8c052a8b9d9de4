package id.pantau.ingest;

import id.pantau.kafka.Start;
import id.pantau.kafka.TopicFollower;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * A compacted topic that ingest keeps in memory, followed from its beginning once {@link
 * #start()}ed, so what was stored before a restart or through another ingest is known too. Without
 * a bootstrap (null) the memory is all there is: {@link #start()} does nothing.
 */
public final class CompactedTopic implements AutoCloseable {
  private final String bootstrap;
  private final String topic;
  private final String clientId;
  private final String name;
  private final Consumer<ConsumerRecord<byte[], byte[]>> onRecord;
  private TopicFollower follower;

  public CompactedTopic(
      String bootstrap,
      String topic,
      String clientId,
      String name,
      Consumer<ConsumerRecord<byte[], byte[]>> onRecord) {
    this.bootstrap = bootstrap;
    this.topic = topic;
    this.clientId = clientId;
    this.name = name;
    this.onRecord = onRecord;
  }

  public synchronized void start() {
    if (bootstrap == null || follower != null) return;
    follower =
        TopicFollower.of(bootstrap, topic)
            .clientId(clientId)
            .name(name)
            .from(Start.beginning())
            .onRecord(onRecord)
            .start();
  }

  @Override
  public synchronized void close() {
    if (follower == null) return;
    follower.close();
    follower = null;
  }
}
