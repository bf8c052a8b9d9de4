package id.pantau.local;

import java.util.function.Function;

/** What the commands run by {@code ./pantau} share on their command line. */
public final class CommandLine {
  /** The exit code of a command line that cannot work. */
  public static final int USAGE = 2;

  private CommandLine() {}

  /** The options, or the reason they are refused printed and the JVM ended with {@link #USAGE}. */
  public static <T> T optionsOrExit(String[] args, Function<String[], T> parse) {
    try {
      return parse.apply(args);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.exit(USAGE);
      throw e; // not reached
    }
  }
}
