package id.pantau.local;

import id.pantau.kafka.TopicFollower;
import java.time.Duration;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** Reads a whole topic as it is now: what verify and the tests compare with the ground truth. */
final class TopicRead {
  private TopicRead() {}

  /** Every record of the topic from its beginning to its end offsets now. */
  static void toEnd(
      String bootstrap, String topic, Consumer<ConsumerRecord<byte[], byte[]>> onRecord)
      throws InterruptedException {
    try (TopicFollower f =
        TopicFollower.of(bootstrap, topic)
            .clientId("pantau-verify-" + topic)
            .onRecord(onRecord)
            .start()) {
      if (!f.awaitCaughtUp(Duration.ofMinutes(1))) {
        throw new IllegalStateException(
            topic
                + ": not read to its end within a minute; is the Kafka broker at "
                + bootstrap
                + " up?");
      }
    }
  }
}
