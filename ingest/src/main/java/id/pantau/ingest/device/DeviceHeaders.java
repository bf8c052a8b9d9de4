package id.pantau.ingest.device;

/**
 * The signing headers of a request as sent ({@code X-Pantau-Device}, {@code X-Pantau-Timestamp},
 * {@code X-Pantau-Signature}), any of them null.
 */
public record DeviceHeaders(String device, String timestamp, String signature) {
  public static final DeviceHeaders NONE = new DeviceHeaders(null, null, null);

  /** Whether the request claims to come from a device (any of the headers is there). */
  public boolean present() {
    return device != null || timestamp != null || signature != null;
  }
}
