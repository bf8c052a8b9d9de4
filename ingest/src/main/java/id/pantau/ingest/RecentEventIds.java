package id.pantau.ingest;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The event IDs Kafka acknowledged most recently, bounded (least recently seen dropped first). A
 * device that retries after a lost answer gets "accepted" again without a second record on the
 * topic. It is a shortcut, not the guarantee: it forgets on restart and past its capacity, and two
 * concurrent posts of one event may both be published, so the jobs deduplicate by event ID too.
 */
final class RecentEventIds {
  private final int capacity;
  private final LinkedHashMap<String, Boolean> ids;

  RecentEventIds(int capacity) {
    this.capacity = capacity;
    this.ids =
        new LinkedHashMap<>(Math.min(capacity, 1 << 16), 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > RecentEventIds.this.capacity;
          }
        };
  }

  synchronized boolean contains(String id) {
    return ids.get(id) != null; // get, so a repeated ID counts as recently seen
  }

  synchronized void add(String id) {
    if (capacity > 0) ids.put(id, Boolean.TRUE);
  }

  /**
   * The items whose ID is neither among the recent ones nor repeats an earlier item of the list, in
   * order; one lock for the whole batch.
   */
  synchronized <T> List<T> unseen(List<T> items, Function<T, String> id) {
    List<T> out = new ArrayList<>(items.size());
    Set<String> inBatch = items.size() > 1 ? new HashSet<>() : Set.of();
    for (T item : items) {
      String key = id.apply(item);
      if (ids.get(key) != null) continue; // get, so a repeated ID counts as recently seen
      if (items.size() > 1 && !inBatch.add(key)) continue;
      out.add(item);
    }
    return out;
  }

  synchronized void addAll(List<String> acknowledged) {
    if (capacity > 0) for (String id : acknowledged) ids.put(id, Boolean.TRUE);
  }

  synchronized int size() {
    return ids.size();
  }
}
