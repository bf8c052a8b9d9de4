package id.pantau.api.hooks;

/**
 * One delivery attempt as {@code GET /api/v1/hooks/{name}/deliveries} lists it.
 *
 * @param at when it was made (ISO-8601 UTC)
 * @param status the receiver's HTTP status; null when no answer came
 * @param error why it failed without a status (refused, timed out, …); null otherwise
 * @param outcome {@code DELIVERED}, {@code RETRYING} (then {@code nextRetryAt}) or {@code FAILED}
 *     (given up)
 */
public record Attempt(
    String at,
    String alertId,
    String phase,
    String kind,
    int attempt,
    Integer status,
    String error,
    String outcome,
    String nextRetryAt) {
  public static final String DELIVERED = "DELIVERED";
  public static final String RETRYING = "RETRYING";
  public static final String FAILED = "FAILED";
}
