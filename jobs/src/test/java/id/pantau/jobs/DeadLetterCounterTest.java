package id.pantau.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import id.pantau.events.DeadLetter;
import id.pantau.events.TimeBounds;
import id.pantau.events.Topics;
import id.pantau.fixtures.KeyedHarnessTest;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.Test;

class DeadLetterCounterTest extends KeyedHarnessTest<DeadLetterCount, DeadLetterCount> {
  DeadLetterCounterTest() {
    super(() -> new DeadLetterCounter(KEEP), DeadLetterCount::series);
  }

  static final long KEEP = DeadLetterCounter.keepFor(JobsConfig.defaults());
  static final long SEVEN_TEN = Instant.parse("2026-11-23T00:10:00Z").toEpochMilli();
  static final long SEVEN_TEN_30 = SEVEN_TEN + 30_000;
  static final long SEVEN_ELEVEN = SEVEN_TEN + 60_000;
  static final long THREE_DAYS_ON = SEVEN_TEN + 3 * TimeBounds.DAY_MS;

  /** A zone planned a month ahead: how far a replay's watermark can run before its input ends. */
  static final long A_MONTH_ON = SEVEN_TEN + 30 * TimeBounds.DAY_MS;

  /** The watermark at which 07:10's minute (it ends at 07:11) is forgotten. */
  static final long SEVEN_TEN_FORGOTTEN = SEVEN_ELEVEN + KEEP;

  static final long SEVEN_ELEVEN_FORGOTTEN = SEVEN_TEN_FORGOTTEN + 60_000;
  static final String NIP = "198703122010011002";

  static DeadLetter dead(String topic, String stage, long at) {
    DeadLetter d = DeadLetter.of(topic, "{\"nip\":\"" + NIP + "\"}", "unitId: unknown", stage, at);
    d.key = NIP;
    return d;
  }

  void send(DeadLetter d) throws Exception {
    harness.processElement(DeadLetterCount.of(d), 0);
  }

  void watermark(long t) throws Exception {
    harness.processWatermark(t);
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
  void anOperatorsDeadLetterDatedDaysBehindTheWatermarkStillAddsToItsMinute() throws Exception {
    send(dead(Topics.ATTENDANCE, "occupancy-tracker", SEVEN_TEN));
    watermark(THREE_DAYS_ON); // a phone offline three days uploads for a unit nobody registered
    send(dead(Topics.ATTENDANCE, "occupancy-tracker", SEVEN_TEN_30));

    assertThat(lines())
        .last()
        .isEqualTo(
            "deadletter,topic=pantau.attendance.v1,stage=occupancy-tracker count=2i " + SEVEN_TEN);
  }

  @Test
  void forgetsEachMinuteWhenTheWatermarkPassesItsEndByTheKeepLeavingNoStateOrTimer()
      throws Exception {
    send(dead(Topics.ATTENDANCE, "json-decoder", SEVEN_TEN));
    send(dead(Topics.ATTENDANCE, "json-decoder", SEVEN_TEN_30));
    send(dead(Topics.ATTENDANCE, "json-decoder", SEVEN_ELEVEN));
    assertThat(harness.numEventTimeTimers()).isEqualTo(2); // one per minute

    watermark(SEVEN_TEN_FORGOTTEN - 1);
    assertThat(harness.numEventTimeTimers()).isEqualTo(2);
    watermark(SEVEN_TEN_FORGOTTEN);
    assertThat(harness.numEventTimeTimers()).isEqualTo(1);
    assertThat(harness.numKeyedStateEntries()).isEqualTo(1); // 07:11 is still counted

    watermark(SEVEN_ELEVEN_FORGOTTEN);
    assertThat(harness.numEventTimeTimers()).isZero();
    assertThat(harness.numKeyedStateEntries()).isZero();
  }

  @Test
  void aDeadLetterOfAForgottenMinuteIsNotCountedSoItsPointKeepsTheFullCount() throws Exception {
    send(dead(Topics.ATTENDANCE, "json-decoder", SEVEN_TEN));
    send(dead(Topics.ATTENDANCE, "json-decoder", SEVEN_TEN_30));
    watermark(SEVEN_TEN_FORGOTTEN);

    send(dead(Topics.ATTENDANCE, "json-decoder", SEVEN_TEN_30));

    assertThat(lines())
        .last()
        .isEqualTo(
            "deadletter,topic=pantau.attendance.v1,stage=json-decoder count=2i " + SEVEN_TEN);
    assertThat(harness.numKeyedStateEntries()).isZero();
    assertThat(harness.numEventTimeTimers()).isZero();
  }

  @Test
  void aReplayInAnotherOrderLeavesEveryMinuteWithTheSameCount() throws Exception {
    // The live run: dead letters as they came, the watermark following.
    send(dead(Topics.ATTENDANCE, "json-decoder", SEVEN_TEN));
    watermark(SEVEN_TEN_30);
    send(dead(Topics.ATTENDANCE, "occupancy-tracker", SEVEN_TEN));
    send(dead(Topics.ATTENDANCE, "json-decoder", SEVEN_ELEVEN));
    watermark(THREE_DAYS_ON);
    send(dead(Topics.ATTENDANCE, "json-decoder", SEVEN_TEN_30));
    Map<String, String> live = lastPerPoint(harness);

    // The replay: every topic at once, the operator's dead letters only when the input ends.
    try (var replay = fresh(KEEP)) {
      replay.processElement(
          DeadLetterCount.of(dead(Topics.ATTENDANCE, "json-decoder", SEVEN_ELEVEN)), 0);
      replay.processElement(
          DeadLetterCount.of(dead(Topics.ATTENDANCE, "json-decoder", SEVEN_TEN_30)), 0);
      replay.processElement(
          DeadLetterCount.of(dead(Topics.ATTENDANCE, "json-decoder", SEVEN_TEN)), 0);
      replay.processWatermark(THREE_DAYS_ON);
      replay.processElement(
          DeadLetterCount.of(dead(Topics.ATTENDANCE, "occupancy-tracker", SEVEN_TEN)), 0);
      replay.processWatermark(Long.MAX_VALUE);

      assertThat(lastPerPoint(replay)).isEqualTo(live).hasSize(3);
      assertThat(replay.numKeyedStateEntries()).isZero();
      assertThat(replay.numEventTimeTimers()).isZero();
    }
  }

  @Test
  void aBoundedReplayKeepsEveryMinuteUntilItsInputEnds() throws Exception {
    try (var replay = fresh(DeadLetterCounter.keepFor(JobsConfig.defaults().asBounded()))) {
      replay.processElement(
          DeadLetterCount.of(dead(Topics.ROSTERS, "compliance-tracker", SEVEN_TEN)), 0);
      replay.processWatermark(A_MONTH_ON); // every other source ended; the zones run ahead
      replay.processElement(
          DeadLetterCount.of(dead(Topics.ROSTERS, "compliance-tracker", SEVEN_TEN_30)), 0);

      assertThat(DeadLetterLines.encode(replay.extractOutputValues().get(1)))
          .isEqualTo(
              "deadletter,topic=pantau.rosters.v1,stage=compliance-tracker count=2i " + SEVEN_TEN);
      replay.processWatermark(Long.MAX_VALUE);
      assertThat(replay.numKeyedStateEntries()).isZero();
      assertThat(replay.numEventTimeTimers()).isZero();
    }
  }

  static KeyedOneInputStreamOperatorTestHarness<String, DeadLetterCount, DeadLetterCount> fresh(
      long keepMs) throws Exception {
    return ProcessFunctionTestHarnesses.forKeyedProcessFunction(
        new DeadLetterCounter(keepMs), DeadLetterCount::series, Types.STRING);
  }

  /** What InfluxDB keeps: the last point written per series and time. */
  static Map<String, String> lastPerPoint(
      KeyedOneInputStreamOperatorTestHarness<String, DeadLetterCount, DeadLetterCount> h) {
    Map<String, String> last = new TreeMap<>();
    for (DeadLetterCount c : h.extractOutputValues()) {
      String line = DeadLetterLines.encode(c);
      last.put(line.replaceFirst(" count=\\S+", ""), line);
    }
    return last;
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
