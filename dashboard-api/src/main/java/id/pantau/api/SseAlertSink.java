package id.pantau.api;

import id.pantau.events.Alert;
import io.javalin.http.sse.SseClient;

/**
 * An {@link AlertSink} over a Javalin SSE connection: one event per alert, named by its kind, with
 * id {@code alertId:phase} and the alert's JSON as data.
 */
final class SseAlertSink implements AlertSink {
  private final SseClient client;

  SseAlertSink(SseClient client) {
    this.client = client;
  }

  @Override
  public boolean alert(Alert alert, String json) {
    if (client.terminated()) return false;
    client.sendEvent(alert.kind, json, RecentAlerts.eventId(alert));
    return !client.terminated();
  }

  @Override
  public boolean comment(String text) {
    if (client.terminated()) return false;
    client.sendComment(text);
    return !client.terminated();
  }

  @Override
  public void close() {
    client.close();
  }
}
