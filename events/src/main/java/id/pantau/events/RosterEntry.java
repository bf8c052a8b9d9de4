package id.pantau.events;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.time.LocalTime;
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

  /**
   * Extension: the start of the employee's shift, local time HH:mm in the unit's zone, for the
   * round-the-clock crews of essential units; absent for office hours. When given, the attendance
   * deadline is the shift start instead of the region policy's check-in deadline.
   */
  public String shiftStart;

  public RosterEntry() {}

  @JsonIgnore
  public String key() {
    return nip + "@" + date;
  }

  @JsonIgnore
  public LocalDate localDate() {
    return LocalDate.parse(date);
  }

  /** The shift start as a local time, or null when absent or not HH:mm. */
  @JsonIgnore
  public LocalTime shiftStartTime() {
    if (shiftStart == null || !shiftStart.matches("\\d\\d:\\d\\d")) return null;
    try {
      return LocalTime.parse(shiftStart);
    } catch (DateTimeParseException e) {
      return null;
    }
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
    if (shiftStart != null && shiftStartTime() == null) {
      errors.add(
          "shiftStart: must be HH:mm, the shift's local start in the unit's zone (got '"
              + Required.clip(shiftStart)
              + "')");
    }
    return errors;
  }
}
