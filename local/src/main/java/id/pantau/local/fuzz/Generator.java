package id.pantau.local.fuzz;

import id.pantau.local.fuzz.FuzzRequest.Service;
import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The run's tasks, each a function of the seed and its index alone (its own SplittableRandom), so a
 * failing request can be made again from the two numbers printed with it.
 */
final class Generator {
  private final long seed;
  private final IngestRequests ingest;
  private final DashboardRequests dashboard;

  /** With ingest's limits, so oversize bodies and batches are just over them. */
  Generator(long seed, Callers callers, long maxBodyBytes, int maxLines) {
    this.seed = seed;
    this.ingest = new IngestRequests(callers, maxBodyBytes, maxLines);
    this.dashboard = new DashboardRequests(callers);
  }

  /** The prefix of every event ID the run posts as valid. */
  String idPrefix() {
    return "fz" + Long.toHexString(seed) + "-";
  }

  Task task(int index, Instant now) {
    SplittableRandom r = new SplittableRandom(mix(seed ^ mix(index + 0x632BE59BD9B4E019L)));
    String prefix = idPrefix() + index;
    if (r.nextInt(25) == 0) {
      List<FuzzRequest> posts = ingest.duplicates(r, now, prefix);
      return new Task(index, posts, prefix + "-dup");
    }
    Service service = r.nextBoolean() ? Service.INGEST : Service.DASHBOARD;
    if (r.nextInt(25) == 0) return new Task(index, List.of(HttpTricks.malformed(r, service)), null);
    FuzzRequest q =
        service == Service.INGEST ? ingest.next(r, now, prefix) : dashboard.next(r, now);
    if (r.nextInt(4) == 0) q = HttpTricks.spoil(r, q);
    return new Task(index, List.of(q), null);
  }

  /** Stafford's mix13 (as SplittableRandom mixes), so neighbouring indexes are unrelated. */
  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }
}
