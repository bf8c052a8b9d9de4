package id.pantau.local.fuzz;

import com.fasterxml.jackson.databind.node.ObjectNode;
import id.pantau.access.DeviceSignature;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Devices at ingest: registrations and unregistrations of devices other than the run's own (by
 * every writer's token, so the operator's and a region's refused), and event posts signed as the
 * run's registered device ({@link Callers#DEVICE}) instead of carrying a token: mostly right, else
 * stale or ahead, forged, signed with another secret, short of a header or from a device never
 * registered (each a 401), or with an event of another unit (403).
 */
final class SignedPosts {
  private static final String[] REGISTRARS = {"admin", "regional", "operator"};

  private SignedPosts() {}

  /** PUT or DELETE /v1/devices/{deviceId} of a device that is never the run's signing one. */
  static FuzzRequest registration(SplittableRandom r, Callers callers) {
    String deviceId = IngestRequests.pathValue(r, "fz-dev-" + Hostile.word(r));
    String token = callers.token(REGISTRARS[r.nextInt(REGISTRARS.length)]);
    byte[] body = null;
    boolean delete = r.nextInt(4) == 0;
    if (!delete) {
      ObjectNode node = JsonFuzz.NODES.objectNode();
      node.put("unitId", Bodies.unit(r));
      if (r.nextInt(3) == 0) node.put("secret", Hostile.text(r));
      JsonFuzz.Doc doc = new JsonFuzz.Doc(node);
      if (r.nextInt(3) == 0) JsonFuzz.mutateTree(r, doc);
      body = JsonFuzz.bytes(Hostile.utf8(doc.text()));
    }
    return FuzzRequest.of(
        FuzzRequest.Service.INGEST,
        delete ? "device unregistered" : "device registered",
        delete ? "DELETE" : "PUT",
        "/v1/devices/" + deviceId,
        IngestRequests.headers(IngestRequests.JSON, token),
        body,
        Set.of(200));
  }

  /** The event made the device's own: its unit, and its device ID when it names one. */
  static void own(ObjectNode event) {
    event.put("unitId", Callers.DEVICE_UNIT);
    if (event.has("deviceId")) event.put("deviceId", Callers.DEVICE);
  }

  /** The post with the device's signing headers in place of its Authorization header. */
  static FuzzRequest sign(SplittableRandom r, Instant now, Callers callers, FuzzRequest post) {
    long at = now.getEpochSecond();
    int fate = r.nextInt(14);
    String how = "signed";
    if (fate == 0) {
      at -= 301 + r.nextInt(3600);
      how = "signed, stale";
    } else if (fate == 1) {
      at += 301 + r.nextInt(3600);
      how = "signed, ahead";
    }
    String timestamp = Long.toString(at);
    byte[] key =
        fate == 2 ? DeviceSignature.key("not-its-secret-" + r.nextLong()) : callers.deviceKey();
    String signature = DeviceSignature.sign(key, timestamp, post.body());
    if (fate == 2) how = "signed with another secret";
    if (fate == 3) {
      char[] c = signature.toCharArray();
      int i = r.nextInt(c.length);
      c[i] = c[i] == '0' ? '1' : '0';
      signature = new String(c);
      how = "signed, forged";
    }
    String device = fate == 4 ? "fz-ghost" : Callers.DEVICE;
    if (fate == 4) how = "signed by an unregistered device";
    List<String[]> headers = new ArrayList<>();
    for (String[] h : post.headers()) if (!h[0].equals("Authorization")) headers.add(h);
    String[][] signing = {
      {DeviceSignature.DEVICE_HEADER, device},
      {DeviceSignature.TIMESTAMP_HEADER, timestamp},
      {DeviceSignature.SIGNATURE_HEADER, signature}
    };
    int dropped = fate == 5 ? r.nextInt(3) : -1;
    if (fate == 5) how = "signed, without " + signing[dropped][0];
    for (int i = 0; i < signing.length; i++) if (i != dropped) headers.add(signing[i]);
    return new FuzzRequest(
        post.service(),
        post.what() + ", " + how,
        post.method(),
        post.target(),
        headers,
        post.body(),
        post.contentLength(),
        post.raw(),
        post.ok(),
        post.eventIds());
  }
}
