package id.pantau.infra;

import java.time.Duration;

/**
 * A server run as a child process on 127.0.0.1 ports: stopped with SIGTERM (SIGKILL after a grace)
 * until its ports no longer accept, or killed at once as a crash would.
 */
public abstract class LoopbackServer implements AutoCloseable {
  private static final Duration STOP_GRACE = Duration.ofSeconds(15);
  private static final Duration CLOSE_WAIT = Duration.ofSeconds(10);

  /** The port clients use. */
  protected final int port;

  /** Replaced by a subclass that starts its server again on the same ports. */
  protected volatile ChildProcess process;

  private final int[] otherPorts;

  LoopbackServer(ChildProcess process, int port, int... otherPorts) {
    this.process = process;
    this.port = port;
    this.otherPorts = otherPorts.clone();
  }

  public int port() {
    return port;
  }

  public long pid() {
    return process.pid();
  }

  /** SIGTERM (a controlled shutdown keeps the data clean), SIGKILL after 15 s. */
  public void stop() {
    process.stop(STOP_GRACE);
    FreePort.awaitClosed(port, CLOSE_WAIT);
    for (int p : otherPorts) FreePort.awaitClosed(p, CLOSE_WAIT);
  }

  /** SIGKILL at once, as a crash would (fault tests). */
  public void kill() {
    process.kill();
  }

  @Override
  public void close() {
    stop();
  }
}
