package id.pantau.events;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.ArrayList;
import java.util.List;

/**
 * A unit (OPD: dinas, badan, kecamatan, puskesmas …) as reference data, keyed by {@link #unitId} on
 * the compacted units topic.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class Unit {
  public String unitId;
  public String name;
  public String region;
  public String timeZone;
  public Integer headcount;
  public Boolean essential;
  public Integer minPresent;
  public Office office;

  /** When this version of the unit applies from; ingest fills in the time of the request. */
  public String effectiveFrom;

  @JsonIgnore public long effectiveFromMs = Times.INVALID;

  public Unit() {}

  public void setEffectiveFrom(String effectiveFrom) {
    this.effectiveFrom = effectiveFrom;
    this.effectiveFromMs = Times.parseEpochMs(effectiveFrom);
  }

  public List<String> validate() {
    List<String> errors = new ArrayList<>();
    Required.id("unitId", unitId, errors);
    Required.text("name", name, errors);
    Required.id("region", region, errors);
    if (timeZone == null)
      errors.add("timeZone: is required, e.g. Asia/Jakarta, Asia/Makassar, Asia/Jayapura");
    else if (!Times.isZone(timeZone)) {
      errors.add(
          "timeZone: '" + Required.clip(timeZone) + "' is not a time zone ID such as Asia/Jakarta");
    }
    if (headcount == null) errors.add("headcount: is required");
    else if (headcount < 0) errors.add("headcount: must be zero or more");
    if (minPresent != null && minPresent < 0) errors.add("minPresent: must be zero or more");
    if (minPresent != null && headcount != null && minPresent > headcount) {
      errors.add("minPresent: must not exceed headcount (" + headcount + ")");
    }
    if (office != null) office.validate("office", errors);
    if (effectiveFrom != null) Times.check("effectiveFrom", effectiveFrom, errors);
    return errors;
  }
}
