/**
 * Check-in compliance per employee ({@link id.pantau.compliance.CheckinTracker}) and per unit and
 * window ({@link id.pantau.compliance.UnitWindowCounter}), in event time and each unit's local time
 * zone. The rules (deadlines, windows, shifts, corrections, counts, retention) are stated once, in
 * jobs/README.md, "Check-in compliance".
 */
package id.pantau.compliance;
