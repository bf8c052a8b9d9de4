package id.pantau.local.fuzz;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * One generated request: which service it goes to, its request line, headers and body as the bytes
 * sent, or (for a malformed request line) the whole request verbatim. Text is sent as ISO-8859-1,
 * one byte per char, so a generator writes any byte sequence, invalid UTF-8 included ({@link
 * Hostile#utf8} turns text into its UTF-8 bytes held as such chars).
 *
 * @param what a short name of what the generator meant, shown with a failure
 * @param ok the 2xx statuses documented for this request when it happens to be valid (empty: none)
 * @param eventIds the event IDs of valid events it posts (checked once in Kafka)
 */
public record FuzzRequest(
    Service service,
    String what,
    String method,
    String target,
    List<String[]> headers,
    byte[] body,
    boolean contentLength,
    String raw,
    Set<Integer> ok,
    List<String> eventIds) {

  /** The two services under test. */
  public enum Service {
    INGEST,
    DASHBOARD
  }

  public FuzzRequest {
    headers = List.copyOf(headers);
    body = body == null ? new byte[0] : body;
    ok = Set.copyOf(ok);
    eventIds = List.copyOf(eventIds);
  }

  /** A request with a well-formed request line, Host and Connection: close added. */
  static FuzzRequest of(
      Service service,
      String what,
      String method,
      String target,
      List<String[]> headers,
      byte[] body,
      Set<Integer> ok) {
    return new FuzzRequest(service, what, method, target, headers, body, true, null, ok, List.of());
  }

  /** The same with the event IDs it posts. */
  FuzzRequest withEventIds(List<String> ids) {
    return new FuzzRequest(
        service, what, method, target, headers, body, contentLength, raw, ok, ids);
  }

  /** The same with other headers. */
  FuzzRequest withHeaders(List<String[]> h) {
    return new FuzzRequest(
        service, what, method, target, h, body, contentLength, raw, ok, eventIds);
  }

  /** The same with another target (path and query). */
  FuzzRequest withTarget(String t) {
    return new FuzzRequest(
        service, what, method, t, headers, body, contentLength, raw, ok, eventIds);
  }

  /** The same with another method. */
  FuzzRequest withMethod(String m) {
    return new FuzzRequest(
        service, what, m, target, headers, body, contentLength, raw, ok, eventIds);
  }

  /** The same, described anew, with no 2xx expected. */
  FuzzRequest spoiled(String how) {
    return new FuzzRequest(
        service,
        what + " + " + how,
        method,
        target,
        headers,
        body,
        contentLength,
        raw,
        Set.of(),
        eventIds);
  }

  /** Sent verbatim (Host and framing included, or deliberately not). */
  static FuzzRequest raw(Service service, String what, String wire, Set<Integer> ok) {
    return new FuzzRequest(
        service, what, null, null, List.of(), new byte[0], false, wire, ok, List.of());
  }

  boolean isHead() {
    return "HEAD".equals(method);
  }

  /** The bytes on the wire to host:port. */
  byte[] wire(String hostPort) {
    if (raw != null) return raw.replace("{host}", hostPort).getBytes(StandardCharsets.ISO_8859_1);
    ByteArrayOutputStream out = new ByteArrayOutputStream(body.length + 512);
    StringBuilder head = new StringBuilder();
    head.append(method).append(' ').append(target).append(" HTTP/1.1\r\n");
    head.append("Host: ").append(hostPort).append("\r\n");
    for (String[] h : headers) head.append(h[0]).append(": ").append(h[1]).append("\r\n");
    if (contentLength && (body.length > 0 || !"GET".equals(method) && !isHead())) {
      head.append("Content-Length: ").append(body.length).append("\r\n");
    }
    head.append("Connection: close\r\n\r\n");
    out.writeBytes(head.toString().getBytes(StandardCharsets.ISO_8859_1));
    out.writeBytes(body);
    return out.toByteArray();
  }

  /** Method, target, headers and body, each clipped, non-printable bytes escaped. */
  String describe(int clip) {
    if (raw != null) return service + " raw (" + what + "): " + Hostile.printable(raw, clip);
    StringBuilder s = new StringBuilder();
    s.append(service).append(" (").append(what).append(") ");
    s.append(Hostile.printable(method, clip)).append(' ').append(Hostile.printable(target, clip));
    List<String> hs = new ArrayList<>();
    for (String[] h : headers) hs.add(h[0] + ": " + h[1]);
    if (!hs.isEmpty())
      s.append("\n    headers: ").append(Hostile.printable(String.join(" | ", hs), clip));
    if (body.length > 0) {
      s.append("\n    body (").append(body.length).append(" bytes): ");
      s.append(Hostile.printable(new String(body, StandardCharsets.ISO_8859_1), clip));
    }
    return s.toString();
  }
}
