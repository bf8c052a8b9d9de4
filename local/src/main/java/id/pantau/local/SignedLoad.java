package id.pantau.local;

import id.pantau.access.DeviceSignature;
import id.pantau.events.Json;
import id.pantau.ingest.device.RateLimits;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The benchmark's signed single events: every bench unit's kiosk registered at ingest, each event
 * posted by the kiosk of its unit with a fresh signature (HMAC-SHA256 over timestamp:body), on the
 * same load client and events as the token-carrying singles beside it.
 */
final class SignedLoad {
  static final String ADMIN = "pt_bench_admin_token";

  /** Limits far above what one machine sends: the limiter runs, never refuses. */
  static final RateLimits UNREACHED =
      new RateLimits(
          new RateLimits.Rate(1_000_000, 10_000_000), new RateLimits.Rate(1_000_000, 10_000_000));

  private static final int UNITS = 200; // BenchData.event's units

  private final byte[][] keys = new byte[UNITS][];

  private SignedLoad() {}

  /** Registers a kiosk for every bench unit, each with a fresh secret. */
  static SignedLoad register(String ingestUrl) throws IOException, InterruptedException {
    SignedLoad load = new SignedLoad();
    HttpClient http = HttpClient.newHttpClient();
    for (int u = 0; u < UNITS; u++) {
      String secret = DeviceSignature.newSecret();
      HttpRequest put =
          HttpRequest.newBuilder(URI.create(ingestUrl + "/v1/devices/" + kiosk(u)))
              .header("Authorization", "Bearer " + ADMIN)
              .header("Content-Type", "application/json")
              .PUT(
                  HttpRequest.BodyPublishers.ofString(
                      Json.text(Map.of("unitId", BenchData.unitId(u), "secret", secret))))
              .build();
      HttpResponse<String> answer = http.send(put, HttpResponse.BodyHandlers.ofString());
      if (answer.statusCode() != 200) {
        throw new IllegalStateException("registering " + kiosk(u) + ": " + answer.body());
      }
      load.keys[u] = DeviceSignature.key(secret);
    }
    return load;
  }

  private static String kiosk(int u) {
    return "bench-kiosk-" + u;
  }

  /** Single events for {@code seconds}, each signed by its unit's kiosk at the time it is sent. */
  LoadClient.Result singles(int port, double seconds) throws IOException {
    int run = IngestLoad.RUNS.incrementAndGet();
    SplittableRandom rnd = new SplittableRandom(run);
    EventTemplate[] events = new EventTemplate[1000];
    int[] unit = new int[events.length];
    for (int i = 0; i < events.length; i++) {
      String e = BenchData.event(i, events.length, 10_000, IngestLoad.DAY_START, rnd);
      events[i] = new EventTemplate(EventTemplate.withIdPlaceholder(e, run, i));
      int at = e.indexOf("\"unitId\":\"bench-unit-") + "\"unitId\":\"bench-unit-".length();
      unit[i] = Integer.parseInt(e.substring(at, e.indexOf('"', at)));
    }
    LoadClient client =
        new LoadClient(
            new InetSocketAddress("127.0.0.1", port),
            "POST",
            "/v1/events",
            "Content-Type: application/json");
    LoadClient.Result r =
        client.run(
            IngestLoad.SINGLE_CONNECTIONS,
            Long.MAX_VALUE,
            seconds,
            seq -> events[(int) (seq % events.length)].fill(seq),
            (seq, body) -> {
              int u = unit[(int) (seq % events.length)];
              String at = Long.toString(System.currentTimeMillis() / 1000);
              return DeviceSignature.DEVICE_HEADER
                  + ": "
                  + kiosk(u)
                  + "\r\n"
                  + DeviceSignature.TIMESTAMP_HEADER
                  + ": "
                  + at
                  + "\r\n"
                  + DeviceSignature.SIGNATURE_HEADER
                  + ": "
                  + DeviceSignature.sign(keys[u], at, body)
                  + "\r\n";
            },
            202);
    return r.allAnswered("signed single events", 202, IngestLoad.NOT_INGESTS);
  }
}
