package id.pantau.sink;

/** Line-protocol building blocks; tag values are escaped so no input can forge a tag. */
public final class Lines {
  private Lines() {}

  public static StringBuilder measurement(String name) {
    return new StringBuilder(96).append(name);
  }

  public static StringBuilder tag(StringBuilder sb, String key, String value) {
    sb.append(',').append(key).append('=');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == ',' || c == '=' || c == ' ') sb.append('\\');
      sb.append(c);
    }
    return sb;
  }

  /** Starts the field set: call once, after the last tag. */
  public static StringBuilder firstField(StringBuilder sb, String key, long value) {
    return sb.append(' ').append(key).append('=').append(value).append('i');
  }

  public static StringBuilder firstField(StringBuilder sb, String key, double value) {
    return sb.append(' ').append(key).append('=').append(value);
  }

  public static StringBuilder field(StringBuilder sb, String key, long value) {
    return sb.append(',').append(key).append('=').append(value).append('i');
  }

  public static StringBuilder field(StringBuilder sb, String key, double value) {
    return sb.append(',').append(key).append('=').append(value);
  }

  public static StringBuilder field(StringBuilder sb, String key, boolean value) {
    return sb.append(',').append(key).append('=').append(value);
  }

  public static String time(StringBuilder sb, long epochMs) {
    return sb.append(' ').append(epochMs).toString();
  }
}
