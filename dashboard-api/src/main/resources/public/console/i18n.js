// The console's words in Indonesian (the default) and English, and how numbers and times are shown.
const STRINGS = {
  id: {
    'app.name': 'Pantau',
    'board.title': 'Papan langsung',
    'unit.title': 'Unit',
    'lang.switch': 'English',
    'signout': 'Keluar',
    'signin.title': 'Masuk ke konsol',
    'signin.token': 'Token akses',
    'signin.submit': 'Masuk',
    'signin.help': 'Token diberikan oleh admin BKD Anda. Token tidak disimpan di peramban.',
    'signin.failed': 'Gagal masuk: {0}',
    'who': '{0} ({1})',
    'ticker.title': 'Peringatan langsung',
    'ticker.empty': 'Belum ada peringatan sejak halaman dibuka.',
    'ticker.connecting': 'Menghubungkan ke aliran peringatan …',
    'ticker.live': 'Tersambung',
    'ticker.lost': 'Terputus, menyambung ulang …',
    'filter.title': 'Saring',
    'filter.region': 'Wilayah',
    'filter.status': 'Status',
    'filter.all': 'Semua',
    'units.caption': 'Unit, terburuk lebih dulu',
    'units.shown': '{0} dari {1} unit ditampilkan',
    'col.unit': 'Unit',
    'col.present': 'Hadir',
    'col.limits': 'Batas',
    'col.status': 'Status',
    'col.today': 'Hari ini',
    'col.region': 'Wilayah',
    'col.units': 'Unit',
    'col.share': 'Porsi',
    'col.over': 'Lewat batas',
    'col.under': 'Kurang minimum',
    'limits.cap': 'maks {0}',
    'limits.floor': 'min {0}',
    'limits.none': 'tanpa batas',
    'present.of': 'dari {0}',
    'regions.title': 'Total per wilayah',
    'regions.caption': 'Total per wilayah dan provinsi',
    'regions.province': 'Provinsi',
    'asof': 'Data per {0}',
    'loading': 'Memuat …',
    'none': 'Tidak ada data.',
    'error': 'Gagal memuat: {0}',
    'status.OK': 'Normal',
    'status.OVER_CAP': 'Lewat batas',
    'status.UNDER_FLOOR': 'Kurang minimum',
    'phase.OPEN': 'mulai',
    'phase.CLOSE': 'selesai',
    'phase.RAISED': 'muncul',
    'phase.CORRECTED': 'dikoreksi',
    'spark.label': 'Hadir hari ini: terendah {0}, tertinggi {1}',
    'spark.none': 'Belum ada data hari ini',
    'back': 'Kembali ke papan',
    'unit.denied': 'Anda tidak berhak melihat unit ini: unit ini di luar cakupan token Anda.',
    'unit.missing': 'Unit ini belum punya data.',
    'chart.title': 'Okupansi hari ini',
    'chart.present': 'Hadir',
    'chart.cap': 'Batas maksimum',
    'chart.floor': 'Batas minimum',
    'chart.bands': 'Pita merah: pelanggaran hari ini.',
    'chart.summary': 'Sekarang {0} hadir; tertinggi hari ini {1}.',
    'chart.zone': 'Waktu unit ini dalam {0}: hari ini sejak 00:00 {1}.',
    'breaches.title': 'Pelanggaran 7 hari terakhir',
    'breaches.caption': 'Pelanggaran 7 hari terakhir, terbaru lebih dulu',
    'col.kind': 'Jenis',
    'col.started': 'Mulai',
    'col.ended': 'Selesai',
    'col.duration': 'Durasi',
    'col.limit': 'Batas',
    'col.peak': 'Hadir',
    'open': 'masih berlangsung',
    'compliance.title': 'Kepatuhan hari ini',
    'compliance.caption': 'Kepatuhan per jendela hari ini',
    'col.window': 'Jendela',
    'col.expected': 'Wajib',
    'col.onTime': 'Tepat',
    'col.late': 'Telat',
    'col.missed': 'Absen',
    'col.lateUpload': 'Unggah telat',
    'col.pending': 'Menunggu',
    'col.rate': 'Tingkat',
    'followups.title': 'Tindak lanjut',
    'followups.caption': 'Pegawai yang perlu ditindaklanjuti lebih dulu',
    'followups.denied': 'Tidak tersedia untuk peran Anda.',
    'col.nip': 'NIP',
    'col.mode': 'Mode',
    'col.windows': 'Jendela',
    'col.flags': 'Tanda',
    'col.evidence': 'Waktu bukti',
    'csv': 'Unduh CSV',
    'csv.of': 'Unduh CSV: {0}',
    'win.PENDING': 'menunggu',
    'win.ON_TIME': 'tepat waktu',
    'win.LATE': 'terlambat',
    'win.MISSED': 'tidak ada',
    'win.LATE_UPLOAD': 'unggah terlambat',
  },
  en: {
    'board.title': 'Live board',
    'unit.title': 'Unit',
    'lang.switch': 'Bahasa Indonesia',
    'signout': 'Sign out',
    'signin.title': 'Sign in to the console',
    'signin.token': 'Access token',
    'signin.submit': 'Sign in',
    'signin.help': 'Your BKD admin gives you a token. The browser does not store it.',
    'signin.failed': 'Sign-in failed: {0}',
    'ticker.title': 'Live alerts',
    'ticker.empty': 'No alert since this page opened.',
    'ticker.connecting': 'Connecting to the alert stream …',
    'ticker.live': 'Connected',
    'ticker.lost': 'Disconnected, reconnecting …',
    'filter.title': 'Filter',
    'filter.region': 'Region',
    'filter.status': 'Status',
    'filter.all': 'All',
    'units.caption': 'Units, worst first',
    'units.shown': '{0} of {1} units shown',
    'col.unit': 'Unit',
    'col.present': 'Present',
    'col.limits': 'Limits',
    'col.status': 'Status',
    'col.today': 'Today',
    'col.region': 'Region',
    'col.units': 'Units',
    'col.share': 'Share',
    'col.over': 'Over cap',
    'col.under': 'Under floor',
    'limits.cap': 'cap {0}',
    'limits.floor': 'floor {0}',
    'limits.none': 'no limits',
    'present.of': 'of {0}',
    'regions.title': 'Totals per region',
    'regions.caption': 'Totals per region and for the province',
    'regions.province': 'Province',
    'asof': 'Data as of {0}',
    'loading': 'Loading …',
    'none': 'No data.',
    'error': 'Could not load: {0}',
    'status.OK': 'OK',
    'status.OVER_CAP': 'Over cap',
    'status.UNDER_FLOOR': 'Under floor',
    'phase.OPEN': 'opened',
    'phase.CLOSE': 'closed',
    'phase.RAISED': 'raised',
    'phase.CORRECTED': 'corrected',
    'spark.label': 'Present today: lowest {0}, highest {1}',
    'spark.none': 'No data today yet',
    'back': 'Back to the board',
    'unit.denied': 'You may not see this unit: it is outside the scope of your token.',
    'unit.missing': 'This unit has no data yet.',
    'chart.title': "Today's occupancy",
    'chart.present': 'Present',
    'chart.cap': 'Cap',
    'chart.floor': 'Floor',
    'chart.bands': 'Red bands: breaches today.',
    'chart.summary': 'Now {0} present; highest today {1}.',
    'chart.zone': "This unit's times are in {0}: today since 00:00 {1}.",
    'breaches.title': 'Breaches of the last 7 days',
    'breaches.caption': 'Breaches of the last 7 days, newest first',
    'col.kind': 'Kind',
    'col.started': 'Started',
    'col.ended': 'Ended',
    'col.duration': 'Duration',
    'col.limit': 'Limit',
    'col.peak': 'Present',
    'open': 'ongoing',
    'compliance.title': 'Compliance today',
    'compliance.caption': 'Compliance per window today',
    'col.window': 'Window',
    'col.expected': 'Expected',
    'col.onTime': 'On time',
    'col.late': 'Late',
    'col.missed': 'Missed',
    'col.lateUpload': 'Late upload',
    'col.pending': 'Pending',
    'col.rate': 'Rate',
    'followups.title': 'Follow-ups',
    'followups.caption': 'Staff needing a follow-up first',
    'followups.denied': 'Not available for your role.',
    'col.nip': 'NIP',
    'col.mode': 'Mode',
    'col.windows': 'Windows',
    'col.flags': 'Flags',
    'col.evidence': 'Evidence time',
    'csv': 'Download CSV',
    'csv.of': 'Download CSV: {0}',
    'win.PENDING': 'pending',
    'win.ON_TIME': 'on time',
    'win.LATE': 'late',
    'win.MISSED': 'missed',
    'win.LATE_UPLOAD': 'late upload',
  },
};

const KEY = 'pantau.lang'; // only the language is kept in the browser, never a credential
let lang = localStorage.getItem(KEY) === 'en' ? 'en' : 'id';
const listeners = [];

/** The text of a key in the current language, {0}, {1} … replaced by the arguments. */
export function t(key, ...args) {
  let s = STRINGS[lang][key] ?? STRINGS.id[key] ?? key;
  args.forEach((a, i) => {
    s = s.replace(`{${i}}`, a);
  });
  return s;
}

/** Fills every element with data-i18n (its text) and data-i18n-label (its aria-label). */
export function applyTo(root = document) {
  document.documentElement.lang = lang;
  root.querySelectorAll('[data-i18n]').forEach((el) => {
    el.textContent = t(el.dataset.i18n);
  });
  root.querySelectorAll('[data-i18n-label]').forEach((el) => {
    el.setAttribute('aria-label', t(el.dataset.i18nLabel));
  });
}

/** Wires the language button: it switches, re-labels the page and tells the listeners. */
export function languageButton(button, onChange) {
  if (onChange) listeners.push(onChange);
  button.addEventListener('click', () => {
    lang = lang === 'id' ? 'en' : 'id';
    localStorage.setItem(KEY, lang);
    applyTo();
    listeners.forEach((f) => f());
  });
}

/** Where a time is shown when its unit's zone is not known (the API always names one). */
export const DEFAULT_ZONE = 'Asia/Jakarta';
const LABELS = { 7: 'WIB', 8: 'WITA', 9: 'WIT' }; // Indonesia's zones by their UTC offset in hours
const locale = () => (lang === 'en' ? 'en-GB' : 'id-ID');

// Formatters are costly to make and a board formats hundreds of rows: one per kind, zone, language.
const formats = new Map();
function format(kind, zone, options, loc = locale()) {
  const key = `${kind} ${zone} ${loc}`;
  if (!formats.has(key)) formats.set(key, new Intl.DateTimeFormat(loc, { timeZone: zone, ...options }));
  return formats.get(key);
}

/** The zone's offset from UTC at an instant, in minutes (Indonesia's zones keep no summer time). */
function offsetMinutes(zone, at = new Date()) {
  const name = format('offset', zone, { timeZoneName: 'longOffset' }, 'en-US')
    .formatToParts(at).find((p) => p.type === 'timeZoneName').value; // "GMT+08:00", "GMT"
  const m = /([+-])(\d{2}):(\d{2})/.exec(name);
  return m ? (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) : 0;
}

/** WIB, WITA or WIT for a unit's zone (Asia/Jakarta, Asia/Makassar, Asia/Jayapura …), else UTC±h. */
export function zoneLabel(zone = DEFAULT_ZONE) {
  const min = offsetMinutes(zone);
  if (min % 60 === 0 && LABELS[min / 60]) return LABELS[min / 60];
  const h = Math.abs(min) / 60;
  return `UTC${min < 0 ? '-' : '+'}${Number.isInteger(h) ? h : h.toFixed(1)}`;
}

/** An instant as HH:mm in the unit's zone, labelled: "08:30 WITA". */
export function time(iso, zone = DEFAULT_ZONE) {
  if (!iso) return '—';
  const hm = format('time', zone, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
    .format(new Date(iso));
  return `${hm.replace('.', ':')} ${zoneLabel(zone)}`;
}

/** An instant as day, month and HH:mm in the unit's zone, labelled. */
export function dateTime(iso, zone = DEFAULT_ZONE) {
  if (!iso) return '—';
  const day = format('day', zone, { day: 'numeric', month: 'short' }).format(new Date(iso));
  return `${day} ${time(iso, zone)}`;
}

/** Today's local date in the unit's zone, YYYY-MM-DD. */
export function todayIn(zone = DEFAULT_ZONE, now = new Date()) {
  return format('date', zone, {}, 'en-CA').format(now);
}

/** Midnight today in the unit's zone, ISO-8601 with its offset: the start of its "today". */
export function todayStart(zone = DEFAULT_ZONE, now = new Date()) {
  const ymd = todayIn(zone, now);
  const min = offsetMinutes(zone, now);
  const abs = Math.abs(min);
  const pad = (n) => String(n).padStart(2, '0');
  return `${ymd}T00:00:00${min < 0 ? '-' : '+'}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/** A share 0..1 as a whole percent. */
export function percent(share) {
  return share == null ? '—' : `${Math.round(share * 100)}%`;
}

/** A number, or a dash for none. */
export function num(n) {
  return n == null ? '—' : String(n);
}

/** Seconds as "1 j 5 m" / "1 h 5 m". */
export function duration(s) {
  if (s == null) return '—';
  const h = Math.floor(s / 3600);
  const m = Math.round((s % 3600) / 60);
  const hu = lang === 'en' ? 'h' : 'j';
  return h > 0 ? `${h} ${hu} ${m} m` : `${m} m`;
}
