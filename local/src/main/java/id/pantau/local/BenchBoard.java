package id.pantau.local;

import id.pantau.infra.Browser;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The board's first paint: dashboard-api's console at {@code /} in real headless Chromium ({@link
 * Browser}, as the console's tests drive it), signed in once, then loaded {@link #LOADS} times with
 * the browser's cache off (each load fetches the page, its modules and the occupancy answer anew).
 * Each load gives the first contentful paint ({@code performance.getEntriesByType('paint')}) and
 * the time until the board's table has its rows (the mark {@code board-ready} the page sets), both
 * from the start of the navigation.
 */
final class BenchBoard {
  static final int LOADS = 5;
  private static final Duration READY_DEADLINE = Duration.ofSeconds(60);

  /** One load: milliseconds from the navigation's start. */
  record Load(double firstContentfulPaintMs, double boardReadyMs) {}

  /** The loads' medians, and each load for the report. */
  record Result(List<Load> loads) {
    double medianFirstPaintMs() {
      return median(loads.stream().mapToDouble(Load::firstContentfulPaintMs).sorted().toArray());
    }

    double medianReadyMs() {
      return median(loads.stream().mapToDouble(Load::boardReadyMs).sorted().toArray());
    }

    String each() {
      List<String> s = new ArrayList<>();
      for (Load l : loads) {
        s.add(
            String.format(Locale.ROOT, "%.0f/%.0f", l.firstContentfulPaintMs(), l.boardReadyMs()));
      }
      return String.join(", ", s) + " ms (paint/ready)";
    }

    private static double median(double[] sorted) {
      int n = sorted.length;
      return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
  }

  private BenchBoard() {}

  /** Loads {@code baseUrl}/ as the token's session, which sees {@code rows} units. */
  static Result measure(String baseUrl, String token, int rows) throws IOException {
    try (Browser b = Browser.start()) {
      b.driver().executeCdpCommand("Network.enable", Map.of());
      b.driver().executeCdpCommand("Network.setCacheDisabled", Map.of("cacheDisabled", true));
      b.signIn(baseUrl + "/", token);
      ready(b, rows); // the sign-in's load posts the token first: not counted
      List<Load> loads = new ArrayList<>();
      for (int i = 0; i < LOADS; i++) {
        b.open(baseUrl + "/");
        loads.add(ready(b, rows));
      }
      return new Result(loads);
    }
  }

  /** Waits for the page's board-ready mark; the table must then hold every unit's row. */
  @SuppressWarnings("unchecked")
  private static Load ready(Browser b, int rows) {
    List<Number> v =
        (List<Number>)
            b.await(
                READY_DEADLINE,
                d ->
                    b.script(
                        "const r = performance.getEntriesByName('board-ready')[0];"
                            + " const p = performance.getEntriesByName('first-contentful-paint')[0];"
                            + " return r && p ? [p.startTime, r.startTime,"
                            + " document.querySelectorAll('#units tbody tr').length] : null;"));
    if (v.get(2).intValue() != rows) {
      throw new IllegalStateException(
          "the board showed " + v.get(2) + " rows at board-ready, not the " + rows + " units");
    }
    return new Load(v.get(0).doubleValue(), v.get(1).doubleValue());
  }
}
