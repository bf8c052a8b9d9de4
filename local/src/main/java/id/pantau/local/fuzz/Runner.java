package id.pantau.local.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import id.pantau.events.Json;
import id.pantau.local.fuzz.FuzzRequest.Service;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Sends the generator's tasks, in index order, from a few workers at once until the requested
 * number of requests has gone out; checks every answer ({@link Check}) and notes which duplicated
 * events ingest accepted.
 */
final class Runner {
  /** What a run saw. */
  record Seen(
      int requests,
      Map<String, Integer> statuses,
      int failed,
      List<Failure> failures,
      Set<String> acceptedDuplicates,
      Map<String, Long> millisByKind) {}

  private static final int KEEP_FAILURES = 200;

  private final Generator generator;
  private final Map<Service, RawHttp> clients;
  private final Clock clock;
  private final int target;
  private int nextIndex;
  private int handedOut;
  private final AtomicInteger sent = new AtomicInteger();
  private final Map<String, AtomicInteger> statuses = new ConcurrentHashMap<>();
  private final ConcurrentSkipListSet<Failure> failures = new ConcurrentSkipListSet<>();
  private final AtomicInteger failed = new AtomicInteger();
  private final Map<String, AtomicLong> nanosByKind = new ConcurrentHashMap<>();
  private final Set<String> acceptedDuplicates = ConcurrentHashMap.newKeySet();

  Runner(Generator generator, Map<Service, RawHttp> clients, Clock clock, int requests) {
    this.generator = generator;
    this.clients = clients;
    this.clock = clock;
    this.target = requests;
  }

  Seen run(int parallelism) throws Exception {
    ExecutorService workers = Executors.newFixedThreadPool(parallelism);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int i = 0; i < parallelism; i++) done.add(workers.submit(this::work));
      for (Future<?> f : done) f.get();
    } finally {
      workers.shutdownNow();
      workers.awaitTermination(10, TimeUnit.SECONDS);
    }
    Map<String, Integer> counts = new TreeMap<>();
    statuses.forEach((k, v) -> counts.put(k, v.get()));
    Map<String, Long> millis = new TreeMap<>();
    nanosByKind.forEach((k, v) -> millis.put(k, v.get() / 1_000_000));
    return new Seen(
        sent.get(),
        counts,
        failed.get(),
        new ArrayList<>(failures),
        Set.copyOf(acceptedDuplicates),
        millis);
  }

  /** The next task in index order, or null once enough requests were handed out. */
  private synchronized Task next() {
    if (handedOut >= target) return null;
    Task t = generator.task(nextIndex++, clock.instant());
    handedOut += t.requests().size();
    return t;
  }

  private void work() {
    Task t;
    while ((t = next()) != null) {
      for (int i = 0; i < t.requests().size(); i++) {
        FuzzRequest q = t.requests().get(i);
        long started = System.nanoTime();
        Answer a = clients.get(q.service()).exchange(q);
        nanosByKind
            .computeIfAbsent(q.service() + " " + kind(q.what()), k -> new AtomicLong())
            .addAndGet(System.nanoTime() - started);
        sent.incrementAndGet();
        statuses
            .computeIfAbsent(
                q.service() + " " + (a.broken() != null ? "broken" : a.status()),
                k -> new AtomicInteger())
            .incrementAndGet();
        String problem = Check.problem(q, a);
        if (problem != null) {
          failed.incrementAndGet();
          failures.add(new Failure(t.index(), i + 1, q, a, problem));
          while (failures.size() > KEEP_FAILURES) failures.pollLast();
        }
        if (t.duplicateId() != null && accepted(a, t.duplicateId())) {
          acceptedDuplicates.add(t.duplicateId());
        }
      }
    }
  }

  /** The generator's name of a request up to its first detail: "events", "units as CSV", … */
  private static String kind(String what) {
    int cut = what.length();
    for (String stop : List.of(":", " +", " (", " 1", " 2", " 3", " 4", " 5")) {
      int i = what.indexOf(stop);
      if (i > 0) cut = Math.min(cut, i);
    }
    return what.substring(0, cut);
  }

  /** A 202 that does not list the event among the rejected lines. */
  private static boolean accepted(Answer a, String eventId) {
    if (a.status() != 202) return false;
    try {
      JsonNode body = Json.MAPPER.readTree(a.body());
      for (JsonNode r : body.path("rejected")) {
        if (eventId.equals(r.path("eventId").asText(null))) return false;
      }
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
