package id.pantau.api.hooks;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signature Grafana's webhook sends (grafana/README.md): hex(HMAC-SHA256(secret, timestamp +
 * ":" + body)) in {@value #SIGNATURE}, the Unix seconds in {@value #TIMESTAMP}; one receiver
 * verifies both.
 */
public final class Signature {
  public static final String SIGNATURE = "X-Grafana-Alerting-Signature";
  public static final String TIMESTAMP = "X-Grafana-Alerting-Timestamp";

  private Signature() {}

  /** The hex signature of the body sent at {@code epochSeconds}. */
  public static String sign(String secret, long epochSeconds, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      mac.update((epochSeconds + ":").getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(mac.doFinal(body));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
    }
  }
}
