package id.pantau.events;

import java.util.Map;

/**
 * Reads one setting of a service from its environment (the {@code PANTAU_*} variables): a variable
 * unset or blank takes its default, a value is trimmed, and an unusable one is refused as {@code
 * NAME: must be … (got 'value')}, so a deployment is told which variable to fix and how.
 */
public final class Env {
  private Env() {}

  /** The variable's text, or {@code fallback} (may be null) when it is unset or blank. */
  public static String text(Map<String, String> env, String name, String fallback) {
    String v = env.get(name);
    return v == null || v.isBlank() ? fallback : v.strip();
  }

  /** A whole number; its digits may be grouped by {@code _} (10_000), as in Java. */
  public static long number(Map<String, String> env, String name, long fallback) {
    String v = text(env, name, null);
    if (v == null) return fallback;
    try {
      return Long.parseLong(v.replace("_", ""));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + ": must be a whole number (got '" + v + "')");
    }
  }

  /**
   * A whole number from {@code min} to {@code max}; {@code what} names it in the refusal ("a port
   * number" gives {@code NAME: must be a port number 0 to 65535 (got '…')}).
   */
  public static int number(
      Map<String, String> env, String name, int fallback, int min, int max, String what) {
    String v = text(env, name, null);
    if (v == null) return fallback;
    long n;
    try {
      n = Long.parseLong(v.replace("_", ""));
    } catch (NumberFormatException e) {
      n = Long.MIN_VALUE;
    }
    if (n < min || n > max) {
      throw new IllegalArgumentException(
          name + ": must be " + what + " " + min + " to " + max + " (got '" + v + "')");
    }
    return (int) n;
  }

  /** A TCP port to listen on, 0 to 65535 (0: a free one). */
  public static int port(Map<String, String> env, String name, int fallback) {
    return number(env, name, fallback, 0, 65535, "a port number");
  }

  /** A yes/no setting: {@code true} or {@code false}, in any case. */
  public static boolean flag(Map<String, String> env, String name, boolean fallback) {
    String v = text(env, name, null);
    if (v == null) return fallback;
    if (v.equalsIgnoreCase("true")) return true;
    if (v.equalsIgnoreCase("false")) return false;
    throw new IllegalArgumentException(name + ": must be true or false (got '" + v + "')");
  }

  /**
   * Refuses two settings that only work together (a login's user and password) when one is given
   * without the other: {@code A, B: set both (what) or neither}.
   */
  public static void bothOrNeither(String nameA, Object a, String nameB, Object b, String what) {
    if ((a == null) != (b == null)) {
      throw new IllegalArgumentException(
          nameA + ", " + nameB + ": set both (" + what + ") or neither");
    }
  }
}
