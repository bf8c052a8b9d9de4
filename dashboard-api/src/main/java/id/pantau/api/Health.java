package id.pantau.api;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** Whether the services the dashboard needs answer: each "up" or "down". */
@JsonPropertyOrder({"kafka", "influxdb"})
public record Health(String kafka, String influxdb) {
  public static final String UP = "up";
  public static final String DOWN = "down";

  public static Health of(boolean kafkaUp, boolean influxUp) {
    return new Health(kafkaUp ? UP : DOWN, influxUp ? UP : DOWN);
  }

  @JsonIgnore
  public boolean allUp() {
    return UP.equals(kafka) && UP.equals(influxdb);
  }
}
