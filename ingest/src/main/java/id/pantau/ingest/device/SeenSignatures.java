package id.pantau.ingest.device;

import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The signatures of accepted signed requests, each kept until its timestamp has left the window
 * (after that the timestamp check refuses it anyway), so a request replayed within the window is
 * refused. Only requests with a valid signature of a registered device get here, so its size is
 * bounded by what the devices send in one window, under their rate limit.
 */
final class SeenSignatures {
  private static final long SWEEP_EVERY_MS = 10_000;

  private final ConcurrentHashMap<String, Long> expiryBySignature = new ConcurrentHashMap<>();
  private volatile long sweptAt;

  /** True the first time a signature is offered; it is kept until {@code expiresAtMs}. */
  boolean firstUse(String signature, long expiresAtMs, long nowMs) {
    sweep(nowMs);
    return expiryBySignature.putIfAbsent(signature, expiresAtMs) == null;
  }

  int size() {
    return expiryBySignature.size();
  }

  private void sweep(long nowMs) {
    if (nowMs - sweptAt < SWEEP_EVERY_MS) return;
    sweptAt = nowMs;
    for (Iterator<Map.Entry<String, Long>> i = expiryBySignature.entrySet().iterator();
        i.hasNext(); ) {
      if (i.next().getValue() < nowMs) i.remove();
    }
  }
}
