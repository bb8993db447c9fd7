import { fromLocal, toLocal, windowsOn } from './business-hours';
import type { Calendar, Plan } from './plan.schema';

/**
 * When reports are due, by the plan's business calendar (its time zone, working days,
 * holidays and make-up days):
 * - daily crisis digest (日报): every business day at `at`, over the days since the previous
 *   business day began (Monday's covers Friday to Sunday; a holiday is in the next one);
 * - weekly (周报): on the first business day of a week, over the week before (Monday to Monday);
 * - monthly (月报): on the first business day of a month, over the month before.
 * Periods are [from, to) between local midnights, so consecutive reports neither overlap nor gap.
 */

export type ReportKind = 'daily' | 'weekly' | 'monthly';
export const REPORT_KINDS: ReportKind[] = ['daily', 'weekly', 'monthly'];

export interface ReportPeriod {
  kind: ReportKind;
  from: string;
  to: string;
  /** When it is made: the due day at the schedule's time. */
  dueAt: string;
  /** How people name it: `2026-03-02`, `2026-03-02 – 2026-03-08`, `2026-03`. */
  label: string;
}

interface Day {
  y: number;
  m: number;
  d: number;
}
const DAY_LIMIT = 62;

const shift = (day: Day, n: number): Day => {
  const t = new Date(Date.UTC(day.y, day.m - 1, day.d + n));
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() };
};
const weekday = (day: Day) => new Date(Date.UTC(day.y, day.m - 1, day.d)).getUTCDay();
const iso = (day: Day) => `${day.y}-${String(day.m).padStart(2, '0')}-${String(day.d).padStart(2, '0')}`;
const midnight = (cal: Calendar, day: Day) => fromLocal(day.y, day.m, day.d, 0, 0, cal.timeZone);

export function isBusinessDay(cal: Calendar, day: Day): boolean {
  return windowsOn(cal, day.y, day.m, day.d).length > 0;
}

/** The first business day in [start, start + days), or `start` when there is none. */
function firstBusinessDay(cal: Calendar, start: Day, days: number): Day {
  for (let i = 0; i < days; i++) if (isBusinessDay(cal, shift(start, i))) return shift(start, i);
  return start;
}

/** The report of `kind` due on local day `day`, if one is. */
export function periodDueOn(plan: Plan, kind: ReportKind, day: Day): ReportPeriod | undefined {
  const cal = plan.calendar;
  const [h, mi] = plan.reports[kind].at.split(':').map(Number) as [number, number];
  const dueAt = new Date(fromLocal(day.y, day.m, day.d, h, mi, cal.timeZone)).toISOString();
  const period = (from: Day, to: Day, label: string): ReportPeriod => ({ kind, from: new Date(midnight(cal, from)).toISOString(), to: new Date(midnight(cal, to)).toISOString(), dueAt, label });
  switch (kind) {
    case 'daily': {
      if (!isBusinessDay(cal, day)) return undefined;
      let prev = shift(day, -1);
      for (let i = 0; i < DAY_LIMIT && !isBusinessDay(cal, prev); i++) prev = shift(prev, -1);
      const last = shift(day, -1);
      return period(prev, day, iso(prev) === iso(last) ? iso(prev) : `${iso(prev)} – ${iso(last)}`);
    }
    case 'weekly': {
      const monday = shift(day, -((weekday(day) + 6) % 7));
      if (iso(firstBusinessDay(cal, monday, 7)) !== iso(day)) return undefined;
      const from = shift(monday, -7);
      return period(from, monday, `${iso(from)} – ${iso(shift(monday, -1))}`);
    }
    case 'monthly': {
      const first = { y: day.y, m: day.m, d: 1 };
      if (iso(firstBusinessDay(cal, first, 15)) !== iso(day)) return undefined;
      const from = day.m === 1 ? { y: day.y - 1, m: 12, d: 1 } : { y: day.y, m: day.m - 1, d: 1 };
      return period(from, first, iso(from).slice(0, 7));
    }
  }
}

/** The most recent report of `kind` due at or before `now` (undefined when the plan turns it off). */
export function latestDue(plan: Plan, kind: ReportKind, now: Date): ReportPeriod | undefined {
  if (!plan.reports[kind].enabled) return undefined;
  const l = toLocal(now.getTime(), plan.calendar.timeZone);
  const today = { y: l.year, m: l.month, d: l.day };
  for (let i = 0; i < DAY_LIMIT; i++) {
    const p = periodDueOn(plan, kind, shift(today, -i));
    if (p && Date.parse(p.dueAt) <= now.getTime()) return p;
  }
  return undefined;
}

/** A period a person names by local dates (`to` inclusive), for `vigil report`. */
export function periodBetween(plan: Plan, kind: ReportKind, fromDate: string, toDate: string): ReportPeriod {
  const parse = (s: string): Day => {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
    if (!m) throw new Error(`expected a date like 2026-03-02, got "${s}"`);
    return { y: +m[1]!, m: +m[2]!, d: +m[3]! };
  };
  const from = parse(fromDate);
  const to = parse(toDate);
  if (iso(to) < iso(from)) throw new Error(`--to ${toDate} is before --from ${fromDate}`);
  const end = shift(to, 1);
  return {
    kind,
    from: new Date(midnight(plan.calendar, from)).toISOString(),
    to: new Date(midnight(plan.calendar, end)).toISOString(),
    dueAt: new Date(midnight(plan.calendar, end)).toISOString(),
    label: iso(from) === iso(to) ? iso(from) : `${iso(from)} – ${iso(to)}`,
  };
}
