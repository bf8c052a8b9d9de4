/**
 * Check-in compliance (issue 4), per employee and per unit, in event time and each unit's local
 * time zone.
 *
 * <p>Rules. Staff rostered WFO or PIKET check in (an attendance CHECK_IN in any mode) by the region
 * policy's {@code checkinDeadline}: ON_TIME at or before it (07:30:00 is on time), LATE after it up
 * to the {@code checkinCutoff}, MISSED with nothing by the cutoff. Staff rostered WFH send a
 * location ping in each of the policy's {@code locationWindows} (LOC1, LOC2 …): ON_TIME inside the
 * window (both ends included), LATE up to its end plus {@code allowedLatenessS}, MISSED otherwise.
 * LEAVE, SICK and OFFICIAL_TRAVEL expect nothing. A roster row with a {@code shiftStart} (a
 * round-the-clock crew) is due at its shift start instead, LATE for the policy's grace (cutoff −
 * deadline) after it, its check-in counting from 12 hours before the shift (not before its date); a
 * night shift's cutoff falls after midnight and still counts for the row's date. The policy is
 * folded per region at the start of the local date. Only location pings count for the location
 * windows; only CHECK_IN counts for attendance. The employee is keyed by NIP; the unit, region and
 * zone come from the roster row.
 *
 * <p>When. PENDING goes out once the roster and its unit are known; ON_TIME when the watermark
 * passes the window's end; LATE when it passes the end and the late check-in; MISSED when it passes
 * the cutoff (attendance) or the end plus the lateness (location). Event-time timers decide these,
 * so an idle pipeline (whose watermark follows the wall clock) still decides.
 *
 * <p>Corrections. Each result carries the status it replaces. A check-in or ping that ingest
 * received ({@code receivedAt}) by the decision but that reached the job after it corrects the
 * result to its true status; one received after the decision turns MISSED into LATE_UPLOAD (a
 * result already ON_TIME or LATE stays). Because ingest's receipt time decides, a replay tells the
 * same story (MISSED, then LATE_UPLOAD). An event without receivedAt counts as received when it
 * reached the job. Duplicates (same eventId) count once. A roster change re-evaluates the date:
 * windows no longer expected are retracted with EXCUSED, new ones start PENDING (or are decided at
 * once when their time has passed); the latest roster row decides, as on the compacted topic.
 *
 * <p>Counts (measurement {@code compliance}, no NIP): expected = pending + on time + late + missed,
 * with LATE_UPLOAD counted as late (the employee did report in time; the proof came late) and also
 * in the extension field {@code late_upload}; rate = (on time + late) / expected, 0 when none is
 * expected. The point's time is the window's end (for attendance the policy's deadline, crews'
 * shifts included), so every rewrite of a day lands on one point.
 *
 * <p>Retention. An employee's date is kept until the next day's cutoff (or its last decision if
 * later; a night shift's cutoff, 23:00 + grace, is before the next day's) and dropped with a timer;
 * facts and results arriving after that are ignored. A roster for a date that ended before the
 * replay horizon (wall clock) is ignored, since its facts are no longer replayed. A roster of an
 * unknown unit waits for it (decided at the employee's next fact, at the grace timer, or when the
 * date begins), and is dead-lettered after the grace.
 *
 * <p>Known limits. A policy version published for a date already planned takes effect at the
 * employee's next fact or timer (timers cannot be set from the broadcast side); if it moves a
 * window's end, the count's point moves with it and the old point is not rewritten.
 */
package id.pantau.compliance;
