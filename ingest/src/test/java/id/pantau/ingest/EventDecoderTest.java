package id.pantau.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import id.pantau.access.Principal;
import id.pantau.access.Role;
import id.pantau.events.Json;
import id.pantau.events.TimeBounds;
import id.pantau.events.Topics;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EventDecoderTest {
  static final Principal DEVICE = new Principal("phone-app", Role.DEVICE, Set.of(), Set.of());

  private static Object decode(String line) {
    byte[] body = line.getBytes(StandardCharsets.UTF_8);
    var batch =
        new EventDecoder.Batch(
            body,
            true,
            DEVICE,
            null,
            TestData.NOW.toEpochMilli(),
            new ClockGuard(TimeBounds.DEFAULT, TestData.clock()));
    return EventDecoder.decode(batch, new NdjsonLines.Line(7, 0, body.length));
  }

  private static IngestService.Rejection rejected(String line) {
    Object decoded = decode(line);
    assertThat(decoded).isInstanceOf(IngestService.Rejection.class);
    IngestService.Rejection r = (IngestService.Rejection) decoded;
    assertThat(r.line()).isEqualTo(7);
    return r;
  }

  @Test
  void aValidEventBecomesItsCanonicalJsonWithReceivedAtKeyedByNip() throws Exception {
    String line =
        TestData.attendance("e-1", "nip-1").replace("{\"type\"", "{\"extra\":[1,{}],\"type\"");

    var out = (AckedWrites.Outgoing) decode(line);

    assertThat(out.topic()).isEqualTo(Topics.ATTENDANCE);
    assertThat(out.key()).isEqualTo("nip-1");
    assertThat(out.dedupKey()).isEqualTo(Topics.ATTENDANCE + "/e-1");
    JsonNode value = Json.MAPPER.readTree(out.value());
    assertThat(value.has("extra")).isFalse();
    assertThat(value.get("receivedAt").asLong()).isEqualTo(TestData.NOW.toEpochMilli());
    assertThat(value.get("location").get("accuracyM").asDouble()).isEqualTo(12.5);
  }

  @Test
  void theTopLevelTypeCountsNotATypeInsideANestedObject() {
    String line =
        "{\"location\":{\"type\":\"attendance\",\"lat\":-6.2,\"lon\":106.6,\"accuracyM\":30,"
            + "\"mock\":false},\"eventId\":\"e-2\",\"nip\":\"nip-2\",\"unitId\":\"u\","
            + "\"time\":\"2026-11-23T08:05:00+07:00\",\"deviceId\":\"d\",\"type\":\"location\"}";

    var out = (AckedWrites.Outgoing) decode(line);

    assertThat(out.topic()).isEqualTo(Topics.LOCATION);
  }

  @Test
  void aFieldOfTheWrongTypeIsNamedAndTheEventIdKept() {
    String line = TestData.attendance("e-3", "nip-3").replace("\"CHECK_IN\"", "5");

    var r = rejected(line);

    assertThat(r.eventId()).isEqualTo("e-3");
    assertThat(r.errors()).singleElement().asString().startsWith("action: ");
  }

  @Test
  void everyMissingFieldIsNamed() {
    var r = rejected("{\"type\":\"attendance\",\"eventId\":\"e-4\",\"nip\":\"n\"}");

    assertThat(r.eventId()).isEqualTo("e-4");
    assertThat(r.errors()).contains("unitId: is required", "action: is required");
  }

  @Test
  void badJsonNamesTheColumnOfTheLine() {
    var r = rejected("{\"type\":\"attendance\",\"eventId\":");

    assertThat(r.eventId()).isNull();
    assertThat(r.errors()).singleElement().asString().startsWith("body: not valid JSON at column");
  }

  @Test
  void twoObjectsOnOneLineAreRefused() {
    String event = TestData.attendance("e-5", "nip-5");

    var r = rejected(event + " " + event);

    assertThat(r.errors()).singleElement().asString().startsWith("body: ");
  }

  @Test
  void aTypeThatIsNotAStringOrNotKnownIsRefused() {
    assertThat(rejected("{\"type\":5,\"eventId\":\"e-6\"}").errors())
        .containsExactly("type: must be 'attendance' or 'location'");
    assertThat(rejected("{\"eventId\":\"e-7\",\"type\":\"visit\"}").eventId()).isEqualTo("e-7");
    assertThat(rejected("[1]").errors()).containsExactly("body: must be a JSON object");
  }
}
