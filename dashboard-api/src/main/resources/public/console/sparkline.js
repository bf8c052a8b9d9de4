// Today's series of each unit on the board, as small SVG lines: fetched only for the rows on screen,
// a few at a time, and again at most once a minute, so a board of 500 units stays fast. "Today" is
// the unit's own: from midnight in its zone (WIB, WITA or WIT).
import { getJson, query } from './api.js';
import { DEFAULT_ZONE, t, todayStart } from './i18n.js';

const SVG = 'http://www.w3.org/2000/svg';
const PARALLEL = 4;
const FRESH_MS = 60_000;

export class Sparklines {
  constructor() {
    this.cells = new Map(); // unit → td
    this.fetchedAt = new Map(); // unit → ms
    this.zones = new Map(); // unit → its zone
    this.queue = [];
    this.running = 0;
    this.visible = new Set();
    this.observer = new IntersectionObserver((entries) => {
      for (const e of entries) {
        const unit = e.target.dataset.unit;
        if (e.isIntersecting) {
          this.visible.add(unit);
          this.want(unit);
        } else {
          this.visible.delete(unit);
        }
      }
    });
    setInterval(() => this.visible.forEach((u) => this.want(u)), FRESH_MS);
  }

  /** Watches a row's cell: its line (today in the unit's zone) is drawn once it comes on screen. */
  watch(unit, cell, zone = DEFAULT_ZONE) {
    this.zones.set(unit, zone);
    if (this.cells.get(unit) === cell) return;
    this.cells.set(unit, cell);
    cell.dataset.unit = unit;
    this.observer.observe(cell);
  }

  want(unit) {
    const at = this.fetchedAt.get(unit);
    if ((at && Date.now() - at < FRESH_MS) || this.queue.includes(unit)) return;
    this.queue.push(unit);
    this.pump();
  }

  pump() {
    while (this.running < PARALLEL && this.queue.length) {
      const unit = this.queue.shift();
      this.running++;
      this.fetchedAt.set(unit, Date.now());
      const q = query({ from: todayStart(this.zones.get(unit)), step: '10m' });
      getJson(`/api/v1/units/${encodeURIComponent(unit)}/occupancy?${q}`)
        .then((s) => this.draw(unit, s.points))
        .catch(() => this.fetchedAt.delete(unit))
        .finally(() => {
          this.running--;
          this.pump();
        });
    }
  }

  draw(unit, points) {
    const cell = this.cells.get(unit);
    if (!cell) return;
    const values = points.map((p) => p.present).filter((v) => v != null);
    const caps = points.map((p) => p.cap).filter((v) => v != null);
    const svg = document.createElementNS(SVG, 'svg');
    svg.setAttribute('viewBox', '0 0 100 28');
    svg.setAttribute('preserveAspectRatio', 'none');
    svg.setAttribute('role', 'img');
    if (!values.length) {
      svg.setAttribute('aria-label', t('spark.none'));
      cell.replaceChildren(svg);
      return;
    }
    const lo = Math.min(...values);
    const hi = Math.max(...values);
    svg.setAttribute('aria-label', t('spark.label', lo, hi));
    const top = Math.max(hi, ...caps, 1);
    const x = (i) => (points.length < 2 ? 50 : (i / (points.length - 1)) * 100);
    const y = (v) => 26 - (v / top) * 24;
    const line = (key, color, dash) => {
      const pts = points.map((p, i) => (p[key] == null ? null : `${x(i).toFixed(1)},${y(p[key]).toFixed(1)}`)).filter(Boolean);
      if (!pts.length) return;
      const pl = document.createElementNS(SVG, 'polyline');
      pl.setAttribute('points', pts.join(' '));
      pl.setAttribute('fill', 'none');
      pl.setAttribute('stroke', color);
      pl.setAttribute('stroke-width', '1.5');
      pl.setAttribute('vector-effect', 'non-scaling-stroke');
      if (dash) pl.setAttribute('stroke-dasharray', '3 2');
      svg.appendChild(pl);
    };
    line('cap', '#b3261e', true);
    line('present', '#0d3b66', false);
    cell.replaceChildren(svg);
  }
}
