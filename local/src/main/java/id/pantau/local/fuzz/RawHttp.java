package id.pantau.local.fuzz;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * HTTP/1.1 over a plain socket, one connection per request, so any bytes can be sent (malformed
 * request lines, invalid UTF-8, lying headers) and every way an answer can fail is seen: the body
 * is written on another thread while the answer is read, as a browser does, so a server that
 * answers before reading the whole body is not mistaken for one that hangs.
 */
final class RawHttp {
  private static final int MAX_LINE = 64 * 1024;
  private static final int MAX_BODY = 8 << 20;

  private final String host;
  private final int port;
  private final int timeoutMs;
  private final ExecutorService writers;

  RawHttp(String host, int port, int timeoutMs, ExecutorService writers) {
    this.host = host;
    this.port = port;
    this.timeoutMs = timeoutMs;
    this.writers = writers;
  }

  Answer exchange(FuzzRequest request) {
    byte[] wire = request.wire(host + ":" + port);
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(host, port), timeoutMs);
      socket.setSoTimeout(timeoutMs);
      OutputStream out = socket.getOutputStream();
      Future<String> written =
          writers.submit(
              () -> {
                try {
                  out.write(wire);
                  out.flush();
                  return null;
                } catch (IOException e) {
                  return e.toString();
                }
              });
      Answer answer = read(new BufferedInputStream(socket.getInputStream()), request.isHead());
      if (answer.broken() != null && written.isDone()) {
        String writeError = written.get();
        if (writeError != null) {
          return Answer.broken(answer.status(), answer.broken() + "; writing: " + writeError);
        }
      }
      return answer;
    } catch (IOException e) {
      return Answer.broken(-1, e.toString());
    } catch (Exception e) {
      return Answer.broken(-1, "client: " + e);
    }
  }

  private static Answer read(InputStream in, boolean head) {
    int status = -1;
    try {
      while (true) {
        String statusLine = line(in);
        if (statusLine == null) return Answer.broken(-1, "closed before a status line");
        String[] parts = statusLine.split(" ", 3);
        if (parts.length < 2 || !parts[0].startsWith("HTTP/")) {
          return Answer.broken(-1, "not an HTTP status line: " + Hostile.printable(statusLine, 80));
        }
        status = Integer.parseInt(parts[1]);
        Map<String, List<String>> headers = new LinkedHashMap<>();
        String h;
        while ((h = line(in)) != null && !h.isEmpty()) {
          int colon = h.indexOf(':');
          if (colon <= 0) continue;
          headers
              .computeIfAbsent(
                  h.substring(0, colon).strip().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
              .add(h.substring(colon + 1).strip());
        }
        if (h == null) return Answer.broken(status, "closed inside the headers");
        if (status >= 100 && status < 200) continue; // 100 Continue: the answer follows
        return new Answer(status, headers, body(in, head, status, headers), null);
      }
    } catch (IOException | RuntimeException e) {
      return Answer.broken(status, e.toString());
    }
  }

  private static byte[] body(
      InputStream in, boolean head, int status, Map<String, List<String>> headers)
      throws IOException {
    if (head || status == 204 || status == 304) return new byte[0];
    String te = first(headers, "transfer-encoding");
    String length = first(headers, "content-length");
    String type = first(headers, "content-type");
    if (type != null && type.startsWith("text/event-stream")) {
      // A live stream does not end: what has arrived is enough.
      return in.readNBytes(Math.min(in.available(), 4096));
    }
    if (te != null && te.toLowerCase(Locale.ROOT).contains("chunked")) return chunked(in);
    if (length != null) {
      long n = Long.parseLong(length.strip());
      if (n > MAX_BODY) throw new IOException("Content-Length " + n + " over the client's limit");
      byte[] b = in.readNBytes((int) n);
      if (b.length < n) throw new IOException("body cut at " + b.length + " of " + n + " bytes");
      return b;
    }
    return in.readNBytes(MAX_BODY);
  }

  private static byte[] chunked(InputStream in) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    while (true) {
      String size = line(in);
      if (size == null) throw new IOException("closed inside a chunked body");
      int semi = size.indexOf(';');
      int n = Integer.parseInt((semi < 0 ? size : size.substring(0, semi)).strip(), 16);
      if (n == 0) {
        String trailer;
        while ((trailer = line(in)) != null && !trailer.isEmpty()) {
          // trailers ignored
        }
        return out.toByteArray();
      }
      byte[] chunk = in.readNBytes(n);
      if (chunk.length < n) throw new IOException("chunk cut at " + chunk.length + " of " + n);
      if (out.size() + n > MAX_BODY) throw new IOException("chunked body over the client's limit");
      out.writeBytes(chunk);
      line(in);
    }
  }

  /** A CRLF- (or LF-) terminated line without its end; null at the end of the stream. */
  private static String line(InputStream in) throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream(128);
    int c;
    while ((c = in.read()) >= 0) {
      if (c == '\n') {
        byte[] bytes = b.toByteArray();
        int len =
            bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
        return new String(bytes, 0, len, StandardCharsets.ISO_8859_1);
      }
      if (b.size() >= MAX_LINE) throw new IOException("line over " + MAX_LINE + " bytes");
      b.write(c);
    }
    return b.size() == 0 ? null : b.toString(StandardCharsets.ISO_8859_1);
  }

  private static String first(Map<String, List<String>> headers, String name) {
    List<String> v = headers.get(name);
    return v == null || v.isEmpty() ? null : v.get(0);
  }
}
