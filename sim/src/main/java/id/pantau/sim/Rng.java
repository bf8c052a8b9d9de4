package id.pantau.sim;

import java.nio.charset.StandardCharsets;

/**
 * A small SplitMix64 random source of our own, so that a seed yields the same city and the same
 * days on every JDK (the JDK's generators do not promise that for their derived methods).
 */
final class Rng {
  private static final long GOLDEN = 0x9E3779B97F4A7C15L;
  private long state;

  private Rng(long state) {
    this.state = state;
  }

  /** A generator keyed by several parts, e.g. (seed, epochDay, hash(nip)). */
  static Rng of(long... parts) {
    long h = 0x632BE59BD9B4E019L;
    for (long p : parts) h = mix(h ^ mix(p + GOLDEN));
    return new Rng(h);
  }

  /** FNV-1a over UTF-8: a stable hash of a name, unlike String.hashCode's 32 bits. */
  static long hash(String s) {
    long h = 0xcbf29ce484222325L;
    for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
      h ^= (b & 0xff);
      h *= 0x100000001b3L;
    }
    return h;
  }

  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }

  long nextLong() {
    state += GOLDEN;
    return mix(state);
  }

  /** Uniform in [0, 1). */
  double nextDouble() {
    return (nextLong() >>> 11) * 0x1.0p-53;
  }

  /** Uniform in [0, bound). */
  int nextInt(int bound) {
    if (bound <= 0) throw new IllegalArgumentException("bound must be positive");
    return (int) Math.floorMod(nextLong(), (long) bound);
  }

  /** Uniform in [from, to] (inclusive). */
  int between(int from, int to) {
    return from + nextInt(to - from + 1);
  }

  double uniform(double from, double to) {
    return from + (to - from) * nextDouble();
  }

  boolean chance(double p) {
    return nextDouble() < p;
  }

  /** Standard normal, by Box-Muller (one value per call, no hidden state). */
  double gaussian() {
    double u1 = 1.0 - nextDouble(); // (0, 1]
    double u2 = nextDouble();
    return Math.sqrt(-2.0 * Math.log(u1)) * Math.cos(2.0 * Math.PI * u2);
  }

  /** Exponential with the given mean. */
  double exponential(double mean) {
    return -mean * Math.log(1.0 - nextDouble());
  }
}
