package id.pantau.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import id.pantau.events.DeadLetter;
import id.pantau.events.Topics;
import id.pantau.fixtures.KeyedHarnessTest;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeadLetterCounterTest extends KeyedHarnessTest<DeadLetterCount, DeadLetterCount> {
  DeadLetterCounterTest() {
    super(DeadLetterCounter::new, DeadLetterCount::series);
  }

  static final long SEVEN_TEN = Instant.parse("2026-11-23T00:10:00Z").toEpochMilli();
  static final long SEVEN_TEN_30 = SEVEN_TEN + 30_000;
  static final long SEVEN_ELEVEN = SEVEN_TEN + 60_000;
  static final String NIP = "198703122010011002";

  static DeadLetter dead(String topic, String stage, long at) {
    DeadLetter d = DeadLetter.of(topic, "{\"nip\":\"" + NIP + "\"}", "unitId: unknown", stage, at);
    d.key = NIP;
    return d;
  }

  void send(DeadLetter d) throws Exception {
    harness.processElement(DeadLetterCount.of(d), 0);
  }

  List<String> lines() {
    return harness.extractOutputValues().stream().map(DeadLetterLines::encode).toList();
  }

  @Test
  void countsEachTopicAndStagePerMinuteRewritingTheMinutesPoint() throws Exception {
    send(dead(Topics.ATTENDANCE, "json-decoder", SEVEN_TEN));
    send(dead(Topics.ATTENDANCE, "json-decoder", SEVEN_TEN_30));
    send(dead(Topics.ATTENDANCE, "time-guard", SEVEN_TEN_30));
    send(dead(Topics.ATTENDANCE, "json-decoder", SEVEN_ELEVEN));

    assertThat(lines())
        .containsExactly(
            "deadletter,topic=pantau.attendance.v1,stage=json-decoder count=1i " + SEVEN_TEN,
            "deadletter,topic=pantau.attendance.v1,stage=json-decoder count=2i " + SEVEN_TEN,
            "deadletter,topic=pantau.attendance.v1,stage=time-guard count=1i " + SEVEN_TEN,
            "deadletter,topic=pantau.attendance.v1,stage=json-decoder count=1i " + SEVEN_ELEVEN);
  }

  @Test
  void aDeadLetterOfAnEarlierMinuteArrivingLateAddsToThatMinute() throws Exception {
    send(dead(Topics.LOCATION, "json-decoder", SEVEN_TEN));
    send(dead(Topics.LOCATION, "json-decoder", SEVEN_ELEVEN));
    send(dead(Topics.LOCATION, "json-decoder", SEVEN_TEN_30));

    assertThat(lines())
        .last()
        .isEqualTo("deadletter,topic=pantau.location.v1,stage=json-decoder count=2i " + SEVEN_TEN);
  }

  @Test
  void forgetsMinutesLongPastSoStateStaysSmall() throws Exception {
    send(dead(Topics.ATTENDANCE, "json-decoder", SEVEN_TEN));
    send(dead(Topics.ATTENDANCE, "json-decoder", SEVEN_TEN + DeadLetterCounter.KEEP_MS + 60_000));

    assertThat(harness.numKeyedStateEntries()).isEqualTo(1);
  }

  @Test
  void writesNoRecordKeyOrReasonSoNobodyIsNamed() throws Exception {
    send(dead(Topics.ATTENDANCE, "occupancy-tracker", SEVEN_TEN));

    assertThat(lines()).singleElement().asString().doesNotContain(NIP, "unknown", "nip");
    assertThat(DeadLetterCount.class.getFields())
        .filteredOn(f -> !java.lang.reflect.Modifier.isStatic(f.getModifiers()))
        .extracting(f -> f.getName())
        .containsExactlyInAnyOrder("topic", "stage", "minuteMs", "count");
  }

  @Test
  void aDeadLetterWithoutTopicOrStageIsCountedAsUnknown() {
    DeadLetter d = dead(null, " ", SEVEN_TEN);
    assertThat(DeadLetterLines.encode(DeadLetterCount.of(d)))
        .isEqualTo("deadletter,topic=unknown,stage=unknown count=1i " + SEVEN_TEN);
  }

  @Test
  void escapesTagsSoNoInputForgesATag() {
    DeadLetter d = dead("a b,stage=x", "s", SEVEN_TEN);
    assertThat(DeadLetterLines.encode(DeadLetterCount.of(d)))
        .startsWith("deadletter,topic=a\\ b\\,stage\\=x,stage=s ");
  }
}
