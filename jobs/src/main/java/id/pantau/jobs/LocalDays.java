package id.pantau.jobs;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * Local days of one time zone, keeping the bounds of the last day asked for: a unit's events fall
 * on the same day almost always, so the zone arithmetic runs about once a day instead of for every
 * event and point.
 */
public final class LocalDays {
  public final String zoneName;
  private final ZoneId zone;
  private long start = Long.MAX_VALUE;
  private long end = Long.MIN_VALUE;
  private long day;
  private String date;

  public LocalDays(String zoneName) {
    this.zoneName = zoneName;
    this.zone = ZoneId.of(zoneName);
  }

  public ZoneId zone() {
    return zone;
  }

  /** The local epoch day of a moment. */
  public long dayOf(long timeMs) {
    if (timeMs >= start && timeMs < end) return day;
    LocalDate d = Instant.ofEpochMilli(timeMs).atZone(zone).toLocalDate();
    day = d.toEpochDay();
    date = d.toString();
    start = d.atStartOfDay(zone).toInstant().toEpochMilli();
    end = d.plusDays(1).atStartOfDay(zone).toInstant().toEpochMilli();
    return day;
  }

  /** The first moment of the local day of a moment. */
  public long dayStartAt(long timeMs) {
    dayOf(timeMs);
    return start;
  }

  /** The first moment of the local day after the one starting at dayStartMs. */
  public long nextDayStart(long dayStartMs) {
    dayOf(dayStartMs);
    return end;
  }

  /** The first moment of the next local day. */
  public long endOf(long epochDay) {
    if (epochDay == day && end != Long.MIN_VALUE) return end;
    return LocalDate.ofEpochDay(epochDay + 1).atStartOfDay(zone).toInstant().toEpochMilli();
  }

  /** The first moment of a local date (YYYY-MM-DD). */
  public long startOf(String isoDate) {
    if (isoDate.equals(date)) return start;
    return LocalDate.parse(isoDate).atStartOfDay(zone).toInstant().toEpochMilli();
  }

  /** An epoch day as YYYY-MM-DD. */
  public String dateOf(long epochDay) {
    if (epochDay == day && date != null) return date;
    return LocalDate.ofEpochDay(epochDay).toString();
  }
}
