package id.pantau.events;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.ArrayList;
import java.util.List;

/** A confirmed case in a unit, or its end (PUT /v1/units/{unitId}/exposure). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class Exposure {
  public String unitId;
  public Boolean exposed;
  public String effectiveFrom;
  @JsonIgnore public long effectiveFromMs = Times.INVALID;

  public Exposure() {}

  public void setEffectiveFrom(String effectiveFrom) {
    this.effectiveFrom = effectiveFrom;
    this.effectiveFromMs = Times.parseEpochMs(effectiveFrom);
  }

  @JsonIgnore
  public String key() {
    return unitId + "@" + effectiveFromMs;
  }

  public List<String> validate() {
    List<String> errors = new ArrayList<>();
    Required.id("unitId", unitId, errors);
    Required.present("exposed", exposed, errors);
    Times.check("effectiveFrom", effectiveFrom, errors);
    return errors;
  }
}
