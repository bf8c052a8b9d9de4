package id.pantau.ingest;

import static id.pantau.ingest.TestData.BKD_BANTEN;
import static id.pantau.ingest.TestData.DEVICE;
import static id.pantau.ingest.TestData.OPERATOR;
import static id.pantau.ingest.TestData.attendance;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Named.named;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import id.pantau.events.Topics;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The service without HTTP or a broker: what it publishes and answers, on an in-memory Kafka. */
class IngestServiceTest {
  /** Records "published" in order; acknowledges each at once, or fails each when down. */
  static final class InMemoryKafka implements EventPublisher {
    record Record(String topic, String key, String value) {}

    final List<Record> records = new ArrayList<>();
    boolean down;

    @Override
    public void publish(String topic, String key, byte[] value, Acknowledgement then) {
      if (down) {
        then.done(new org.apache.kafka.common.errors.TimeoutException("broker down"));
        return;
      }
      records.add(new Record(topic, key, new String(value, StandardCharsets.UTF_8)));
      then.done(null);
    }

    @Override
    public boolean reachable() {
      return !down;
    }

    @Override
    public void close() {}
  }

  final InMemoryKafka kafka = new InMemoryKafka();
  final IngestService service =
      new IngestService(IngestConfig.builder().build(), kafka, TestData.tokens(), TestData.clock());

  static IngestService.Request request(String token, String contentType, String body) {
    return new IngestService.Request(
        "Bearer " + token, contentType, max -> body.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void aBatchPublishesItsGoodLinesStampedWithTheReceiptTimeAndNamesTheBadOne() throws Exception {
    String body = attendance("e-1", "n1") + "\n{\"type\":\"attendance\",\"eventId\":\"e-2\"}\n";

    var reply = service.postEvents(request(DEVICE, "application/x-ndjson", body)).get();

    assertThat(reply.status()).isEqualTo(202);
    var batch = (IngestService.BatchReply) reply.body();
    assertThat(batch.accepted()).isEqualTo(1);
    assertThat(batch.rejected()).extracting(IngestService.Rejection::line).containsExactly(2);
    assertThat(kafka.records).hasSize(1);
    assertThat(kafka.records.get(0).topic()).isEqualTo(Topics.ATTENDANCE);
    assertThat(kafka.records.get(0).value())
        .contains("\"receivedAt\":" + TestData.NOW.toEpochMilli());
  }

  @Test
  void anEventPostedAgainIsAcceptedButPublishedOnce() throws Exception {
    for (int i = 0; i < 3; i++) {
      service.postEvents(request(DEVICE, "application/json", attendance("e-9", "n9"))).get();
    }

    assertThat(kafka.records).hasSize(1);
  }

  static Stream<Arguments> refusedZoneUploads() {
    return Stream.of(
        arguments(
            named("one bad row: the row is named", OPERATOR),
            "banten,HIGH,2026-12-01T00:00:00+07:00\nbanten,RED,2026-12-08T00:00:00+07:00\n",
            400,
            "line 3: level: must be one of LOW, MEDIUM, HIGH (got 'RED')"),
        arguments(
            named("a row outside the token's scope", BKD_BANTEN),
            "banten,HIGH,2026-12-01T00:00:00+07:00\njawa-timur,HIGH,2026-12-01T00:00:00+07:00\n",
            403,
            "line 3: region: the token 'bkd-banten' may not change region"
                + " 'jawa-timur' (its regions: [banten])"));
  }

  @ParameterizedTest(name = "an upload of zones with {0} is refused whole, nothing published")
  @MethodSource("refusedZoneUploads")
  void anUploadWithARefusedRowPublishesNothing(
      String token, String rows, int status, String error) {
    String csv = "region,level,effectiveFrom\n" + rows;

    assertThatThrownBy(() -> service.putZones(request(token, "text/csv", csv)))
        .isInstanceOfSatisfying(
            IngestException.class,
            e -> {
              assertThat(e.status()).isEqualTo(status);
              assertThat(e.errors()).containsExactly(error);
            });
    assertThat(kafka.records).isEmpty();
  }

  @Test
  void aRosterUploadIsKeyedByEmployeeAndDay() {
    String rows =
        "[{\"nip\":\"n1\",\"unitId\":\"tng-dinkes\",\"date\":\"2026-11-24\",\"mode\":\"WFO\"}]";

    var reply = service.postRosters(request(OPERATOR, "application/json", rows));

    assertThat(reply.body()).isEqualTo(new IngestService.RostersReply(1));
    assertThat(kafka.records)
        .extracting(InMemoryKafka.Record::topic, InMemoryKafka.Record::key)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(Topics.ROSTERS, "n1@2026-11-24"));
  }

  @Test
  void whenKafkaDoesNotAcknowledgeTheAnswerIs503WithRetryAfter() {
    kafka.down = true;

    assertThatThrownBy(
            () ->
                service
                    .postEvents(request(DEVICE, "application/json", attendance("e-5", "n5")))
                    .get())
        .isInstanceOf(ExecutionException.class)
        .cause()
        .isInstanceOfSatisfying(
            IngestException.class,
            e -> {
              assertThat(e.status()).isEqualTo(503);
              assertThat(e.retryAfterSeconds()).isEqualTo(5);
            });
    assertThat(service.health().status()).isEqualTo(503);
  }
}
