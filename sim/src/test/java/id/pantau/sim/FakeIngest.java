package id.pantau.sim;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import id.pantau.events.Json;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A stand-in for ingest on a loopback port, in process: records every request as it came, and
 * answers as the contract says (an event post 202 with its lines accepted but for those {@link
 * #rejected} names, 503 while {@link #unavailableEventPosts} counts down; anything else 200), or as
 * {@link #replies} says when a test sets it.
 */
final class FakeIngest implements AutoCloseable {
  static {
    // The JDK's test server otherwise waits on delayed ACKs, ~40 ms a request.
    System.setProperty("sun.net.httpserver.nodelay", "true");
  }

  static final String EVENTS = "/v1/events";

  /** A request as ingest got it: at by the stand-in's {@link #clock}, nanos System.nanoTime(). */
  record Request(
      String method,
      String path,
      String contentType,
      String authorization,
      String body,
      Instant at,
      long nanos,
      Map<String, List<String>> headers) {
    String header(String name) {
      List<String> values = headers.get(name);
      return values == null ? null : values.get(0);
    }

    /** The body's NDJSON lines. */
    List<String> lines() {
      return body.lines().filter(l -> !l.isBlank()).toList();
    }

    boolean is(String method, String path) {
      return this.method.equals(method) && this.path.equals(path);
    }
  }

  /** An answer: a status, a Retry-After header (or null) and a body. */
  record Reply(int status, String retryAfter, String body) {
    static Reply accepted(Request r) {
      return new Reply(202, null, "{\"accepted\": " + r.lines().size() + ", \"rejected\": []}");
    }
  }

  final HttpServer server;
  final List<Request> requests = new CopyOnWriteArrayList<>();
  private final List<Request> taken = new CopyOnWriteArrayList<>();
  final AtomicInteger unavailableEventPosts = new AtomicInteger();
  volatile Function<List<String>, String> rejected = lines -> "[]";
  volatile Function<Request, Reply> replies = this::asTheContractSays;
  volatile Clock clock = Clock.systemUTC();

  FakeIngest(int port) throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
    server.createContext("/", this::handle);
    server.start();
  }

  URI uri() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  /** The requests answered 2xx, in the order they came. */
  List<Request> taken() {
    return taken;
  }

  List<Request> eventPosts() {
    return taken.stream().filter(r -> r.is("POST", EVENTS)).toList();
  }

  List<Request> rosterPosts() {
    return taken.stream().filter(r -> r.is("POST", "/v1/rosters")).toList();
  }

  List<String> postedLines() {
    return eventPosts().stream().flatMap(r -> r.lines().stream()).toList();
  }

  private Reply asTheContractSays(Request r) {
    if (!r.is("POST", EVENTS)) return new Reply(200, null, "{}");
    if (unavailableEventPosts.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
      return new Reply(503, "0", "{\"error\": \"kafka unreachable\"}");
    }
    String rej = rejected.apply(r.lines());
    int rejectedCount;
    try {
      rejectedCount = Json.MAPPER.readTree(rej).size();
    } catch (IOException e) {
      throw new IllegalArgumentException("rejected: not JSON: " + rej, e);
    }
    return new Reply(
        202,
        null,
        "{\"accepted\": " + (r.lines().size() - rejectedCount) + ", \"rejected\": " + rej + "}");
  }

  private void handle(HttpExchange ex) throws IOException {
    Request r =
        new Request(
            ex.getRequestMethod(),
            ex.getRequestURI().getPath(),
            ex.getRequestHeaders().getFirst("Content-Type"),
            ex.getRequestHeaders().getFirst("Authorization"),
            new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8),
            clock.instant(),
            System.nanoTime(),
            Map.copyOf(ex.getRequestHeaders()));
    requests.add(r);
    Reply reply = replies.apply(r);
    if (reply.status() / 100 == 2) taken.add(r);
    if (reply.retryAfter() != null) ex.getResponseHeaders().add("Retry-After", reply.retryAfter());
    byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
    ex.sendResponseHeaders(reply.status(), bytes.length);
    ex.getResponseBody().write(bytes);
    ex.close();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
