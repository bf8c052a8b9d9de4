package id.pantau.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import id.pantau.access.DeviceSignature;
import id.pantau.events.Json;
import id.pantau.events.RosterEntry;
import id.pantau.infra.FreePort;
import id.pantau.sim.FakeIngest.Reply;
import id.pantau.sim.FakeIngest.Request;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The sim's one ingest client against a tiny in-process HTTP server. */
class IngestClientTest {
  static final CityUnit UNIT = City.of(CityConfig.defaults().withSize(3, 30)).units().get(0);

  List<Request> requests = List.of();
  volatile Function<Request, Reply> replies = Reply::accepted;
  FakeIngest ingest;
  final CapturedLogs logs = new CapturedLogs();

  /** The stand-in ingest, answering as each test sets {@link #replies}. */
  URI start() throws IOException {
    ingest = new FakeIngest(0);
    ingest.replies = r -> replies.apply(r);
    requests = ingest.requests;
    return URI.create(ingest.uri() + "/");
  }

  @AfterEach
  void stop() {
    if (ingest != null) ingest.close();
    logs.close();
  }

  static IngestClient client(URI uri, Duration patience) {
    return new IngestClient(uri, " t0ken ", () -> true, patience);
  }

  static List<String> lines(int n) {
    return IntStream.range(0, n).mapToObj(i -> "{\"eventId\": \"e" + i + "\"}").toList();
  }

  @Test
  void retriesA503AfterTheRetryAfterItNamesAndReturnsTheNextAnswer() throws Exception {
    URI uri = start();
    replies =
        r ->
            requests.size() == 1
                ? new Reply(503, "1", "{\"error\": \"kafka unreachable\"}")
                : Reply.accepted(r);
    IngestClient client = client(uri, null);
    List<IngestClient.Answer> answers = new ArrayList<>();

    assertThat(client.postEvents(lines(3), l -> l, (chunk, a) -> answers.add(a))).isTrue();

    assertThat(requests).hasSize(2);
    assertThat(requests.get(1).body()).isEqualTo(requests.get(0).body());
    long waitedMs = (requests.get(1).nanos() - requests.get(0).nanos()) / 1_000_000;
    assertThat(waitedMs).as("Retry-After: 1 honoured").isGreaterThanOrEqualTo(950);
    assertThat(answers).singleElement().satisfies(a -> assertThat(a.status()).isEqualTo(202));
    assertThat(client.retries()).isEqualTo(1);
    assertThat(requests)
        .allSatisfy(
            r -> {
              assertThat(r.method()).isEqualTo("POST");
              assertThat(r.path()).isEqualTo("/v1/events");
              assertThat(r.contentType()).isEqualTo("application/x-ndjson");
              assertThat(r.authorization()).isEqualTo("Bearer t0ken");
            });
    assertThat(logs.lines)
        .anyMatch(l -> l.startsWith("ingest not ready at ") && l.contains("HTTP 503"))
        .contains("ingest is answering at " + uri.toString().replaceAll("/$", ""));
  }

  @Test
  void signsEachAttemptOfAnEventPostAfreshAsItsDevice() throws Exception {
    URI uri = start();
    replies = r -> requests.size() < 3 ? new Reply(502, null, "{}") : Reply.accepted(r);
    var device = new IngestClient.DeviceKey("kiosk-1", DeviceSignature.newSecret());
    IngestClient client = new IngestClient(uri, "t0ken", device, () -> true, null);

    client.postEvents(lines(2), l -> l, (chunk, a) -> {});
    client.putUnit(UNIT);

    List<Request> posts = requests.subList(0, 3);
    assertThat(posts)
        .allSatisfy(
            r -> {
              assertThat(r.authorization()).as("a signed post needs no token").isNull();
              assertThat(r.header("X-pantau-device")).isEqualTo("kiosk-1");
              String ts = r.header("X-pantau-timestamp");
              assertThat(Long.parseLong(ts))
                  .isCloseTo(System.currentTimeMillis() / 1000, within(10L));
              assertThat(
                      DeviceSignature.matches(
                          device.key(),
                          ts,
                          r.body().getBytes(StandardCharsets.UTF_8),
                          r.header("X-pantau-signature")))
                  .isTrue();
            });
    assertThat(posts).extracting(r -> r.header("X-pantau-signature")).doesNotHaveDuplicates();
    assertThat(requests.get(3).authorization())
        .as("reference data with the token")
        .isEqualTo("Bearer t0ken");
    assertThat(requests.get(3).header("X-pantau-signature")).isNull();
  }

  @Test
  void retriesEachNotNowStatusWithBackoffButNotOtherRefusals() throws Exception {
    URI uri = start();
    int[] statuses = {408, 429, 502, 504, 400};
    replies = r -> new Reply(statuses[Math.min(requests.size() - 1, 4)], null, "{}");
    IngestClient client = client(uri, null);

    IngestClient.Answer a = client.putUnit(UNIT);

    assertThat(a.status()).isEqualTo(400);
    assertThat(requests).hasSize(5);
    assertThat(client.retries()).isEqualTo(4);
    // 250, 500, 1000 and 2000 ms between the tries
    long[] gaps = new long[4];
    for (int i = 0; i < 4; i++) {
      gaps[i] = (requests.get(i + 1).nanos() - requests.get(i).nanos()) / 1_000_000;
    }
    assertThat(gaps[0]).isGreaterThanOrEqualTo(240);
    assertThat(gaps[3]).isGreaterThanOrEqualTo(1_990);
    assertThat(requests.get(0).method()).isEqualTo("PUT");
    assertThat(requests.get(0).contentType()).isEqualTo("application/json");
  }

  @Test
  void postsEventsInChunksOfAtMost5000LinesInOrder() throws Exception {
    URI uri = start();
    IngestClient client = client(uri, null);
    List<String> all = lines(12_001);
    List<Integer> chunkSizes = new ArrayList<>();

    client.postEvents(all, l -> l, (chunk, a) -> chunkSizes.add(chunk.size()));

    assertThat(chunkSizes).containsExactly(5_000, 5_000, 2_001);
    assertThat(requests).extracting(r -> r.lines().size()).containsExactly(5_000, 5_000, 2_001);
    assertThat(requests.stream().flatMap(r -> r.lines().stream()).toList()).isEqualTo(all);
    assertThat(requests).allSatisfy(r -> assertThat(r.body()).endsWith("\n"));
  }

  @Test
  void halvesARequestIngestFindsTooLarge() throws Exception {
    URI uri = start();
    replies = r -> r.lines().size() > 1_000 ? new Reply(413, null, "{}") : Reply.accepted(r);
    IngestClient client = client(uri, null);
    List<String> all = lines(3_000);
    List<List<String>> chunks = new ArrayList<>();

    client.postEvents(all, l -> l, (chunk, a) -> chunks.add(List.copyOf(chunk)));

    assertThat(chunks).extracting(List::size).containsExactly(750, 750, 750, 750);
    assertThat(chunks.stream().flatMap(List::stream).toList()).isEqualTo(all);
    List<Request> taken = requests.stream().filter(r -> r.lines().size() <= 1_000).toList();
    assertThat(taken.stream().flatMap(r -> r.lines().stream()).toList()).isEqualTo(all);
  }

  @Test
  void postsRosterRowsAsJsonArraysInChunks() throws Exception {
    URI uri = start();
    replies = r -> new Reply(200, null, "{}");
    IngestClient client = client(uri, null);
    List<RosterEntry> rows = new ArrayList<>();
    for (int i = 0; i < 5_001; i++) {
      RosterEntry row = new RosterEntry();
      row.nip = String.format("%018d", i);
      row.unitId = "tng-disdukcapil";
      row.date = "2026-11-23";
      rows.add(row);
    }
    List<Integer> chunkSizes = new ArrayList<>();

    client.postRosters(rows, (chunk, a) -> chunkSizes.add(chunk.size()));

    assertThat(chunkSizes).containsExactly(5_000, 1);
    assertThat(requests)
        .allSatisfy(
            r -> {
              assertThat(r.path()).isEqualTo("/v1/rosters");
              assertThat(r.contentType()).isEqualTo("application/json");
            });
    RosterEntry[] last = Json.MAPPER.readValue(requests.get(1).body(), RosterEntry[].class);
    assertThat(last)
        .singleElement()
        .satisfies(r -> assertThat(r.nip).isEqualTo(rows.get(5_000).nip));
  }

  @Test
  void givesUpAfterItsPatienceWithIngestsLastAnswer() throws Exception {
    URI uri = start();
    replies = r -> new Reply(503, "0", "{\"error\": \"busy\"}");
    IngestClient client = client(uri, Duration.ofMillis(600));

    IngestClient.Answer a = client.postJson("/v1/events", "{}");

    assertThat(a.status()).isEqualTo(503);
    assertThat(requests.size()).isBetween(2, 4);
  }

  @Test
  void throwsWhenIngestDoesNotAnswerWithinItsPatience() throws Exception {
    int port = FreePort.find(); // nobody listens there
    IngestClient client = client(URI.create("http://127.0.0.1:" + port), Duration.ofMillis(600));

    assertThatThrownBy(() -> client.postJson("/v1/events", "{}"))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("did not answer POST /v1/events")
        .hasMessageContaining("connection refused");
    assertThat(client.retries()).isPositive();
  }

  @Test
  void sendsNothingOnceToldToStop() throws Exception {
    URI uri = start();
    IngestClient client = new IngestClient(uri, null, () -> false, null);

    assertThat(client.postEvents(lines(10), l -> l, (chunk, a) -> {})).isFalse();
    assertThat(client.putUnit(UNIT)).isNull();
    assertThat(requests).isEmpty();
  }

  @Test
  void sendsNoAuthorizationWithoutAToken() throws Exception {
    URI uri = start();
    IngestClient client = new IngestClient(uri, "  ", () -> true, null);

    client.postJson("/v1/events", "{}");

    assertThat(requests).singleElement().satisfies(r -> assertThat(r.authorization()).isNull());
  }
}
