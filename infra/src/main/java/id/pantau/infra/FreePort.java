package id.pantau.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;

/**
 * Ports on 127.0.0.1. A port found free may be taken before the server binds it (nothing can close
 * that race from outside the server); the servers then fail fast with their log, never silently.
 */
public final class FreePort {
  static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

  private FreePort() {}

  /** A port the kernel picks from its ephemeral range, so parallel callers rarely collide. */
  public static int find() {
    try (ServerSocket socket = new ServerSocket(0, 1, LOOPBACK)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("no free port on 127.0.0.1", e);
    }
  }

  /** The preferred port (a contract default such as 9092) if it is free, else any free one. */
  public static int preferOr(int preferred) {
    return isFree(preferred) ? preferred : find();
  }

  static boolean isFree(int port) {
    // Binding also fails when another process listens on the wildcard address with this port.
    try (ServerSocket socket = new ServerSocket()) {
      socket.bind(new InetSocketAddress(LOOPBACK, port), 1);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /** Fails before a server is launched on a taken port: cheaper and clearer than its crash log. */
  static void requireFree(int port, String server) {
    if (!isFree(port)) {
      throw new IllegalStateException(
          server
              + " cannot start: 127.0.0.1:"
              + port
              + " is taken. Stop what uses it (`ss -ltnp | grep :"
              + port
              + "`) or start on another port (FreePort.preferOr / FreePort.find).");
    }
  }

  /** Whether something accepts TCP connections on 127.0.0.1:port right now. */
  static boolean accepts(int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(LOOPBACK, port), 250);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  static void awaitClosed(int port, Duration timeout) {
    if (!Poll.until(timeout, () -> !accepts(port))) {
      throw new IllegalStateException("port 127.0.0.1:" + port + " still accepts after " + timeout);
    }
  }
}
