package id.pantau.api;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A webhook receiver on 127.0.0.1 and a free port, as a BKD's system would run one: it verifies
 * every request's signature with the secret (as grafana/README.md says, independently of the
 * signing code) and answers the statuses it was told, then 200; or, hanging, never answers.
 */
public final class Receiver implements AutoCloseable {
  /** One request as received. */
  public record Request(
      String body, String timestamp, String idempotencyKey, boolean signatureValid, int answered) {}

  private final String secret;
  private final boolean hang;
  private final Deque<Integer> statuses = new ArrayDeque<>();
  private final List<Request> requests = new ArrayList<>();
  private final CountDownLatch closing = new CountDownLatch(1);
  private final ExecutorService pool = Executors.newCachedThreadPool();
  private final HttpServer server;

  private Receiver(String secret, boolean hang, int... firstStatuses) throws IOException {
    this.secret = secret;
    this.hang = hang;
    for (int s : firstStatuses) statuses.add(s);
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/hook", this::handle);
    server.setExecutor(pool);
    server.start();
  }

  /** Answers the statuses given first, then 200 to everything. */
  public static Receiver answering(String secret, int... firstStatuses) throws IOException {
    return new Receiver(secret, false, firstStatuses);
  }

  /** Takes each request and never answers (until closed). */
  public static Receiver hanging() throws IOException {
    return new Receiver("", true);
  }

  public String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
  }

  private void handle(HttpExchange x) throws IOException {
    byte[] body = x.getRequestBody().readAllBytes();
    if (hang) {
      try {
        closing.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      x.close();
      return;
    }
    String ts = x.getRequestHeaders().getFirst("X-Grafana-Alerting-Timestamp");
    String sig = x.getRequestHeaders().getFirst("X-Grafana-Alerting-Signature");
    int status;
    synchronized (this) {
      Integer s = statuses.poll();
      status = s == null ? 200 : s;
      requests.add(
          new Request(
              new String(body, StandardCharsets.UTF_8),
              ts,
              x.getRequestHeaders().getFirst("Idempotency-Key"),
              valid(ts, sig, body),
              status));
      notifyAll();
    }
    x.sendResponseHeaders(status, -1);
    x.close();
  }

  /** The signature over timestamp:body, compared in constant time; a timestamp within 5 min. */
  private boolean valid(String ts, String sig, byte[] body) {
    if (ts == null || sig == null) return false;
    try {
      if (Math.abs(Instant.now().getEpochSecond() - Long.parseLong(ts)) > 300) return false;
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      byte[] signed =
          (ts + ":" + new String(body, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
      String expected = HexFormat.of().formatHex(mac.doFinal(signed));
      return MessageDigest.isEqual(
          expected.getBytes(StandardCharsets.UTF_8), sig.getBytes(StandardCharsets.UTF_8));
    } catch (Exception e) {
      return false;
    }
  }

  /** Every request so far. */
  public synchronized List<Request> requests() {
    return List.copyOf(requests);
  }

  /** Waits until a request's body contains {@code text}; the requests so far (none: timed out). */
  public synchronized List<Request> awaitBodyWith(String text, Duration deadline)
      throws InterruptedException {
    long end = System.nanoTime() + deadline.toNanos();
    while (requests.stream().noneMatch(r -> r.body().contains(text))) {
      long left = end - System.nanoTime();
      if (left <= 0) return List.of();
      TimeUnit.NANOSECONDS.timedWait(this, left);
    }
    return List.copyOf(requests);
  }

  @Override
  public void close() {
    closing.countDown();
    server.stop(0);
    pool.shutdownNow();
  }
}
