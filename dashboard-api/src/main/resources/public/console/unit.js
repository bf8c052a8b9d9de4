// The unit page (/units/{id}): today's occupancy chart with cap, floor and breach bands, the
// breaches of the last 7 days, compliance per window today and, for the roles that may, the
// follow-up list. Each table has its CSV, fetched with the same session cookie. Every time and
// "today" is the unit's own, in the zone its answers name (WIB, WITA or WIT), never the browser's.
import uPlot from '/webjars/uplot/1.6.30/dist/uPlot.esm.js';
import { ApiError, getJson, header, query, session } from './api.js';
import {
  applyTo, dateTime, duration, languageButton, num, percent, t, time, todayIn, todayStart, zoneLabel,
} from './i18n.js';

const $ = (id) => document.getElementById(id);
const UNIT = decodeURIComponent(location.pathname.split('/')[2] || '');
const ENC = encodeURIComponent(UNIT);
const MAY_READ_FOLLOWUPS = new Set(['BKD_ADMIN', 'UNIT_HEAD']); // others get 403 from the API
const REFRESH_MS = 30_000;
const BAND = { OVER_CAP: 'rgba(179,38,30,0.18)', UNDER_FLOOR: 'rgba(138,75,0,0.18)' };

let plot = null;
let breaches = [];
let zone = null; // the unit's zone, from its first answer

function td(text, cls) {
  const c = document.createElement('td');
  if (cls) c.className = cls;
  c.textContent = text;
  return c;
}

function th(text) {
  const c = document.createElement('th');
  c.scope = 'row';
  c.textContent = text;
  return c;
}

function badge(kind) {
  const s = document.createElement('span');
  s.className = `status ${kind}`;
  s.textContent = t(`status.${kind}`);
  return s;
}

/** Shades today's breaches behind the lines. */
function drawBands(u) {
  const { ctx, bbox } = u;
  const [min, max] = [u.scales.x.min, u.scales.x.max];
  for (const b of breaches) {
    const from = Date.parse(b.startedAt) / 1000;
    const to = b.endedAt ? Date.parse(b.endedAt) / 1000 : Date.now() / 1000;
    if (to < min || from > max) continue;
    const x0 = u.valToPos(Math.max(from, min), 'x', true);
    const x1 = u.valToPos(Math.min(to, max), 'x', true);
    ctx.fillStyle = BAND[b.kind] || BAND.OVER_CAP;
    ctx.fillRect(x0, bbox.top, Math.max(x1 - x0, 2), bbox.height);
  }
}

function chartWidth() {
  return Math.max($('chart').clientWidth, 200);
}

/**
 * Today's series from midnight in the unit's zone. Before the first answer names the zone, the last
 * 24 hours are asked for (every zone's today lies in them) and cut at that midnight.
 */
async function loadChart() {
  const from = zone ? todayStart(zone) : new Date(Date.now() - 86400_000).toISOString();
  const s = await getJson(`/api/v1/units/${ENC}/occupancy?${query({ from, step: '5m' })}`);
  zone = s.zone;
  const start = todayStart(zone);
  const points = s.points.filter((p) => Date.parse(p.time) >= Date.parse(start));
  $('unit-region').textContent = `${s.region ?? ''} · ${zoneLabel(zone)}`;
  $('chart').dataset.zone = zone;
  $('chart').dataset.from = start;
  $('chart-zone').textContent = t('chart.zone', zoneLabel(zone), zoneLabel(zone));
  const xs = points.map((p) => Date.parse(p.time) / 1000);
  const data = [xs, points.map((p) => p.present), points.map((p) => p.cap), points.map((p) => p.floor)];
  const present = data[1].filter((v) => v != null);
  const summary = present.length ? t('chart.summary', present[present.length - 1], Math.max(...present)) : t('spark.none');
  $('chart-summary').textContent = summary;
  $('chart').setAttribute('aria-label', `${t('chart.title')}: ${summary}`);
  if (plot) {
    plot.setData(data);
    return;
  }
  plot = new uPlot({
    width: chartWidth(),
    height: 220,
    tzDate: (ts) => uPlot.tzDate(new Date(ts * 1000), zone), // the axis in the unit's own time
    scales: { x: { time: true }, y: { range: (u, lo, hi) => [0, Math.max(hi ?? 1, 1) * 1.1] } },
    series: [
      {},
      { label: t('chart.present'), stroke: '#0d3b66', width: 2, paths: uPlot.paths.stepped({ align: 1 }) },
      { label: t('chart.cap'), stroke: '#b3261e', width: 1.5, dash: [6, 4] },
      { label: t('chart.floor'), stroke: '#8a4b00', width: 1.5, dash: [6, 4] },
    ],
    hooks: { drawClear: [drawBands] },
  }, data, $('chart'));
  new ResizeObserver(() => plot.setSize({ width: chartWidth(), height: 220 })).observe($('chart'));
}

async function loadBreaches() {
  const to = new Date();
  const from = new Date(to.getTime() - 7 * 86400_000);
  const q = query({ unit: UNIT, from: from.toISOString(), to: to.toISOString() });
  $('breaches-csv').href = `/api/v1/breaches?${q}&format=csv`;
  const answer = await getJson(`/api/v1/breaches?${q}`);
  breaches = answer.breaches;
  $('breaches').tBodies[0].replaceChildren(...breaches.map((b) => {
    const tr = document.createElement('tr');
    tr.dataset.kind = b.kind;
    const kind = document.createElement('th');
    kind.scope = 'row';
    kind.append(badge(b.kind));
    tr.append(kind, td(dateTime(b.startedAt, b.zone)), td(b.open ? t('open') : dateTime(b.endedAt, b.zone)),
      td(duration(b.durationS), 'n'), td(num(b.limit), 'n'), td(num(b.present), 'n'));
    return tr;
  }));
  if (!breaches.length) $('breaches').tBodies[0].append(emptyRow(6));
  if (plot) plot.redraw();
}

async function loadCompliance() {
  const date = todayIn(zone ?? undefined); // today where the unit is, not in Jakarta
  $('compliance-csv').href = `/api/v1/compliance?${query({ unit: UNIT, date, format: 'csv' })}`;
  const answer = await getJson(`/api/v1/compliance?${query({ unit: UNIT, date })}`);
  const body = $('compliance').tBodies[0];
  body.replaceChildren(...answer.rows.map((r) => {
    const tr = document.createElement('tr');
    tr.dataset.window = r.window;
    tr.append(th(r.window), ...[r.expected, r.onTime, r.late, r.missed, r.lateUpload, r.pending].map((v) => td(num(v), 'n')),
      td(percent(r.rate), 'n'));
    return tr;
  }));
  if (!answer.rows.length) body.append(emptyRow(8));
}

async function loadFollowUps(role) {
  if (!MAY_READ_FOLLOWUPS.has(role)) {
    $('followups-denied').textContent = t('followups.denied');
    return;
  }
  let answer;
  try {
    answer = await getJson(`/api/v1/units/${ENC}/followups`);
  } catch (e) {
    if (e instanceof ApiError && e.status === 403) {
      $('followups-denied').textContent = t('followups.denied');
      return;
    }
    throw e;
  }
  $('followups-csv').href = `/api/v1/units/${ENC}/followups?format=csv`;
  $('followups-csv').hidden = false;
  const table = $('followups');
  table.hidden = false;
  table.tBodies[0].replaceChildren(...answer.employees.map((e) => {
    const tr = document.createElement('tr');
    tr.dataset.nip = e.nip;
    tr.dataset.needsFollowUp = e.needsFollowUp;
    const windows = Object.entries(e.windows).map(([w, r]) => `${w}: ${t(`win.${r.status}`)}`);
    const evidence = [...Object.values(e.windows).map((r) => r.checkinAt), ...e.flags.map((f) => f.at)]
      .filter(Boolean).sort().map((at) => time(at, answer.zone));
    tr.append(th(e.nip), td(e.mode ?? '—'), td(windows.join('; ') || '—'),
      td(e.flags.map((f) => f.kind).join(', ') || '—'), td(evidence.join(', ') || '—'));
    return tr;
  }));
  if (!answer.employees.length) table.tBodies[0].append(emptyRow(5));
}

function emptyRow(span) {
  const tr = document.createElement('tr');
  const c = td(t('none'));
  c.colSpan = span;
  tr.append(c);
  return tr;
}

/** Runs a loader, showing its failure beside its table instead of breaking the page. */
async function guarded(loader, errorId) {
  try {
    await loader();
    $(errorId).textContent = '';
  } catch (e) {
    $(errorId).textContent = t('error', e.message);
  }
}

async function main() {
  applyTo();
  languageButton($('lang'));
  $('unit-name').textContent = UNIT;
  document.title = `Pantau — ${UNIT}`;
  const s = await session();
  header(s, $('who'), $('signout'));
  $('chart').setAttribute('role', 'img');
  try {
    await loadChart(); // first: it tells whether this caller may see the unit at all
  } catch (e) {
    if (e instanceof ApiError && (e.status === 403 || e.status === 404)) {
      $('denied').textContent = t(e.status === 403 ? 'unit.denied' : 'unit.missing');
      return;
    }
    $('chart-error').textContent = t('error', e.message);
  }
  $('app').hidden = false;
  if (plot) plot.setSize({ width: chartWidth(), height: 220 });
  await Promise.all([
    guarded(loadBreaches, 'breaches-error'),
    guarded(loadCompliance, 'compliance-error'),
    guarded(() => loadFollowUps(s.role), 'followups-error'),
  ]);
  setInterval(() => guarded(loadChart, 'chart-error'), REFRESH_MS);
}

main();
