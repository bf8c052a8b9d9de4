/**
 * The daily rollup per unit for leadership trends (measurement {@code daily}), in event time and
 * each unit's local time zone. Entry point: {@link id.pantau.daily.DailyJob#build}; inputs keyed by
 * unit as one union ({@link id.pantau.daily.DailyFact}). The figures, when they are written and how
 * long a date is kept are stated once, in jobs/README.md, "Daily rollups".
 */
package id.pantau.daily;
