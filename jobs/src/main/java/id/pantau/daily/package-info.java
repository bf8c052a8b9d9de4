/**
 * The daily rollup per unit for leadership trends (measurement {@code daily}), in event time and
 * each unit's local time zone. Entry point: {@link id.pantau.daily.DailyJob#build}.
 *
 * <p>Inputs, keyed by unit as one union ({@link id.pantau.daily.DailyFact}): the occupancy
 * statuses, the compliance counts, all alerts and the units (for their time zones). Facts of a unit
 * whose time zone is not known yet wait for it (up to 10,000 per unit).
 *
 * <p>Figures of a local date:
 *
 * <ul>
 *   <li>{@code attendance_rate}: the latest ATTENDANCE count, (on time + late) / expected; left out
 *       when nobody is expected. {@code wfh_compliance}: over the location windows (LOC1 …) of the
 *       date, sum(on time + late) / sum(expected), each window's latest count; left out likewise.
 *   <li>{@code peak_present}: the most present at any status of the date, including the status held
 *       into it from the day before. {@code mean_present}: present integrated over event time (each
 *       status holds until the next, across midnight too) divided by the time covered: the whole
 *       date once statuses run all day, the part since the unit's first status otherwise. {@code
 *       minutes_over_cap}: the event time with present over the cap (no cap, no excess).
 *   <li>{@code alerts}: distinct alert IDs, so a breach's OPEN and CLOSE, and a compliance alert
 *       and its corrections, count once. An alert counts on the date it names (roster and
 *       compliance alerts), else on the local date it started (a breach that closes after midnight
 *       counts on the day it opened).
 * </ul>
 *
 * <p>When. After a change, a provisional point at the next quarter hour of event time (at most one
 * per quarter hour per unit; its figures run to that tick, or to the last status if later); the
 * final point when the watermark passes the next local midnight plus the grace (six hours by
 * default: a night shift starting 23:00 is decided at 03:30 under the seed policy), with the last
 * status held to midnight. Every version of a date is written at the date's local midnight, so it
 * rewrites one point; a replay does the same.
 *
 * <p>Retention. A date's figures are dropped with its final point, and its timer with them; facts
 * of a date whose final point is out are ignored (a compliance correction later than the grace, a
 * late upload the next morning for instance, is not reflected in {@code daily}, only in {@code
 * compliance}). Per unit only its zone, region, last status and pending tick are kept. Daily points
 * belong in the retention policy {@link id.pantau.sink.Retention#TRENDS}.
 *
 * <p>Order. Statuses are expected in event-time order per unit, as the cap calculator emits them; a
 * status older than the last one seen still counts for the peak but not for the integrals.
 */
package id.pantau.daily;
