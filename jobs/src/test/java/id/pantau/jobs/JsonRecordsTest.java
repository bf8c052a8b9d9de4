package id.pantau.jobs;

import static id.pantau.fixtures.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import id.pantau.events.AttendanceEvent;
import id.pantau.events.DeadLetter;
import id.pantau.events.Json;
import id.pantau.events.TimeBounds;
import id.pantau.events.Topics;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.flink.api.common.functions.util.ListCollector;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

class JsonRecordsTest {
  /** When the refused record reached Kafka (its Kafka timestamp), the same in every replay. */
  static final long REACHED_KAFKA = SEVEN_TEN;

  static final long YEAR_2099 = at("2099-01-01T00:00:00Z");

  final JsonRecords<AttendanceEvent> attendance =
      new JsonRecords<>(
          Json::attendance,
          KafkaIo.PARSED_ATTENDANCE,
          TimeGuard.attendance(TimeBounds.DEFAULT, true));

  DeadLetter deadLetterOf(byte[] value) {
    var record =
        new ConsumerRecord<>(
            Topics.ATTENDANCE,
            1,
            42L,
            REACHED_KAFKA,
            TimestampType.CREATE_TIME,
            0,
            value.length,
            (byte[]) null,
            value,
            new RecordHeaders(),
            Optional.<Integer>empty());
    List<Parsed<AttendanceEvent>> out = new ArrayList<>();
    attendance.deserialize(record, new ListCollector<>(out));
    assertThat(out).singleElement().extracting(p -> p.value).isNull();
    return out.get(0).deadLetter;
  }

  @Test
  void aRecordThatCannotBeReadIsDatedByWhenItReachedKafka() {
    DeadLetter d = deadLetterOf("{oops".getBytes(StandardCharsets.UTF_8));

    assertThat(d.stage).isEqualTo("json-decoder");
    assertThat(d.at).isEqualTo(REACHED_KAFKA);
    assertThat(d.offset).isEqualTo(42L);
  }

  @Test
  void aRecordTheTimeGuardRefusesIsDatedByWhenItReachedKafkaNotByTheTimeItClaims() {
    AttendanceEvent from2099 = checkIn("tng-disdukcapil", "198703122010011002", YEAR_2099);
    from2099.receivedAt = null; // not through ingest: judged by the Kafka timestamp

    DeadLetter d = deadLetterOf(Json.text(from2099).getBytes(StandardCharsets.UTF_8));

    assertThat(d.stage).isEqualTo("time-guard");
    assertThat(d.at).isEqualTo(REACHED_KAFKA);
  }
}
