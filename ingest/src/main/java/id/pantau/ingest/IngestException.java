package id.pantau.ingest;

import java.util.List;

/**
 * A request ingest refuses, with its HTTP status, a one-line message and the "field: reason" list;
 * the app turns it into {@code {"error": …, "errors": […]}}.
 */
public final class IngestException extends RuntimeException {
  private final int status;
  private final List<String> errors;
  private final long retryAfterSeconds;

  public IngestException(int status, String message, List<String> errors, long retryAfterSeconds) {
    super(message);
    this.status = status;
    this.errors = List.copyOf(errors);
    this.retryAfterSeconds = retryAfterSeconds;
  }

  public IngestException(int status, String message, List<String> errors) {
    this(status, message, errors, 0);
  }

  public int status() {
    return status;
  }

  public List<String> errors() {
    return errors;
  }

  /** Seconds for the Retry-After header; 0 when the request should not simply be retried. */
  public long retryAfterSeconds() {
    return retryAfterSeconds;
  }

  static IngestException badRequest(String message, List<String> errors) {
    return new IngestException(400, message, errors);
  }

  static IngestException unauthorized(String message) {
    return new IngestException(401, message, List.of("Authorization: " + message));
  }

  static IngestException forbidden(String message, List<String> errors) {
    return new IngestException(403, message, errors);
  }

  static IngestException tooLarge(String message, String error) {
    return new IngestException(413, message, List.of(error));
  }

  static IngestException unsupportedMediaType(String message, String error) {
    return new IngestException(415, message, List.of(error));
  }

  static IngestException unavailable(String message, List<String> errors, long retryAfterSeconds) {
    return new IngestException(503, message, errors, retryAfterSeconds);
  }
}
