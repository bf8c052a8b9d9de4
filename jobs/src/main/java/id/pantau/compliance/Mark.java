package id.pantau.compliance;

/**
 * A check-in or a location ping reduced to what compliance needs: when it happened, when ingest
 * received it, and when it can be forgotten. Stored once per eventId, so a duplicate counts once.
 */
public class Mark {
  public long timeMs;

  /** When ingest received it; an event without one counts as received when it reached the job. */
  public long receivedMs;

  /** A location ping (true) or an attendance check-in (false). */
  public boolean ping;

  public long dropAtMs;

  public Mark() {}

  Mark(long timeMs, long receivedMs, boolean ping, long dropAtMs) {
    this.timeMs = timeMs;
    this.receivedMs = receivedMs;
    this.ping = ping;
    this.dropAtMs = dropAtMs;
  }
}
