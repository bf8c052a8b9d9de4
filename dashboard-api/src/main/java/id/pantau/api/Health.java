package id.pantau.api;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Instant;

/**
 * Whether the services the dashboard needs answer: each "up" or "down"; and how old the occupancy
 * served is (null before the first read of InfluxDB).
 */
@JsonPropertyOrder({"kafka", "influxdb", "occupancy"})
public record Health(String kafka, String influxdb, Occupancy occupancy) {
  public static final String UP = "up";
  public static final String DOWN = "down";

  /** When the occupancy served was read from InfluxDB, and its age then. */
  @JsonPropertyOrder({"asOf", "ageMs"})
  public record Occupancy(String asOf, long ageMs) {
    static Occupancy of(Instant readAt, Instant now) {
      return new Occupancy(
          readAt.toString(), Math.max(0, now.toEpochMilli() - readAt.toEpochMilli()));
    }
  }

  public static Health of(boolean kafkaUp, boolean influxUp, Occupancy occupancy) {
    return new Health(kafkaUp ? UP : DOWN, influxUp ? UP : DOWN, occupancy);
  }

  @JsonIgnore
  public boolean allUp() {
    return UP.equals(kafka) && UP.equals(influxdb);
  }
}
