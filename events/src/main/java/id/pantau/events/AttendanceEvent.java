package id.pantau.events;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.ArrayList;
import java.util.List;

/**
 * A check-in or check-out from a phone, a kiosk or an operator (the v1 ingest API, type
 * "attendance").
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class AttendanceEvent {
  public static final String TYPE = "attendance";

  public String type = TYPE;
  public String eventId;
  public String nip;
  public String unitId;
  public Action action;
  public WorkMode mode;
  public String time;
  public GeoFix location;
  public String deviceId;
  public Source source;

  /** When ingest accepted it (epoch ms); a late upload is told apart from a late check-in by it. */
  public Long receivedAt;

  /** Event time in epoch ms, derived from {@link #time}; not on the wire. */
  @JsonIgnore public long timeMs = Times.INVALID;

  public AttendanceEvent() {}

  public void setTime(String time) {
    this.time = time;
    this.timeMs = Times.parseEpochMs(time);
  }

  /** Field-named reasons why this event cannot be accepted; empty when it is valid. */
  public List<String> validate() {
    List<String> errors = new ArrayList<>();
    if (!TYPE.equals(type)) errors.add("type: must be 'attendance'");
    Required.id("eventId", eventId, errors);
    Required.id("nip", nip, errors);
    Required.id("unitId", unitId, errors);
    Required.present("action", action, errors);
    Required.present("mode", mode, errors);
    Times.check("time", time, errors);
    Required.present("source", source, errors);
    if (location != null) location.validate("location", errors);
    else if (source == Source.APP) errors.add("location: is required when source is APP");
    if (source == Source.APP) Required.id("deviceId", deviceId, errors);
    return errors;
  }

  /** True when this event puts its employee in the office. */
  @JsonIgnore
  public boolean isOfficeCheckIn() {
    return action == Action.CHECK_IN && mode == WorkMode.WFO;
  }
}
