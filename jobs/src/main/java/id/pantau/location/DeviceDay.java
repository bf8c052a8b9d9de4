package id.pantau.location;

/** The local day a device's NIPs are collected for. A Flink POJO. */
public class DeviceDay {
  public String date;
  public long endMs;

  public DeviceDay() {}

  DeviceDay(String date, long endMs) {
    this.date = date;
    this.endMs = endMs;
  }
}
