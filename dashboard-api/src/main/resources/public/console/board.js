// The live board: every unit the session may see, worst first, with filters, sparklines, the
// totals per region and province, and the alert ticker. Numbers refresh every 5 s without a reload.
import { getJson, header, session } from './api.js';
import { applyTo, DEFAULT_ZONE, languageButton, num, percent, t, time, zoneLabel } from './i18n.js';
import { Sparklines } from './sparkline.js';
import { startTicker } from './ticker.js';

const POLL_MS = 5000;
const $ = (id) => document.getElementById(id);
const RANK = { OVER_CAP: 0, UNDER_FLOOR: 1, OK: 2 };

let units = [];
let asOf = null;
const rows = new Map(); // unit → tr, kept across refreshes so focus and sparklines stay
const sparks = new Sparklines();

/** How bad a unit is: status first, then how far past its limit (or how full, when OK). */
function badness(u) {
  if (u.status === 'OVER_CAP') return (u.present - u.cap) / Math.max(u.cap, 1);
  if (u.status === 'UNDER_FLOOR') return (u.floor - u.present) / Math.max(u.floor, 1);
  return u.share ?? 0;
}

function worstFirst(a, b) {
  return (RANK[a.status] ?? 3) - (RANK[b.status] ?? 3)
    || badness(b) - badness(a)
    || a.unit.localeCompare(b.unit);
}

function cell(tag, cls) {
  const c = document.createElement(tag);
  if (cls) c.className = cls;
  return c;
}

function field(name, text) {
  const s = document.createElement('span');
  s.dataset.field = name;
  s.textContent = text;
  return s;
}

/** The zone a unit's times are in (the board's answer names it), for the ticker. */
function zoneOf(unit) {
  return units.find((u) => u.unit === unit)?.zone ?? DEFAULT_ZONE;
}

/** The board's read time in the units' zone when they share one, else in WIB. */
function boardZone() {
  const zones = new Set(units.map((u) => u.zone ?? DEFAULT_ZONE));
  return zones.size === 1 ? [...zones][0] : DEFAULT_ZONE;
}

function newRow(unit) {
  const tr = document.createElement('tr');
  tr.dataset.unit = unit;
  const name = cell('th');
  name.scope = 'row';
  const a = document.createElement('a');
  a.href = `/units/${encodeURIComponent(unit)}`;
  a.textContent = unit;
  name.append(a, cell('span', 'sub'));
  const spark = cell('td', 'spark');
  tr.append(name, cell('td', 'n'), cell('td'), cell('td'), spark);
  return tr;
}

function fill(tr, u) {
  // Every 5 s for up to hundreds of rows: only a row whose numbers (or language) changed is redrawn.
  const sig = t('status.OK') + JSON.stringify(u);
  if (tr.sig === sig) return;
  tr.sig = sig;
  tr.dataset.status = u.status;
  tr.dataset.region = u.region;
  tr.dataset.zone = u.zone ?? DEFAULT_ZONE;
  const [name, present, limits, status, spark] = tr.children;
  // Its sparkline is today in its own zone, which the row names.
  name.querySelector('.sub').textContent = `${u.region} · ${zoneLabel(tr.dataset.zone)}`;
  sparks.watch(u.unit, spark, tr.dataset.zone);
  const share = field('share', percent(u.share));
  const of = cell('span', 'sub');
  of.append(t('present.of', ''), field('headcount', num(u.headcount)), ' · ', share);
  present.replaceChildren(field('present', num(u.present)), of);
  limits.replaceChildren();
  if (u.cap == null && u.floor == null) limits.append(t('limits.none'));
  if (u.cap != null) limits.append(t('limits.cap', ''), field('cap', num(u.cap)));
  if (u.floor != null) {
    if (u.cap != null) limits.append(document.createElement('br'));
    limits.append(t('limits.floor', ''), field('floor', num(u.floor)));
  }
  const badge = cell('span', 'status');
  badge.dataset.field = 'status';
  badge.dataset.value = u.status;
  badge.textContent = t(`status.${u.status}`);
  status.replaceChildren(badge);
}

function render() {
  const region = $('f-region').value;
  const status = $('f-status').value;
  const shown = units.filter((u) => (!region || u.region === region) && (!status || u.status === status));
  const tbody = $('units').tBodies[0];
  const focused = document.activeElement?.closest?.('tr[data-unit]')?.dataset.unit;
  const wanted = new Set(shown.map((u) => u.unit));
  for (const [unit, tr] of rows) {
    if (!units.some((u) => u.unit === unit)) rows.delete(unit);
    if (!wanted.has(unit)) tr.remove();
  }
  let at = tbody.firstElementChild;
  for (const u of shown) {
    let tr = rows.get(u.unit);
    if (!tr) rows.set(u.unit, (tr = newRow(u.unit)));
    fill(tr, u);
    if (tr !== at) tbody.insertBefore(tr, at); // moves only what changed place
    else at = at.nextElementSibling;
  }
  if (focused && wanted.has(focused)) {
    const link = rows.get(focused).querySelector('a');
    if (document.activeElement !== link) link.focus();
  }
  $('shown').textContent = t('units.shown', shown.length, units.length);
  $('asof').textContent = asOf ? t('asof', time(asOf, boardZone())) : '';
  renderRegions();
}

function renderRegions() {
  const by = new Map();
  const total = { region: t('regions.province'), units: 0, present: 0, headcount: 0, over: 0, under: 0 };
  for (const u of units) {
    if (!by.has(u.region)) by.set(u.region, { region: u.region, units: 0, present: 0, headcount: 0, over: 0, under: 0 });
    for (const r of [by.get(u.region), total]) {
      r.units++;
      r.present += u.present ?? 0;
      r.headcount += u.headcount ?? 0;
      if (u.status === 'OVER_CAP') r.over++;
      if (u.status === 'UNDER_FLOOR') r.under++;
    }
  }
  const line = (r, region) => {
    const tr = document.createElement('tr');
    tr.dataset.region = region;
    const name = cell('th');
    name.scope = 'row';
    name.textContent = r.region;
    tr.append(name);
    for (const v of [r.units, r.present, percent(r.headcount ? r.present / r.headcount : null), r.over, r.under]) {
      const td = cell('td', 'n');
      td.textContent = v;
      tr.append(td);
    }
    return tr;
  };
  const table = $('regions');
  table.tBodies[0].replaceChildren(...[...by.values()].sort((a, b) => a.region.localeCompare(b.region)).map((r) => line(r, r.region)));
  table.tFoot.replaceChildren(line(total, ''));
}

function regionOptions() {
  const select = $('f-region');
  const have = new Set([...select.options].map((o) => o.value));
  for (const r of [...new Set(units.map((u) => u.region))].sort()) {
    if (have.has(r)) continue;
    const o = document.createElement('option');
    o.value = r;
    o.textContent = r;
    select.append(o);
  }
}

let inFlight = null;
async function refresh() {
  if (inFlight) return inFlight;
  inFlight = (async () => {
    try {
      const now = await getJson('/api/v1/occupancy');
      units = now.units.slice().sort(worstFirst);
      asOf = now.asOf;
      $('units-error').textContent = '';
      regionOptions();
      render();
      // The board has its rows: what the bench times as the board's first paint.
      if (!performance.getEntriesByName('board-ready').length) performance.mark('board-ready');
    } catch (e) {
      $('units-error').textContent = t('error', e.message);
    } finally {
      inFlight = null;
    }
  })();
  return inFlight;
}

async function main() {
  applyTo();
  languageButton($('lang'), render);
  const s = await session();
  header(s, $('who'), $('signout'));
  $('app').hidden = false;
  $('f-region').addEventListener('change', render);
  $('f-status').addEventListener('change', render);
  $('filters').addEventListener('submit', (e) => e.preventDefault());
  await refresh();
  setInterval(refresh, POLL_MS);
  startTicker($('ticker'), $('ticker-empty'), $('ticker-state'), () => refresh(), zoneOf);
}

main();
