// format.js - dates, times and numbers as a person in England reads them.
// Every instant is shown in the Europe/London zone, whatever the browser's
// own zone; dates without a time ("2026-11-22") are civil dates and are
// never moved between zones.

const ZONE = 'Europe/London';

const dateTimeParts = new Intl.DateTimeFormat('en-GB', {
  timeZone: ZONE, weekday: 'short', day: 'numeric', month: 'short', year: 'numeric',
  hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
});
const longDate = new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', day: 'numeric', month: 'long', year: 'numeric' });
const longDateLondon = new Intl.DateTimeFormat('en-GB', { timeZone: ZONE, day: 'numeric', month: 'long', year: 'numeric' });
const monthLong = new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', month: 'long', year: 'numeric' });
const monthShort = new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', month: 'short', year: 'numeric' });
const numeric = new Intl.DateTimeFormat('en-GB', {
  timeZone: ZONE, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
});
const integer = new Intl.NumberFormat('en-GB');

function partsOf(fmt, d) {
  const p = {};
  for (const { type, value } of fmt.formatToParts(d)) p[type] = value;
  return p;
}

function toDate(v) {
  if (v === null || v === undefined || v === '') return null;
  const d = v instanceof Date ? v : new Date(v);
  return Number.isNaN(d.getTime()) ? null : d;
}

/** "Sun 22 Nov 2026, 17:49" for an instant; '' for none. */
export function dateTime(v) {
  const d = toDate(v);
  if (!d) return '';
  const p = partsOf(dateTimeParts, d);
  return `${p.weekday} ${p.day} ${p.month} ${p.year}, ${p.hour}:${p.minute}`;
}

/** "22 November 2026" for a civil date "2026-11-22" or for an instant. */
export function date(v) {
  if (!v) return '';
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
  if (m) return longDate.format(new Date(Date.UTC(+m[1], +m[2] - 1, +m[3])));
  const d = toDate(v);
  return d ? longDateLondon.format(d) : String(v);
}

/** "April 2026" (or "Apr 2026" when short) for "2026-04". */
export function month(ym, short = false) {
  const m = /^(\d{4})-(\d{2})$/.exec(ym || '');
  if (!m) return ym || '';
  return (short ? monthShort : monthLong).format(new Date(Date.UTC(+m[1], +m[2] - 1, 1)));
}

/** "11.5 hours" */
export function hours(h) {
  if (h === null || h === undefined || Number.isNaN(+h)) return '';
  return `${Number(h).toFixed(1)} hours`;
}

/** Hours between two instants (to defaults to now). */
export function hoursBetween(from, to) {
  const a = toDate(from);
  const b = to ? toDate(to) : new Date();
  if (!a || !b) return null;
  return (b - a) / 3600000;
}

/** "3 days 4 hours", "45 minutes" for a number of minutes. */
export function duration(minutes) {
  if (minutes === null || minutes === undefined) return '';
  let m = Math.max(0, Math.round(Number(minutes)));
  const days = Math.floor(m / 1440);
  m -= days * 1440;
  const hrs = Math.floor(m / 60);
  const mins = m - hrs * 60;
  const plural = (n, w) => `${n} ${w}${n === 1 ? '' : 's'}`;
  if (days >= 7) return plural(days, 'day');
  if (days > 0) return hrs ? `${plural(days, 'day')} ${plural(hrs, 'hour')}` : plural(days, 'day');
  if (hrs > 0) return mins ? `${plural(hrs, 'hour')} ${plural(mins, 'minute')}` : plural(hrs, 'hour');
  return plural(mins, 'minute');
}

export function number(n) {
  return n === null || n === undefined ? '' : integer.format(n);
}

/** A rate, given by the API as a percentage (32.91), as "32.91%". */
export function percent(v) {
  if (v === null || v === undefined || v === '') return '–';
  return `${Number(v).toFixed(2)}%`;
}

/** The London wall-clock now (or of an instant) as {date: "YYYY-MM-DD", time: "HH:MM", month: "YYYY-MM"}. */
export function londonParts(v = new Date()) {
  const p = partsOf(numeric, toDate(v));
  return { date: `${p.year}-${p.month}-${p.day}`, time: `${p.hour}:${p.minute}`, month: `${p.year}-${p.month}` };
}

/** "YYYY-MM" n months before "YYYY-MM". */
export function monthsBefore(ym, n) {
  const [y, m] = ym.split('-').map(Number);
  const idx = y * 12 + (m - 1) - n;
  return `${Math.floor(idx / 12)}-${String((idx % 12) + 1).padStart(2, '0')}`;
}

/**
 * Reads a date as people type it: "22/11/2026", "22/11/26" is refused,
 * "2026-11-22" also accepted. Returns "YYYY-MM-DD" or null.
 */
export function parseDate(text) {
  const t = String(text || '').trim();
  let y, m, d, r;
  if ((r = /^(\d{1,2})[/.\- ](\d{1,2})[/.\- ](\d{4})$/.exec(t))) [d, m, y] = [+r[1], +r[2], +r[3]];
  else if ((r = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t))) [y, m, d] = [+r[1], +r[2], +r[3]];
  else return null;
  const dt = new Date(Date.UTC(y, m - 1, d));
  if (dt.getUTCFullYear() !== y || dt.getUTCMonth() !== m - 1 || dt.getUTCDate() !== d) return null;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** Reads "17:49", "17.49", "1749" or "9:05"; returns "HH:MM" or null. */
export function parseTime(text) {
  const r = /^(\d{1,2})[:.]?(\d{2})$/.exec(String(text || '').trim());
  if (!r) return null;
  const hh = +r[1], mm = +r[2];
  if (hh > 23 || mm > 59) return null;
  return `${String(hh).padStart(2, '0')}:${String(mm).padStart(2, '0')}`;
}

/** "22/11/2026" for "2026-11-22" (the form the date inputs show). */
export function dateInput(isoDate) {
  const r = /^(\d{4})-(\d{2})-(\d{2})/.exec(isoDate || '');
  return r ? `${r[3]}/${r[2]}/${r[1]}` : '';
}
