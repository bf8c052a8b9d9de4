package id.pantau.local;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a correctness check compared and where the pipeline differed from the ground truth, by
 * category: how many were compared, how many differed, and the first few differences in words.
 */
final class Differences {
  private static final class Tally {
    long compared;
    long differing;
    final List<String> first = new ArrayList<>();
  }

  private final int maxListed;
  private final Map<String, Tally> byCategory = new LinkedHashMap<>();

  Differences(int maxListed) {
    this.maxListed = maxListed;
  }

  /** Compares one value; returns whether it matched. */
  boolean check(String category, String what, Object expected, Object actual) {
    Tally t = tally(category);
    t.compared++;
    if (same(expected, actual)) return true;
    t.differing++;
    if (t.first.size() < maxListed) {
      t.first.add(what + ": expected " + expected + ", got " + actual);
    }
    return false;
  }

  /** A difference found without a value to compare (a missing or an extra row). */
  void add(String category, String what) {
    Tally t = tally(category);
    t.compared++;
    t.differing++;
    if (t.first.size() < maxListed) t.first.add(what);
  }

  private Tally tally(String category) {
    return byCategory.computeIfAbsent(category, k -> new Tally());
  }

  private static boolean same(Object a, Object b) {
    if (a instanceof Double x && b instanceof Double y) {
      return Math.abs(x - y) <= 1e-6 * Math.max(1, Math.abs(x));
    }
    return a == null ? b == null : a.equals(b);
  }

  long total() {
    return byCategory.values().stream().mapToLong(t -> t.differing).sum();
  }

  /** The first differences of one category, in words (at most the number listed). */
  List<String> listed(String category) {
    Tally t = byCategory.get(category);
    return t == null ? List.of() : List.copyOf(t.first);
  }

  /** The differences found in one category (0 for a category not compared). */
  long differing(String category) {
    Tally t = byCategory.get(category);
    return t == null ? 0 : t.differing;
  }

  long compared() {
    return byCategory.values().stream().mapToLong(t -> t.compared).sum();
  }

  boolean none() {
    return total() == 0;
  }

  /** The table of categories, then the first differences of each. */
  String report() {
    StringBuilder sb = new StringBuilder();
    sb.append(String.format(Locale.ROOT, "%-34s %12s %10s%n", "compared", "values", "differing"));
    byCategory.forEach(
        (c, t) ->
            sb.append(
                String.format(Locale.ROOT, "%-34s %,12d %,10d%n", c, t.compared, t.differing)));
    byCategory.forEach(
        (c, t) -> {
          if (t.first.isEmpty()) return;
          sb.append('\n').append(c).append(" (first ").append(t.first.size()).append(" of ");
          sb.append(String.format(Locale.ROOT, "%,d", t.differing)).append("):\n");
          for (String s : t.first) sb.append("  ").append(s).append('\n');
        });
    return sb.toString();
  }
}
