package id.pantau.access;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * How a device signs a request to ingest, stated once for the device side (the simulator) and the
 * checking side (ingest): {@code X-Pantau-Signature} is the lowercase hex HMAC-SHA256 of {@code
 * timestamp + ":" + body} under the key SHA-256(secret), {@code X-Pantau-Timestamp} the request's
 * time in epoch seconds, {@code X-Pantau-Device} the registered device ID. Ingest stores only the
 * key, never the secret the operator was given.
 */
public final class DeviceSignature {
  public static final String DEVICE_HEADER = "X-Pantau-Device";
  public static final String TIMESTAMP_HEADER = "X-Pantau-Timestamp";
  public static final String SIGNATURE_HEADER = "X-Pantau-Signature";

  private static final String HMAC = "HmacSHA256";
  private static final HexFormat HEX = HexFormat.of();
  private static final SecureRandom RANDOM = new SecureRandom();
  // Mac.getInstance looks the provider up each time, more than the MAC of a small event costs.
  private static final ThreadLocal<Mac> MACS =
      ThreadLocal.withInitial(
          () -> {
            try {
              return Mac.getInstance(HMAC);
            } catch (GeneralSecurityException e) {
              throw new IllegalStateException(e);
            }
          });

  private DeviceSignature() {}

  /** The signing key of a secret: its SHA-256, 32 bytes. */
  public static byte[] key(String secret) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The signature of a body sent at {@code timestamp} (the header's text), as hex. */
  public static String sign(byte[] key, String timestamp, byte[] body) {
    return HEX.formatHex(mac(key, timestamp, body));
  }

  /** Whether {@code signatureHex} is the body's signature, compared in constant time. */
  public static boolean matches(byte[] key, String timestamp, byte[] body, String signatureHex) {
    byte[] given;
    try {
      given = HEX.parseHex(signatureHex);
    } catch (IllegalArgumentException e) {
      return false;
    }
    return MessageDigest.isEqual(mac(key, timestamp, body), given);
  }

  /** A fresh secret for a device: 32 random bytes as hex, prefixed {@code pd_}. */
  public static String newSecret() {
    byte[] b = new byte[32];
    RANDOM.nextBytes(b);
    return "pd_" + HEX.formatHex(b);
  }

  private static byte[] mac(byte[] key, String timestamp, byte[] body) {
    try {
      Mac mac = MACS.get();
      mac.init(new SecretKeySpec(key, HMAC));
      mac.update(timestamp.getBytes(StandardCharsets.US_ASCII));
      mac.update((byte) ':');
      mac.update(body);
      return mac.doFinal();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
