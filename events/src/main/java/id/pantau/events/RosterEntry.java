package id.pantau.events;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/** An employee's work mode for one day (POST /v1/rosters), keyed by nip@date. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class RosterEntry {
  public String nip;
  public String unitId;
  public String date;
  public RosterMode mode;
  public String homeRegion;

  public RosterEntry() {}

  @JsonIgnore
  public String key() {
    return nip + "@" + date;
  }

  @JsonIgnore
  public LocalDate localDate() {
    return LocalDate.parse(date);
  }

  public List<String> validate() {
    List<String> errors = new ArrayList<>();
    Required.id("nip", nip, errors);
    Required.id("unitId", unitId, errors);
    if (date == null) errors.add("date: is required (YYYY-MM-DD, the unit's local date)");
    else {
      try {
        LocalDate.parse(date);
      } catch (DateTimeParseException e) {
        errors.add("date: must be YYYY-MM-DD (got '" + Required.clip(date) + "')");
      }
    }
    Required.present("mode", mode, errors);
    if (homeRegion != null) Required.id("homeRegion", homeRegion, errors);
    return errors;
  }
}
