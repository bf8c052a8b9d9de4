package id.pantau.ingest.device;

import id.pantau.access.DeviceSignature;
import id.pantau.ingest.IngestException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks a device's signed request ({@link DeviceSignature}) in two steps: {@link #identify} before
 * the body is read (the headers are all there, the device is registered, the timestamp lies within
 * {@link #WINDOW_SECONDS} of ingest's clock either way), then {@link #verify} with the body (the
 * signature matches, has not been used before, and the device is within its rate). Every refusal is
 * a 401 (a 429 for the rate) naming the header.
 */
public final class SignedRequests {
  /** How far a request's timestamp may lie from ingest's clock, either way. */
  public static final long WINDOW_SECONDS = 300;

  private final DeviceRegistry registry;
  private final RateLimiter limiter;
  private final Clock clock;
  private final SeenSignatures seen = new SeenSignatures();

  public SignedRequests(DeviceRegistry registry, RateLimiter limiter, Clock clock) {
    this.registry = registry;
    this.limiter = limiter;
    this.clock = clock;
  }

  /**
   * The registered device a request claims to come from; null when it claims none. A request is
   * either signed or carries a token: both at once is refused, so what it is allowed does not hang
   * on which of the two ingest would look at.
   */
  public Device identify(DeviceHeaders h, String authorization) {
    if (!h.present()) return null;
    if (authorization != null) {
      throw refused(
          "a request signed by a device carries no token",
          List.of(
              "Authorization: must be left out of a request signed by a device ("
                  + DeviceSignature.SIGNATURE_HEADER
                  + "); send one or the other"));
    }
    List<String> missing = new ArrayList<>();
    if (blank(h.device())) missing.add(DeviceSignature.DEVICE_HEADER);
    if (blank(h.timestamp())) missing.add(DeviceSignature.TIMESTAMP_HEADER);
    if (blank(h.signature())) missing.add(DeviceSignature.SIGNATURE_HEADER);
    if (!missing.isEmpty()) {
      throw refused(
          "a signed request needs all three headers "
              + DeviceSignature.DEVICE_HEADER
              + ", "
              + DeviceSignature.TIMESTAMP_HEADER
              + " and "
              + DeviceSignature.SIGNATURE_HEADER,
          missing.stream().map(m -> m + ": is required").toList());
    }
    Device device = registry.find(h.device());
    if (device == null) {
      throw refused(
          "the device is not registered",
          List.of(
              DeviceSignature.DEVICE_HEADER
                  + ": device '"
                  + h.device()
                  + "' is not registered; a BKD_ADMIN registers it with PUT /v1/devices/"
                  + h.device()));
    }
    long skew = timestamp(h.timestamp()) - clock.millis() / 1000;
    if (Math.abs(skew) > WINDOW_SECONDS) {
      throw refused(
          "the request's timestamp is too far from ingest's clock",
          List.of(
              DeviceSignature.TIMESTAMP_HEADER
                  + ": "
                  + h.timestamp()
                  + " is "
                  + Math.abs(skew)
                  + " s "
                  + (skew < 0 ? "old" : "ahead")
                  + ", more than "
                  + WINDOW_SECONDS
                  + " s: sign each request, retries too, with the current time in epoch seconds"
                  + " (and check the device's clock)"));
    }
    return device;
  }

  /** The signature over the body is right and new, and the device is within its rate. */
  public void verify(Device device, DeviceHeaders h, byte[] body) {
    String signature = h.signature().trim().toLowerCase(java.util.Locale.ROOT);
    if (!DeviceSignature.matches(device.key(), h.timestamp(), body, signature)) {
      throw refused(
          "the signature does not match",
          List.of(
              DeviceSignature.SIGNATURE_HEADER
                  + ": does not match the body; send the hex HMAC-SHA256 of timestamp + \":\" +"
                  + " body under the key SHA-256(the device's secret)"));
    }
    long expiresAtMs = (timestamp(h.timestamp()) + WINDOW_SECONDS) * 1000 + 1000;
    if (!seen.firstUse(signature, expiresAtMs, clock.millis())) {
      throw refused(
          "the request was sent before",
          List.of(
              DeviceSignature.SIGNATURE_HEADER
                  + ": was used before (a replayed request); sign each request, retries too,"
                  + " with a fresh timestamp"));
    }
    limiter.device(device.id());
  }

  private static long timestamp(String text) {
    String t = text.trim();
    if (t.isEmpty() || t.length() > 12 || !t.chars().allMatch(Character::isDigit)) {
      throw refused(
          "the request's timestamp is not a time",
          List.of(
              DeviceSignature.TIMESTAMP_HEADER
                  + ": must be the time of the request in epoch seconds (got '"
                  + (t.length() > 20 ? t.substring(0, 20) + "…" : t)
                  + "')"));
    }
    return Long.parseLong(t);
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }

  private static IngestException refused(String message, List<String> errors) {
    return new IngestException(401, message, errors);
  }
}
