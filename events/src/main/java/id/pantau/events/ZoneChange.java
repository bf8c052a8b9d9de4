package id.pantau.events;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.ArrayList;
import java.util.List;

/** A region's risk zone from a moment on (PUT /v1/zones/{region}). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ZoneChange {
  public String region;
  public ZoneLevel level;
  public String effectiveFrom;
  @JsonIgnore public long effectiveFromMs = Times.INVALID;

  public ZoneChange() {}

  public void setEffectiveFrom(String effectiveFrom) {
    this.effectiveFrom = effectiveFrom;
    this.effectiveFromMs = Times.parseEpochMs(effectiveFrom);
  }

  /** Kafka key: one record per version, so compaction keeps a change planned for later. */
  @JsonIgnore
  public String key() {
    return region + "@" + effectiveFromMs;
  }

  public List<String> validate() {
    List<String> errors = new ArrayList<>();
    Required.id("region", region, errors);
    Required.present("level", level, errors);
    Times.check("effectiveFrom", effectiveFrom, errors);
    return errors;
  }
}
