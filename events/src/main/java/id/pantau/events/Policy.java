package id.pantau.events;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * A region's rules from a moment on (PUT /v1/policies/{region}). Times are local to each unit. A
 * field left out keeps the value it had before, so every version is stored (keyed by region and
 * effectiveFrom) and the rules in force are folded from all versions up to a moment.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class Policy {
  public String region;
  public String effectiveFrom;
  public CapPercent capPercent;
  public Integer breachDwellS;
  public String[] serviceHours;
  public String checkinDeadline;
  public String checkinCutoff;
  public String[][] locationWindows;
  public Integer allowedLatenessS;
  @JsonIgnore public long effectiveFromMs = Times.INVALID;

  public Policy() {}

  public void setEffectiveFrom(String effectiveFrom) {
    this.effectiveFrom = effectiveFrom;
    this.effectiveFromMs = Times.parseEpochMs(effectiveFrom);
  }

  @JsonIgnore
  public String key() {
    return region + "@" + effectiveFromMs;
  }

  /**
   * The seed policy shipped with Pantau as data (seed-policy.json): Kota Tangerang's caps (low 75
   * %, medium 50 %, high 25 %, a unit with a confirmed case 5 %), a 5-minute dwell, attendance by
   * 07:30 and Banten's three location windows. Every region's own versions fold over it.
   */
  public static Policy seed() {
    try (var in = Policy.class.getResourceAsStream("seed-policy.json")) {
      if (in == null)
        throw new IllegalStateException("seed-policy.json is missing from the classpath");
      Decoded<Policy> d = Json.policy(in.readAllBytes());
      if (!d.isOk()) throw new IllegalStateException("seed-policy.json: " + d.reason());
      return d.value();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** This version's fields over the rules in force before it. */
  public Policy over(Policy base) {
    Policy p = new Policy();
    p.region = region;
    p.effectiveFrom = effectiveFrom;
    p.effectiveFromMs = effectiveFromMs;
    p.capPercent = capPercent != null ? capPercent.over(base.capPercent) : base.capPercent;
    p.breachDwellS = breachDwellS != null ? breachDwellS : base.breachDwellS;
    p.serviceHours = serviceHours != null ? serviceHours : base.serviceHours;
    p.checkinDeadline = checkinDeadline != null ? checkinDeadline : base.checkinDeadline;
    p.checkinCutoff = checkinCutoff != null ? checkinCutoff : base.checkinCutoff;
    p.locationWindows = locationWindows != null ? locationWindows : base.locationWindows;
    p.allowedLatenessS = allowedLatenessS != null ? allowedLatenessS : base.allowedLatenessS;
    return p;
  }

  public List<String> validate() {
    List<String> errors = new ArrayList<>();
    Required.id("region", region, errors);
    Times.check("effectiveFrom", effectiveFrom, errors);
    if (capPercent != null) capPercent.validate(errors);
    if (breachDwellS != null && (breachDwellS < 0 || breachDwellS > 86_400)) {
      errors.add("breachDwellS: must be 0 to 86400 seconds");
    }
    if (serviceHours != null) span("serviceHours", serviceHours, errors);
    LocalTime deadline =
        checkinDeadline == null ? null : localTime("checkinDeadline", checkinDeadline, errors);
    LocalTime cutoff =
        checkinCutoff == null ? null : localTime("checkinCutoff", checkinCutoff, errors);
    if (deadline != null && cutoff != null && !cutoff.isAfter(deadline)) {
      errors.add("checkinCutoff: must be after checkinDeadline");
    }
    if (locationWindows != null) {
      if (locationWindows.length == 0) errors.add("locationWindows: needs at least one window");
      for (int i = 0; i < locationWindows.length; i++) {
        span("locationWindows[" + i + "]", locationWindows[i], errors);
      }
    }
    if (allowedLatenessS != null && (allowedLatenessS < 0 || allowedLatenessS > 86_400)) {
      errors.add("allowedLatenessS: must be 0 to 86400 seconds");
    }
    return errors;
  }

  private static void span(String field, String[] span, List<String> errors) {
    if (span == null || span.length != 2) {
      errors.add(field + ": must be [\"HH:MM\", \"HH:MM\"]");
      return;
    }
    LocalTime from = localTime(field + "[0]", span[0], errors);
    LocalTime to = localTime(field + "[1]", span[1], errors);
    if (from != null && to != null && !to.isAfter(from))
      errors.add(field + ": must end after it starts");
  }

  /** Parses "HH:MM" local time, adding the field's error when it is not one. */
  public static LocalTime localTime(String field, String text, List<String> errors) {
    try {
      if (text != null && text.matches("\\d\\d:\\d\\d(:\\d\\d)?")) return LocalTime.parse(text);
    } catch (DateTimeParseException e) {
      // reported below
    }
    errors.add(field + ": must be a local time HH:MM (got '" + text + "')");
    return null;
  }
}
