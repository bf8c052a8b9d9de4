package id.pantau.local;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/** HTTP load on ingest from this process: NDJSON batches, and single-event requests. */
final class IngestLoad {
  private final URI events;
  private final HttpClient http =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private final long dayStart =
      LocalDate.of(2026, 11, 24).atStartOfDay(ZoneOffset.ofHours(7)).toInstant().toEpochMilli();

  IngestLoad(String ingestUrl) {
    this.events = URI.create(ingestUrl + "/v1/events");
  }

  /** Accepted events per second over `total` events in batches of `batch`, from `threads`. */
  double batches(int total, int batch, int threads) throws Exception {
    int n = total / batch;
    List<String> bodies = new ArrayList<>();
    SplittableRandom rnd = new SplittableRandom(7);
    for (int b = 0; b < Math.min(n, 8); b++) {
      StringBuilder sb = new StringBuilder();
      for (int i = 0; i < batch; i++)
        sb.append(BenchData.event(b * batch + i, total, 10_000, dayStart, rnd)).append('\n');
      bodies.add(sb.toString());
    }
    AtomicLong accepted = new AtomicLong();
    AtomicInteger next = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    long start = System.nanoTime();
    List<Future<?>> done = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      done.add(
          pool.submit(
              () -> {
                int i;
                while ((i = next.getAndIncrement()) < n) {
                  // Bodies repeat, so ingest's dedup would skip them: make each event id unique per
                  // batch.
                  String body =
                      bodies
                          .get(i % bodies.size())
                          .replace("\"eventId\":\"b", "\"eventId\":\"r" + i + "-");
                  accepted.addAndGet(post(body, "application/x-ndjson") == 202 ? batch : 0);
                }
                return null;
              }));
    }
    for (Future<?> f : done) f.get();
    pool.shutdown();
    return accepted.get() / ((System.nanoTime() - start) / 1e9);
  }

  /** Accepted single-event requests per second for `seconds`, from `threads`. */
  double singles(int seconds, int threads) throws Exception {
    AtomicLong accepted = new AtomicLong();
    AtomicLong seq = new AtomicLong();
    long end = System.nanoTime() + seconds * 1_000_000_000L;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    long start = System.nanoTime();
    List<Future<?>> done = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      done.add(
          pool.submit(
              () -> {
                SplittableRandom rnd = new SplittableRandom(Thread.currentThread().getId());
                while (System.nanoTime() < end) {
                  long i = seq.getAndIncrement();
                  String e =
                      BenchData.event((int) (i % 1_000_000), 1_000_000, 10_000, dayStart, rnd)
                          .replace("\"eventId\":\"b", "\"eventId\":\"s" + i + "-");
                  if (post(e, "application/json") == 202) accepted.incrementAndGet();
                }
                return null;
              }));
    }
    for (Future<?> f : done) f.get();
    pool.shutdown();
    return accepted.get() / ((System.nanoTime() - start) / 1e9);
  }

  private int post(String body, String type) throws Exception {
    HttpRequest r =
        HttpRequest.newBuilder(events)
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", type)
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    return http.send(r, HttpResponse.BodyHandlers.discarding()).statusCode();
  }
}
