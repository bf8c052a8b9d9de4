package id.pantau.api;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A server-sent events client for the tests: GET with {@code Accept: text/event-stream}, the body
 * streamed line by line (BodyHandlers.ofLines()) on a reader thread that parses events and comments
 * as they arrive. Every wait has a deadline.
 */
final class EventStream implements AutoCloseable {
  private static final HttpClient CLIENT =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  /** One event: its name, id and data (data lines joined by newlines). */
  record Event(String name, String id, String data) {}

  private final HttpResponse<Stream<String>> response;
  private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
  private final BlockingQueue<String> comments = new LinkedBlockingQueue<>();
  private final CountDownLatch ended = new CountDownLatch(1);

  private EventStream(HttpResponse<Stream<String>> response) {
    this.response = response;
    Thread reader = new Thread(this::read, "test-sse-reader");
    reader.setDaemon(true);
    reader.start();
  }

  /** Connects and returns once the response headers arrived (within 10 s). */
  static EventStream open(String url, String token) throws Exception {
    return open(url, token, null);
  }

  /** Connects as an EventSource reconnecting after the event {@code lastEventId} (null: none). */
  static EventStream open(String url, String token, String lastEventId) throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/event-stream");
    if (token != null) b.header("Authorization", "Bearer " + token);
    if (lastEventId != null) b.header("Last-Event-ID", lastEventId);
    HttpResponse<Stream<String>> r =
        CLIENT
            .sendAsync(b.GET().build(), HttpResponse.BodyHandlers.ofLines())
            .get(10, TimeUnit.SECONDS);
    return new EventStream(r);
  }

  HttpResponse<Stream<String>> response() {
    return response;
  }

  /** The next event, or null when none arrives within the timeout. */
  Event nextEvent(Duration timeout) throws InterruptedException {
    return events.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** The events received so far and not yet taken. */
  List<Event> takeEvents() {
    List<Event> out = new ArrayList<>();
    events.drainTo(out);
    return out;
  }

  /** True once a comment with the text arrived within the timeout (earlier comments are passed). */
  boolean awaitComment(String text, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      long left = deadline - System.nanoTime();
      if (left <= 0) return false;
      String c = comments.poll(left, TimeUnit.NANOSECONDS);
      if (c == null) return false;
      if (c.equals(text)) return true;
    }
  }

  /** True once the server ended the stream within the timeout. */
  boolean awaitEnd(Duration timeout) throws InterruptedException {
    return ended.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  @Override
  public void close() {
    response.body().close();
  }

  private void read() {
    String name = null;
    String id = null;
    StringBuilder data = null;
    try {
      Iterator<String> lines = response.body().iterator();
      while (lines.hasNext()) {
        String line = lines.next();
        if (line.isEmpty()) {
          if (data != null)
            events.add(new Event(name == null ? "message" : name, id, data.toString()));
          name = null;
          id = null;
          data = null;
        } else if (line.startsWith(":")) {
          comments.add(line.substring(1).strip());
        } else {
          int colon = line.indexOf(':');
          String field = colon < 0 ? line : line.substring(0, colon);
          String value = colon < 0 ? "" : line.substring(colon + 1);
          if (value.startsWith(" ")) value = value.substring(1);
          switch (field) {
            case "event" -> name = value;
            case "id" -> id = value;
            case "data" ->
                data = data == null ? new StringBuilder(value) : data.append('\n').append(value);
            default -> {}
          }
        }
      }
    } catch (RuntimeException e) {
      // the connection was closed: the stream has ended
    } finally {
      ended.countDown();
    }
  }
}
