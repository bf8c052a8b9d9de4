package id.pantau.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import id.pantau.events.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Supplier;

/** Talks to a started ingest over real HTTP. */
final class HttpProbe {
  private final HttpClient client =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();
  private final Supplier<String> base;

  HttpProbe(String base) {
    this(() -> base);
  }

  /** For an ingest that starts later: its URL is asked at each request. */
  HttpProbe(Supplier<String> base) {
    this.base = base;
  }

  /** A response with its JSON body parsed. */
  record Answer(int status, JsonNode json, HttpResponse<String> raw) {
    String header(String name) {
      return raw.headers().firstValue(name).orElse(null);
    }

    /** How many records ingest says it took ({@code accepted}). */
    int accepted() {
      return json.get("accepted").asInt();
    }

    /** Asserts the status and how many records ingest took (the body shown when either fails). */
    void assertTook(int status, int accepted) {
      assertThat(this.status).as(raw.body()).isEqualTo(status);
      assertThat(accepted()).as(raw.body()).isEqualTo(accepted);
    }

    /** The first reason of a refusal ({@code errors[0]}). */
    String firstError() {
      return json.get("errors").get(0).asText();
    }

    /** The first reason of a refusal that must be a 400. */
    String badRequest() {
      return refused(400);
    }

    /** The first reason of a refusal that must have this status. */
    String refused(int status) {
      assertThat(this.status).as("status of %s", raw.uri()).isEqualTo(status);
      return firstError();
    }
  }

  Answer post(String path, String contentType, String token, String body) {
    return send("POST", path, contentType, token, body.getBytes(StandardCharsets.UTF_8));
  }

  Answer put(String path, String contentType, String token, String body) {
    return send("PUT", path, contentType, token, body.getBytes(StandardCharsets.UTF_8));
  }

  /** POST /v1/events with one JSON event. */
  Answer postEvent(String token, String json) {
    return post("/v1/events", "application/json", token, json);
  }

  /** POST /v1/events with NDJSON, an event a line. */
  Answer postNdjson(String token, String lines) {
    return post("/v1/events", "application/x-ndjson", token, lines);
  }

  Answer putJson(String path, String token, String json) {
    return put(path, "application/json", token, json);
  }

  Answer putCsv(String path, String token, String csv) {
    return put(path, "text/csv", token, csv);
  }

  Answer postCsv(String path, String token, String csv) {
    return post(path, "text/csv", token, csv);
  }

  /** PUT /v1/units/{unitId} with {@link TestData#unitBody} of the region and zone. */
  Answer putUnit(String unitId, String token, String region, String timeZone) {
    return putJson("/v1/units/" + unitId, token, TestData.unitBody(region, timeZone));
  }

  Answer get(String path) {
    return send("GET", path, null, null, null);
  }

  Answer send(String method, String path, String contentType, String token, byte[] body) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(base.get() + path))
            .timeout(Duration.ofSeconds(30))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(body));
    if (contentType != null) b.header("Content-Type", contentType);
    if (token != null) b.header("Authorization", "Bearer " + token);
    return send(b.build());
  }

  Answer send(HttpRequest request) {
    try {
      HttpResponse<String> r = client.send(request, HttpResponse.BodyHandlers.ofString());
      JsonNode json = r.body().isEmpty() ? null : Json.MAPPER.readTree(r.body());
      return new Answer(r.statusCode(), json, r);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
