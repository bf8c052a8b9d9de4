package id.pantau.compliance;

/**
 * A check-in or a location ping reduced to what compliance needs: its eventId (a duplicate counts
 * once), when it happened, when ingest received it, and when it can be forgotten. Never changed
 * once kept, so copies of the state may share it.
 */
final class Mark {
  final String eventId;
  final long timeMs;

  /** When ingest received it; an event without one counts as received when it reached the job. */
  final long receivedMs;

  /** A location ping (true) or an attendance check-in (false). */
  final boolean ping;

  final long dropAtMs;

  Mark(String eventId, long timeMs, long receivedMs, boolean ping, long dropAtMs) {
    this.eventId = eventId;
    this.timeMs = timeMs;
    this.receivedMs = receivedMs;
    this.ping = ping;
    this.dropAtMs = dropAtMs;
  }
}
