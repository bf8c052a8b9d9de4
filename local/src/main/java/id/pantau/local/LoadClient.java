package id.pantau.local;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;

/**
 * A small HTTP/1.1 load generator for the benchmark: {@code connections} keep-alive connections
 * driven by one selector thread, each sending its next request as soon as the answer to the last
 * one arrived (a closed loop, like wrk). One thread and no per-request objects keep its own cost
 * low on a 2-core machine shared with the server and Kafka; the benchmark measures its ceiling
 * against an endpoint that does no work.
 */
final class LoadClient {
  /** The body of each request. */
  interface Bodies {
    /** The body of request number seq, e.g. a template with ids unique to seq; may be reused. */
    byte[] body(long seq);
  }

  /** Header lines of one request, each ending in CRLF, from its body (a device's signature). */
  interface Signer {
    String headers(long seq, byte[] body);
  }

  /** What a run measured: answers by status, and the latency of each answer with `expected`. */
  record Result(
      long sent,
      long expected,
      long other,
      int lastOtherStatus,
      double seconds,
      long[] latencyNanos) {
    double perSecond() {
      return expected / seconds;
    }

    double percentileMs(double p) {
      if (latencyNanos.length == 0) return Double.NaN;
      int i = (int) Math.min(latencyNanos.length - 1, Math.ceil(p * latencyNanos.length) - 1);
      return latencyNanos[Math.max(0, i)] / 1e6;
    }

    String latencies() {
      return String.format(
          Locale.ROOT, "p50 %.1f ms, p99 %.1f ms", percentileMs(0.50), percentileMs(0.99));
    }

    /**
     * This run when every answer had the status asked for; else an error saying what ran, how many
     * answers had another status, the last of them, and {@code why} that spoils the run.
     */
    Result allAnswered(String what, int status, String why) {
      if (other > 0) {
        throw new IllegalStateException(
            what
                + ": "
                + other
                + " answers were not "
                + status
                + " (the last: "
                + lastOtherStatus
                + ")"
                + why);
      }
      return this;
    }
  }

  private final InetSocketAddress address;
  private final String head;
  private final String requestLineAndHeaders;

  /**
   * @param headers extra header lines without line ends, e.g. "Authorization: Bearer x"
   */
  LoadClient(InetSocketAddress address, String method, String path, String... headers) {
    this.address = address;
    StringBuilder sb = new StringBuilder();
    sb.append(method)
        .append(' ')
        .append(path)
        .append(" HTTP/1.1\r\nHost: ")
        .append(address.getHostString())
        .append(':')
        .append(address.getPort())
        .append("\r\n");
    for (String h : headers) sb.append(h).append("\r\n");
    this.requestLineAndHeaders = sb.toString();
    this.head = sb.append("Content-Length: ").toString();
  }

  /**
   * Runs until {@code maxRequests} answers arrived or {@code seconds} passed, whichever is first;
   * only answers with status {@code expected} count as done (others are counted apart).
   */
  Result run(int connections, long maxRequests, double seconds, Bodies bodies, int expected)
      throws IOException {
    return run(connections, maxRequests, seconds, bodies, null, expected);
  }

  /** The same with header lines of each request's own (null: none). */
  Result run(
      int connections, long maxRequests, double seconds, Bodies bodies, Signer signer, int expected)
      throws IOException {
    Conn[] conns = new Conn[connections];
    long[] lat = new long[1 << 16];
    int latCount = 0;
    long sent = 0;
    long ok = 0;
    long other = 0;
    int lastOther = 0;
    long start = 0;
    long deadline = 0;
    try (Selector selector = Selector.open()) {
      for (int i = 0; i < connections; i++) {
        SocketChannel ch = SocketChannel.open(address);
        ch.setOption(StandardSocketOptions.TCP_NODELAY, true);
        ch.configureBlocking(false);
        conns[i] = new Conn(ch);
        conns[i].key = ch.register(selector, 0, conns[i]);
      }
      // Timed from here: opening the connections (a backlog full of 200 SYNs retries after 1 s) is
      // not the server's rate.
      start = System.nanoTime();
      deadline = start + (long) (seconds * 1e9);
      for (Conn c : conns) {
        if (sent < maxRequests) {
          send(c, bodies, signer, sent++);
          c.flush();
        }
      }
      int open = connections;
      while (open > 0) {
        selector.select(100);
        long now = System.nanoTime();
        boolean stop = now >= deadline;
        for (SelectionKey key : selector.selectedKeys()) {
          Conn c = (Conn) key.attachment();
          if (key.isWritable()) c.flush();
          if (!key.isReadable()) continue;
          if (!c.read()) throw new IOException("the server closed a connection");
          int status;
          while ((status = c.parse()) != 0) {
            if (status == expected) {
              ok++;
              if (latCount == lat.length) lat = Arrays.copyOf(lat, lat.length * 2);
              lat[latCount++] = now - c.sentAt;
            } else {
              other++;
              lastOther = status;
            }
            if (!stop && sent < maxRequests) {
              send(c, bodies, signer, sent++);
              c.flush();
            } else {
              open--;
              break;
            }
          }
        }
        selector.selectedKeys().clear();
        if (stop && System.nanoTime() - deadline > 60_000_000_000L) {
          throw new IOException("answers still missing 60 s after the end of the run");
        }
      }
    } finally {
      for (Conn c : conns) if (c != null) c.ch.close();
    }
    double took = (System.nanoTime() - start) / 1e9;
    long[] sorted = Arrays.copyOf(lat, latCount);
    Arrays.sort(sorted);
    return new Result(sent, ok, other, lastOther, took, sorted);
  }

  private void send(Conn c, Bodies bodies, Signer signer, long seq) {
    byte[] body = bodies.body(seq);
    c.send(
        signer == null
            ? head
            : requestLineAndHeaders + signer.headers(seq, body) + "Content-Length: ",
        body);
  }

  /** One connection: the request being written and the answer being read. */
  private static final class Conn {
    final SocketChannel ch;
    SelectionKey key;
    ByteBuffer out = ByteBuffer.allocate(0);
    ByteBuffer in = ByteBuffer.allocate(64 * 1024);
    long sentAt;

    Conn(SocketChannel ch) {
      this.ch = ch;
    }

    void send(String head, byte[] body) {
      byte[] h = (head + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
      int size = h.length + body.length;
      if (out.capacity() < size) out = ByteBuffer.allocate(size);
      out.clear();
      out.put(h).put(body).flip();
      sentAt = System.nanoTime();
    }

    void flush() throws IOException {
      ch.write(out);
      key.interestOps(out.hasRemaining() ? SelectionKey.OP_WRITE : SelectionKey.OP_READ);
    }

    /**
     * Reads what arrived (once: epoll is level-triggered, so more data selects the key again);
     * false at the end of the stream.
     */
    boolean read() throws IOException {
      if (!in.hasRemaining()) {
        in = ByteBuffer.allocate(in.capacity() * 2).put(in.flip());
      }
      return ch.read(in) >= 0;
    }

    /** Consumes one complete answer from the buffer (Content-Length or chunked), or returns 0. */
    int parse() throws IOException {
      byte[] b = in.array();
      int end = in.position();
      int headEnd = indexOf(b, 0, end, "\r\n\r\n");
      if (headEnd < 0) return 0;
      String headText = new String(b, 0, headEnd, StandardCharsets.ISO_8859_1);
      int status = Integer.parseInt(headText.substring(9, 12));
      String lower = headText.toLowerCase(Locale.ROOT);
      int bodyStart = headEnd + 4;
      int total;
      int cl = lower.indexOf("\r\ncontent-length:");
      if (cl >= 0) {
        int eol = lower.indexOf("\r\n", cl + 2);
        int length =
            Integer.parseInt(lower.substring(cl + 17, eol < 0 ? lower.length() : eol).trim());
        total = bodyStart + length;
        if (end < total) return 0;
      } else if (lower.contains("\r\ntransfer-encoding: chunked")) {
        int p = bodyStart;
        while (true) {
          int eol = indexOf(b, p, end, "\r\n");
          if (eol < 0) return 0;
          int size =
              Integer.parseInt(new String(b, p, eol - p, StandardCharsets.ISO_8859_1).trim(), 16);
          p = eol + 2 + size + 2;
          if (p > end) return 0;
          if (size == 0) break;
        }
        total = p;
      } else {
        throw new IOException(
            "an answer with neither Content-Length nor chunked body: " + headText);
      }
      // drop the answer, keep what follows it
      System.arraycopy(b, total, b, 0, end - total);
      in.position(end - total);
      return status;
    }

    private static int indexOf(byte[] b, int from, int to, String what) {
      outer:
      for (int i = from; i <= to - what.length(); i++) {
        for (int j = 0; j < what.length(); j++) if (b[i + j] != what.charAt(j)) continue outer;
        return i;
      }
      return -1;
    }
  }
}
