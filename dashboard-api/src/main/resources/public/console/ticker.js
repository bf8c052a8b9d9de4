// The live alert ticker: an EventSource on /api/v1/alerts/stream (the browser sends the session
// cookie and, when it reconnects, Last-Event-ID, so the server replays what was missed).
import { DEFAULT_ZONE, t, time } from './i18n.js';

// Each alert arrives as an event named by its kind (docs/interfaces.md lists them).
const KINDS = ['OVER_CAP', 'UNDER_FLOOR', 'ROSTER_OVER_CAP', 'ROSTER_UNDER_FLOOR',
  'MISSED_ATTENDANCE', 'LATE_ATTENDANCE', 'MISSED_LOCATION', 'LATE_LOCATION', 'LATE_UPLOAD',
  'OUTSIDE_OFFICE', 'OUT_OF_REGION', 'LOW_ACCURACY', 'MOCK_LOCATION', 'IMPOSSIBLE_TRAVEL',
  'SHARED_DEVICE'];
const OCCUPANCY = new Set(['OVER_CAP', 'UNDER_FLOOR']);
const KEPT = 30;

/**
 * Starts the ticker in the list; {@code onOccupancyAlert} is called for an OVER_CAP or UNDER_FLOOR
 * alert (the board then refreshes its numbers at once); {@code zoneOf} gives a unit's zone, in which
 * its alert's time is shown.
 */
export function startTicker(list, empty, state, onOccupancyAlert, zoneOf = () => DEFAULT_ZONE) {
  const seen = new Set(); // the jobs write at least once: an id shown is not shown again
  state.textContent = t('ticker.connecting');
  const source = new EventSource('/api/v1/alerts/stream');
  source.onopen = () => {
    state.textContent = t('ticker.live');
  };
  source.onerror = () => {
    state.textContent = t('ticker.lost');
  };
  const onAlert = (ev) => {
    if (ev.lastEventId && seen.has(ev.lastEventId)) return;
    if (ev.lastEventId) seen.add(ev.lastEventId);
    let a;
    try {
      a = JSON.parse(ev.data);
    } catch {
      return;
    }
    list.prepend(item(a, zoneOf(a.unitId)));
    list.firstElementChild.classList.add('fresh');
    while (list.children.length > KEPT) list.lastElementChild.remove();
    empty.hidden = true;
    if (OCCUPANCY.has(a.kind)) onOccupancyAlert(a);
  };
  KINDS.forEach((k) => source.addEventListener(k, onAlert));
  return source;
}

function item(a, zone) {
  const li = document.createElement('li');
  li.dataset.kind = a.kind;
  li.dataset.unit = a.unitId;
  li.dataset.phase = a.phase || '';
  const when = a.phase === 'CLOSE' ? a.endedAt || a.startedAt : a.startedAt;
  const status = document.createElement('span');
  status.className = `status ${OCCUPANCY.has(a.kind) && a.phase !== 'CLOSE' ? a.kind : ''}`;
  status.textContent = OCCUPANCY.has(a.kind) ? t(`status.${a.kind}`) : a.kind;
  const link = document.createElement('a');
  link.href = `/units/${encodeURIComponent(a.unitId)}`;
  link.textContent = a.unitId;
  const text = [` ${t(`phase.${a.phase}`)} · `];
  li.append(`${time(when || new Date().toISOString(), zone)} `, status, ...text, link);
  // Per-employee alerts name a person: the ticker shows their kind and unit, never who.
  if (OCCUPANCY.has(a.kind) && a.present != null) li.append(` (${a.present} / ${a.limit ?? '—'})`);
  return li;
}
