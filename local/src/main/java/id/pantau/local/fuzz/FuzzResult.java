package id.pantau.local.fuzz;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A run's outcome: what was sent and answered, the failing requests (the first ones, by task), and
 * what the event topics hold against what was posted.
 *
 * @param ledgerProblems event IDs stored more than once (or a duplicated event not stored at all)
 */
public record FuzzResult(
    FuzzOptions options,
    int requests,
    Duration took,
    Map<String, Integer> statuses,
    Map<String, Long> millisByKind,
    int failed,
    List<Failure> failures,
    int duplicatesChecked,
    int eventIdsStored,
    List<String> ledgerProblems) {

  public boolean passed() {
    return failed == 0 && ledgerProblems.isEmpty();
  }

  /** The report: the seed first, then counts, then the first failures with their answers. */
  public String report() {
    StringBuilder s = new StringBuilder();
    s.append("fuzz: seed ")
        .append(options.seed())
        .append(", ")
        .append(requests)
        .append(" requests");
    s.append(
        String.format(
            " in %.1f s (%d at once)%n", took.toMillis() / 1000.0, options.parallelism()));
    s.append("answers: ").append(statuses).append('\n');
    s.append("time spent waiting for answers, by kind (ms, all workers): ");
    s.append(millisByKind).append('\n');
    s.append("events: ")
        .append(eventIdsStored)
        .append(" event IDs stored, ")
        .append(duplicatesChecked)
        .append(" posted several times checked once each\n");
    if (passed()) {
      s.append(
          "PASS: no 5xx (but a health endpoint's 503 report of what is down), no broken"
              + " connection, every 4xx with a JSON reason, duplicates once");
      return s.toString();
    }
    s.append("FAIL: ").append(failed).append(" request(s) answered wrong");
    if (!ledgerProblems.isEmpty())
      s.append(", ").append(ledgerProblems.size()).append(" event(s) stored wrong");
    s.append('\n');
    List<Failure> first =
        new ArrayList<>(failures.subList(0, Math.min(options.show(), failures.size())));
    for (Failure f : first) s.append(f.describe()).append('\n');
    for (String p : ledgerProblems.subList(0, Math.min(options.show(), ledgerProblems.size()))) {
      s.append(p).append('\n');
    }
    s.append("again: ./pantau fuzz --seed ")
        .append(options.seed())
        .append(" --requests ")
        .append(options.requests());
    return s.toString();
  }
}
