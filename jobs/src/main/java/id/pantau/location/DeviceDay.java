package id.pantau.location;

/**
 * The local day a device's NIPs are collected for, and those NIPs in the order first seen. A Flink
 * POJO in keyed state ({@code device-day}); {@code nips} was added (POJO schema evolution: a value
 * restored from before reads null, its NIPs being in the legacy map state {@code device-nips}).
 */
public class DeviceDay {
  public String date;
  public long endMs;
  public String[] nips;

  public DeviceDay() {}

  DeviceDay(String date, long endMs) {
    this.date = date;
    this.endMs = endMs;
  }
}
