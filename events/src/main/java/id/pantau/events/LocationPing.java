package id.pantau.events;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.ArrayList;
import java.util.List;

/**
 * The "share location" check-in of staff working from home (the v1 ingest API, type "location").
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class LocationPing {
  public static final String TYPE = "location";

  public String type = TYPE;
  public String eventId;
  public String nip;
  public String unitId;
  public String time;
  public GeoFix location;
  public String deviceId;
  public Long receivedAt;

  @JsonIgnore public long timeMs = Times.INVALID;

  public LocationPing() {}

  public void setTime(String time) {
    this.time = time;
    this.timeMs = Times.parseEpochMs(time);
  }

  public List<String> validate() {
    List<String> errors = new ArrayList<>();
    if (!TYPE.equals(type)) errors.add("type: must be 'location'");
    Required.id("eventId", eventId, errors);
    Required.id("nip", nip, errors);
    Required.id("unitId", unitId, errors);
    Times.check("time", time, errors);
    if (location == null) errors.add("location: is required");
    else location.validate("location", errors);
    Required.id("deviceId", deviceId, errors);
    return errors;
  }
}
