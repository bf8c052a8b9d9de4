package id.pantau.local;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * What a local run started (servers, services, jobs, threads), stopped newest first: each stop is
 * tried even when another fails, and a failure is printed, not thrown, so the rest still stops.
 */
public final class StartedParts implements AutoCloseable {
  private final Deque<AutoCloseable> parts = new ArrayDeque<>();
  private final String who;

  /** {@code who} prefixes the line of a stop that failed ("pantau", "fuzz"). */
  public StartedParts(String who) {
    this.who = who;
  }

  /** Keeps {@code part} to be stopped before everything kept earlier; returns it. */
  public synchronized <T extends AutoCloseable> T keep(T part) {
    parts.push(part);
    return part;
  }

  @Override
  public synchronized void close() {
    while (!parts.isEmpty()) {
      try {
        parts.pop().close();
      } catch (Exception e) {
        System.err.println(who + ": while stopping: " + e.getMessage());
      }
    }
  }
}
