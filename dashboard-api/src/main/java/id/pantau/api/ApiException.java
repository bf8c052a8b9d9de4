package id.pantau.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A request that cannot be answered as asked: the HTTP status and the reasons, each "field:
 * reason", rendered as {@code {"status": N, "errors": [...]}}.
 */
public final class ApiException extends RuntimeException {
  private final int status;
  private final List<String> errors;
  private final Map<String, String> headers;

  public ApiException(int status, List<String> errors, Map<String, String> headers) {
    super(status + " " + String.join("; ", errors));
    this.status = status;
    this.errors = List.copyOf(errors);
    this.headers = Map.copyOf(headers);
  }

  public ApiException(int status, String error) {
    this(status, List.of(error), Map.of());
  }

  public static ApiException badRequest(List<String> errors) {
    return new ApiException(400, errors, Map.of());
  }

  public static ApiException unauthorized(String reason) {
    return new ApiException(
        401, List.of(reason), Map.of("WWW-Authenticate", "Bearer realm=\"pantau\""));
  }

  public static ApiException forbidden(String reason) {
    return new ApiException(403, reason);
  }

  public static ApiException notFound(String reason) {
    return new ApiException(404, reason);
  }

  public int status() {
    return status;
  }

  public List<String> errors() {
    return errors;
  }

  public Map<String, String> headers() {
    return headers;
  }

  /** The JSON body. */
  public Map<String, Object> body() {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("status", status);
    body.put("errors", errors);
    return body;
  }
}
