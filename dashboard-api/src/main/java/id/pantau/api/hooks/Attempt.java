package id.pantau.api.hooks;

/**
 * One delivery attempt as {@code GET /api/v1/hooks/{name}/deliveries} lists it.
 *
 * @param at when it was made (ISO-8601 UTC)
 * @param status the receiver's HTTP status; null when no answer came
 * @param error why it failed without a status (refused, timed out, …); null otherwise
 * @param outcome how it ended
 */
public record Attempt(
    String at,
    String alertId,
    String phase,
    String kind,
    int attempt,
    Integer status,
    String error,
    Outcome outcome,
    String nextRetryAt) {

  /** How an attempt ended, in JSON by its name. */
  public enum Outcome {
    DELIVERED,
    /** Not delivered yet: tried again at {@code nextRetryAt}. */
    RETRYING,
    /** Given up. */
    FAILED
  }
}
