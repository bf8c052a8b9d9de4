package id.pantau.local.fuzz;

import id.pantau.local.fuzz.FuzzRequest.Service;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Spoils a request at the HTTP level: another method, a path trick (../, %2e%2e, encoded slashes,
 * very long paths), a bad or missing token, a bad content type, odd headers, a chunked body; or
 * replaces it by a malformed request sent verbatim.
 */
final class HttpTricks {
  static final List<String> METHODS =
      List.of(
          "GET",
          "POST",
          "PUT",
          "DELETE",
          "PATCH",
          "HEAD",
          "OPTIONS",
          "TRACE",
          "CONNECT",
          "PROPFIND",
          "MKCOL",
          "FOO",
          "get",
          "Put",
          "X".repeat(300));

  private HttpTricks() {}

  /** The request spoiled in one or two ways. */
  static FuzzRequest spoil(SplittableRandom r, FuzzRequest q) {
    int first = r.nextInt(6);
    int second = r.nextInt(4) == 0 ? (first + 1 + r.nextInt(5)) % 6 : -1;
    for (int kind : new int[] {first, second}) {
      if (kind < 0) continue;
      q =
          switch (kind) {
            case 0 -> method(r, q);
            case 1 -> path(r, q);
            case 2 -> authorization(r, q);
            case 3 -> contentType(r, q);
            case 4 -> header(r, q);
            default -> chunked(r, q);
          };
    }
    return q;
  }

  private static FuzzRequest method(SplittableRandom r, FuzzRequest q) {
    String m = Hostile.pick(r, METHODS);
    if (m.equals(q.method())) return q;
    FuzzRequest other = q.withMethod(m);
    // HEAD is GET without the body: the same 2xx.
    return m.equals("HEAD") && q.method().equals("GET")
        ? other
        : other.spoiled("method " + clip(m));
  }

  private static FuzzRequest path(SplittableRandom r, FuzzRequest q) {
    String t = q.target();
    int query = t.indexOf('?');
    String path = query < 0 ? t : t.substring(0, query);
    String rest = query < 0 ? "" : t.substring(query);
    String trick =
        switch (r.nextInt(18)) {
          case 0 -> "/" + path;
          case 1 -> path + "/";
          case 2 -> path.replaceFirst("/v1/", "/v1/./");
          case 3 -> path.replaceFirst("/v1/", "/v1/../v1/");
          case 4 -> path.replaceFirst("/v1/", "/v1/%2e%2e/v1/");
          case 5 -> path.replaceFirst("/v1/", "/v1%2f");
          case 6 -> path.replaceFirst("/v1/", "/v1%2F..%2F");
          case 7 -> "/../../../etc/passwd";
          case 8 -> path + "/" + "a".repeat(Hostile.pick(r, List.of(2_000, 7_000, 9_000, 70_000)));
          case 9 -> path + ";jsessionid=" + Hostile.word(r);
          case 10 -> path.toUpperCase();
          case 11 -> path.replace("/", "\\");
          case 12 -> path + "%00";
          case 13 ->
              path + Hostile.pick(r, List.of("%", "%z", "%zz", "%C3%28", "%ED%A0%80", "%c0%af"));
          case 14 -> path + "/" + Hostile.encode(Hostile.text(r));
          case 15 -> path.replaceFirst("/v1/", "/v1/%252e%252e/");
          case 16 -> path + "#" + Hostile.word(r);
          default -> "/" + Hostile.encode(Hostile.text(r)) + path;
        };
    // A server that normalises the path may serve the route it names: its 2xx stay documented.
    return q.withTarget(trick + rest);
  }

  private static FuzzRequest authorization(SplittableRandom r, FuzzRequest q) {
    List<String[]> h = without(q.headers(), "Authorization");
    String value =
        switch (r.nextInt(10)) {
          case 0 -> null;
          case 1 -> "Bearer";
          case 2 -> "Bearer ";
          case 3 -> "Bearer " + Hostile.word(r);
          case 4 -> "Basic " + Hostile.word(r);
          case 5 -> "bearer " + Hostile.word(r) + " extra";
          case 6 -> "Bearer " + "t".repeat(Hostile.pick(r, List.of(300, 4_000, 9_000)));
          case 7 -> "Bearer " + Hostile.invalidUtf8(r);
          case 8 ->
              "Bearer "
                  + Hostile.utf8(Hostile.pick(r, Hostile.INJECTIONS))
                      .replace("\r", "")
                      .replace("\n", "");
          default -> "";
        };
    if (value != null) h.add(new String[] {"Authorization", value});
    FuzzRequest spoiled = q.withHeaders(h);
    // Health and the dashboard's pages need no token.
    String t = q.target();
    boolean public_ =
        q.service() == Service.DASHBOARD
            ? t.startsWith("/api/v1/health") || !t.startsWith("/api")
            : t.startsWith("/v1/health");
    return public_ ? spoiled : spoiled.spoiled("authorization");
  }

  private static FuzzRequest contentType(SplittableRandom r, FuzzRequest q) {
    List<String[]> h = without(q.headers(), "Content-Type");
    String type =
        Hostile.pick(
            r,
            List.of(
                "",
                "text/plain",
                "application/xml",
                "multipart/form-data; boundary=x",
                "application/x-www-form-urlencoded",
                "application/json; charset=latin1",
                "application/json; charset=",
                "application/jsonx",
                "*/*",
                ";;;",
                "application/" + "x".repeat(5_000),
                Hostile.invalidUtf8(r)));
    if (r.nextInt(8) != 0) h.add(new String[] {"Content-Type", type});
    boolean needsType = q.service() == Service.INGEST && !"GET".equals(q.method());
    boolean stillJson = h.stream().anyMatch(x -> x[1].startsWith("application/json;"));
    FuzzRequest spoiled = q.withHeaders(h);
    return needsType && !stillJson ? spoiled.spoiled("content type") : spoiled;
  }

  private static FuzzRequest header(SplittableRandom r, FuzzRequest q) {
    List<String[]> h = new ArrayList<>(q.headers());
    switch (r.nextInt(9)) {
      case 0 -> h.add(new String[] {"Accept-Encoding", "gzip, deflate, br"});
      case 1 ->
          h.add(
              new String[] {
                "Accept",
                Hostile.pick(
                    r, List.of("text/html", "*/*", "application/xml", "text/event-stream", ""))
              });
      case 2 -> h.add(new String[] {"Expect", "100-continue"});
      case 3 ->
          h.add(
              new String[] {"X-Fuzz", "v".repeat(Hostile.pick(r, List.of(1_000, 7_000, 20_000)))});
      case 4 -> {
        for (int i = 0; i < 150; i++) h.add(new String[] {"X-Many-" + i, Hostile.word(r)});
      }
      case 5 -> h.add(new String[] {"X-Bytes", Hostile.invalidUtf8(r)});
      case 6 -> h.add(new String[] {"Cookie", "JSESSIONID=" + Hostile.word(r)});
      case 7 -> h.add(new String[] {"Origin", "http://evil.example"});
      default ->
          h.add(
              new String[] {
                "X-Forwarded-For",
                Hostile.pick(r, Hostile.INJECTIONS).replace("\n", "").replace("\r", "")
              });
    }
    return q.withHeaders(h);
  }

  /** The same body sent in chunks (Transfer-Encoding: chunked) instead of with a length. */
  private static FuzzRequest chunked(SplittableRandom r, FuzzRequest q) {
    if (q.body().length == 0) return q;
    ByteArrayOutputStream out = new ByteArrayOutputStream(q.body().length + 64);
    int at = 0;
    while (at < q.body().length) {
      int n = Math.min(q.body().length - at, 1 + r.nextInt(16_384));
      out.writeBytes((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII));
      out.write(q.body(), at, n);
      out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
      at += n;
    }
    out.writeBytes("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
    List<String[]> h = new ArrayList<>(q.headers());
    h.add(new String[] {"Transfer-Encoding", "chunked"});
    return new FuzzRequest(
        q.service(),
        q.what() + " (chunked)",
        q.method(),
        q.target(),
        h,
        out.toByteArray(),
        false,
        null,
        q.ok(),
        q.eventIds());
  }

  /** A malformed request, sent verbatim to either service. */
  static FuzzRequest malformed(SplittableRandom r, Service service) {
    String path = service == Service.INGEST ? "/v1/health" : "/api/v1/health";
    String post = service == Service.INGEST ? "/v1/events" : "/api/v1/occupancy";
    String h = "Host: {host}\r\nConnection: close\r\n";
    // The request lines most cases start with, their headers to follow.
    String get = "GET " + path + " HTTP/1.1\r\n" + h;
    String postHead = "POST " + post + " HTTP/1.1\r\n" + h;
    String wire =
        switch (r.nextInt(30)) {
          case 0 -> "GET " + path + " HTTP/1.1\r\nConnection: close\r\n\r\n";
          case 1 -> "GET " + path + " HTTP/2.0\r\n" + h + "\r\n";
          case 2 -> "GET " + path + " HTTP/9.9\r\n" + h + "\r\n";
          case 3 -> "GET " + path + " HTTP/1.1 extra\r\n" + h + "\r\n";
          case 4 -> "GET  " + path + "  HTTP/1.1\r\n" + h + "\r\n";
          case 5 -> "G\u00c9T " + path + " HTTP/1.1\r\n" + h + "\r\n";
          case 6 ->
              "GET "
                  + path
                  + "/\u00ff\u00fe"
                  + Hostile.invalidUtf8(r)
                  + " HTTP/1.1\r\n"
                  + h
                  + "\r\n";
          case 7 -> "GET " + path + "?q=\u00c3\u0028 HTTP/1.1\r\n" + h + "\r\n";
          case 8 -> "GET /heal th HTTP/1.1\r\n" + h + "\r\n";
          case 9 -> "\r\n\r\nGET " + path + " HTTP/1.1\r\n" + h + "\r\n";
          case 10 -> get + "Bad Header Line\r\n\r\n";
          case 11 -> get + "X-Folded: a\r\n  continued\r\n\r\n";
          case 12 -> get + "X-Nul: a\u0000b\r\n\r\n";
          case 13 -> postHead + "Content-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n";
          case 14 -> postHead + "Content-Length: -1\r\n\r\n";
          case 15 -> postHead + "Content-Length: 99999999999999999999999\r\n\r\n";
          case 16 -> postHead + "Content-Length: abc\r\n\r\n";
          case 17 -> postHead + "Transfer-Encoding: gzip\r\n\r\n";
          case 18 -> postHead + "Transfer-Encoding: chunked\r\n\r\nZZ\r\nabc\r\n0\r\n\r\n";
          case 19 -> postHead + "Content-Length: 2\r\nContent-Length: 3\r\n\r\n{}";
          case 20 -> get + "X-Long: " + "x".repeat(70_000) + "\r\n\r\n";
          case 21 -> "GET " + path + "?" + "q".repeat(70_000) + " HTTP/1.1\r\n" + h + "\r\n";
          case 22 -> "GET " + path + " HTTP/1.1\nHost: {host}\nConnection: close\n\n";
          case 23 -> "GET http://{host}" + path + " HTTP/1.1\r\n" + h + "\r\n";
          case 24 -> "OPTIONS * HTTP/1.1\r\n" + h + "\r\n";
          case 25 -> "CONNECT {host} HTTP/1.1\r\n" + h + "\r\n";
          case 26 -> "GET " + path + " HTTP/1.1\r\nHost: a b\r\nConnection: close\r\n\r\n";
          case 27 ->
              "GET "
                  + path
                  + " HTTP/1.1\r\nHost: {host}\r\nHost: other\r\nConnection: close\r\n\r\n";
          case 28 -> "GET " + path + " HTTP/1.0\r\n\r\n";
          default ->
              postHead
                  + "Transfer-Encoding: chunked\r\nContent-Type: application/json\r\n\r\n3\r\n{}\n\r\n0\r\n\r\n";
        };
    // Some are valid after all (HTTP/1.0, absolute-form, leading empty lines): a GET may succeed.
    Set<Integer> ok = wire.startsWith("POST") ? Set.of() : Set.of(200);
    return FuzzRequest.raw(service, "malformed", wire, ok);
  }

  private static List<String[]> without(List<String[]> headers, String name) {
    List<String[]> out = new ArrayList<>();
    for (String[] h : headers) if (!h[0].equalsIgnoreCase(name)) out.add(h);
    return out;
  }

  private static String clip(String s) {
    return s.length() > 20 ? s.substring(0, 20) + "…" : s;
  }
}
