package id.pantau.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import id.pantau.events.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A plain HTTP client for the tests: GET (or another method with a body) with an optional bearer
 * token.
 */
final class Http {
  private static final HttpClient CLIENT =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private Http() {}

  static HttpResponse<String> get(String url, String token) {
    return get(url, token, new String[0]);
  }

  /** GET with further headers, given as name, value, name, value … */
  static HttpResponse<String> get(String url, String token, String... headers) {
    return request("GET", url, null, bearer(token, headers));
  }

  /** A request with a method and a JSON body (null: none), e.g. PUT or DELETE. */
  static HttpResponse<String> send(String method, String url, String token, String body) {
    return request(method, url, body, bearer(token, "Content-Type", "application/json"));
  }

  /**
   * Any method, with a body (null: none) and headers given as name, value, name, value … (no bearer
   * token unless given as a header): the requests a browser sends.
   */
  static HttpResponse<String> request(String method, String url, String body, String... headers) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30));
    for (int i = 0; i + 1 < headers.length; i += 2) b.header(headers[i], headers[i + 1]);
    b.method(
        method,
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body));
    return send(b.build());
  }

  /** The headers, with an Authorization header for the token first (none when it is null). */
  private static String[] bearer(String token, String... headers) {
    List<String> all = new ArrayList<>();
    if (token != null) all.addAll(List.of("Authorization", "Bearer " + token));
    all.addAll(List.of(headers));
    return all.toArray(String[]::new);
  }

  private static HttpResponse<String> send(HttpRequest request) {
    try {
      return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static JsonNode json(HttpResponse<String> response) {
    return json(response.body());
  }

  /** The JSON body of an answer, once its status is the one expected (the body shown if not). */
  static JsonNode json(HttpResponse<String> response, int status) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    return json(response);
  }

  static JsonNode json(String text) {
    try {
      return Json.MAPPER.readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException("not JSON: " + text, e);
    }
  }

  /** The lines of a CSV answer (CRLF ends), once it is a 200 of text/csv. */
  static List<String> csvLines(HttpResponse<String> response) {
    assertAnswered(response, 200, "text/csv");
    return List.of(response.body().split("\r\n"));
  }

  /** Asserts the status and the start of the Content-Type (the body shown when they differ). */
  static void assertAnswered(HttpResponse<String> response, int status, String contentType) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(ct -> assertThat(ct).startsWith(contentType));
  }

  /** The reasons of a refusal, once its status is the one expected. */
  static List<String> errors(HttpResponse<String> response, int status) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    return errors(response);
  }

  /** The one reason of a refusal, once its status is the one expected (fails on more or none). */
  static String error(HttpResponse<String> response, int status) {
    List<String> errors = errors(response, status);
    assertThat(errors).as(response.body()).hasSize(1);
    return errors.get(0);
  }

  /** The "errors" list of an error answer, each as text. */
  static List<String> errors(HttpResponse<String> response) {
    List<String> out = new ArrayList<>();
    json(response).get("errors").forEach(e -> out.add(e.asText()));
    return out;
  }
}
