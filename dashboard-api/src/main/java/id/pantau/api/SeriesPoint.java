package id.pantau.api;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * One step of a unit's time series: the last reading at or before the end of the step (carried
 * forward over steps without a change); all null before the first reading of the range.
 */
@JsonPropertyOrder({"time", "present", "headcount", "share", "cap", "floor", "status"})
public record SeriesPoint(
    String time,
    Integer present,
    Integer headcount,
    Double share,
    Integer cap,
    Integer floor,
    Status status) {}
