import type { Calendar, Weekday } from './plan.schema';

/**
 * Business-time arithmetic in the plan's time zone, using only Intl (no tz package).
 * Times are epoch milliseconds; local dates are what the crisis team writes in the plan.
 */

const MINUTE = 60_000;
const MAX_DAYS = 3700; // ~10 years: a calendar with almost no business hours must not loop forever
const WEEKDAYS: Weekday[] = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

export interface LocalDateTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

export function toLocal(ms: number, timeZone: string): LocalDateTime {
  const parts = Object.fromEntries(formatter(timeZone).formatToParts(new Date(ms)).map((p) => [p.type, p.value]));
  return { year: +parts.year, month: +parts.month, day: +parts.day, hour: +parts.hour % 24, minute: +parts.minute, second: +parts.second };
}

/** Offset of the zone from UTC at an instant, in ms (Asia/Shanghai: +8h). */
export function zoneOffsetMs(ms: number, timeZone: string): number {
  const l = toLocal(ms, timeZone);
  return Date.UTC(l.year, l.month - 1, l.day, l.hour, l.minute, l.second) - Math.floor(ms / 1000) * 1000;
}

/** The instant a local wall-clock time happens; re-checked once so DST edges land right. */
export function fromLocal(year: number, month: number, day: number, hour: number, minute: number, timeZone: string): number {
  const guess = Date.UTC(year, month - 1, day, hour, minute);
  const first = guess - zoneOffsetMs(guess, timeZone);
  const second = guess - zoneOffsetMs(first, timeZone);
  return second;
}

const isoDate = (y: number, m: number, d: number) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
const hm = (s: string) => s.split(':').map(Number) as [number, number];

/** Business windows of one local day as [start, end) instants. */
export function windowsOn(cal: Calendar, year: number, month: number, day: number): [number, number][] {
  const date = isoDate(year, month, day);
  if (cal.holidays.includes(date)) return [];
  const weekday = WEEKDAYS[new Date(Date.UTC(year, month - 1, day)).getUTCDay()];
  const hours = cal.extraWorkdays.includes(date) ? cal.hours.mon : cal.hours[weekday];
  return (hours ?? []).map(([a, b]) => {
    const [ah, am] = hm(a);
    const [bh, bm] = hm(b);
    return [fromLocal(year, month, day, ah, am, cal.timeZone), fromLocal(year, month, day, bh, bm, cal.timeZone)];
  });
}

/** Walks the business windows from the local day containing `from`, clipped to start at `from`. */
function* windowsFrom(cal: Calendar, from: number): Generator<[number, number]> {
  const l = toLocal(from, cal.timeZone);
  for (let i = 0; i < MAX_DAYS; i++) {
    const d = new Date(Date.UTC(l.year, l.month - 1, l.day + i));
    for (const [a, b] of windowsOn(cal, d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate())) {
      if (b > from) yield [Math.max(a, from), b];
    }
  }
  throw new Error(`calendar ${cal.timeZone}: no business hours within ${MAX_DAYS} days`);
}

export function isBusinessTime(cal: Calendar, ms: number): boolean {
  const l = toLocal(ms, cal.timeZone);
  return windowsOn(cal, l.year, l.month, l.day).some(([a, b]) => ms >= a && ms < b);
}

/** The instant when `minutes` of business time have passed since `from`. */
export function addBusinessMinutes(cal: Calendar, from: number, minutes: number): number {
  let remaining = minutes * MINUTE;
  if (remaining <= 0) return from;
  for (const [a, b] of windowsFrom(cal, from)) {
    if (b - a >= remaining) return a + remaining;
    remaining -= b - a;
  }
  /* c8 ignore next */ throw new Error('unreachable');
}

/** Business minutes in [from, to); 0 when to ≤ from. */
export function businessMinutesBetween(cal: Calendar, from: number, to: number): number {
  if (to <= from) return 0;
  let total = 0;
  for (const [a, b] of windowsFrom(cal, from)) {
    if (a >= to) break;
    total += Math.min(b, to) - a;
  }
  return total / MINUTE;
}

/** Known to the runtime's time-zone database (the same IANA names Elasticsearch knows). */
export function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

/**
 * The end of the last business window of the `days`-th business day after the local day of `from`
 * (a day with no window — weekend, holiday — does not count; a make-up day does). Follow-ups are due
 * by then: "within one working day" of a Friday-evening resolution is Monday's close of business.
 */
export function endOfWorkingDaysAfter(cal: Calendar, from: number, days: number): number {
  const l = toLocal(from, cal.timeZone);
  let counted = 0;
  for (let i = 1; i < MAX_DAYS; i++) {
    const d = new Date(Date.UTC(l.year, l.month - 1, l.day + i));
    const windows = windowsOn(cal, d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
    if (windows.length === 0) continue;
    if (++counted === days) return Math.max(...windows.map(([, b]) => b));
  }
  throw new Error(`calendar ${cal.timeZone}: no business hours within ${MAX_DAYS} days`);
}
