/** The periods the analytics page offers, as [from, to) instants in the browser's time zone. */
export type Preset = 'last7' | 'last30' | 'thisWeek' | 'lastWeek' | 'thisMonth' | 'lastMonth' | 'custom';
export const PRESETS: Preset[] = ['last7', 'last30', 'thisWeek', 'lastWeek', 'thisMonth', 'lastMonth', 'custom'];

export interface Period {
  from: string;
  to: string;
}

const dayStart = (d: Date) => new Date(d.getFullYear(), d.getMonth(), d.getDate());
const addDays = (d: Date, n: number) => new Date(d.getFullYear(), d.getMonth(), d.getDate() + n);
/** Monday of the week of `d` (weeks start on Monday, as the reports' do). */
const monday = (d: Date) => addDays(dayStart(d), -((d.getDay() + 6) % 7));
const iso = (d: Date) => d.toISOString();

/**
 * `custom` takes local dates (YYYY-MM-DD), `to` inclusive. Every period ends at a local midnight,
 * so today counts whole and the period before (same length) lines up day for day.
 */
export function periodOf(preset: Preset, now: Date, custom: { from?: string; to?: string } = {}): Period | undefined {
  const today = dayStart(now);
  switch (preset) {
    case 'last7':
      return { from: iso(addDays(today, -6)), to: iso(addDays(today, 1)) };
    case 'last30':
      return { from: iso(addDays(today, -29)), to: iso(addDays(today, 1)) };
    case 'thisWeek':
      return { from: iso(monday(now)), to: iso(addDays(monday(now), 7)) };
    case 'lastWeek':
      return { from: iso(addDays(monday(now), -7)), to: iso(monday(now)) };
    case 'thisMonth':
      return { from: iso(new Date(now.getFullYear(), now.getMonth(), 1)), to: iso(new Date(now.getFullYear(), now.getMonth() + 1, 1)) };
    case 'lastMonth':
      return { from: iso(new Date(now.getFullYear(), now.getMonth() - 1, 1)), to: iso(new Date(now.getFullYear(), now.getMonth(), 1)) };
    case 'custom': {
      const from = localDate(custom.from);
      const to = localDate(custom.to);
      if (!from || !to || to < from) return undefined;
      return { from: iso(from), to: iso(addDays(to, 1)) };
    }
  }
}

function localDate(s?: string): Date | undefined {
  const m = s && /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  return m ? new Date(+m[1], +m[2] - 1, +m[3]) : undefined;
}

/** A period as people write it: the last day inclusive. */
export function periodLabel(p: Period): string {
  const fmt = (d: Date) => d.toLocaleDateString(undefined, { year: 'numeric', month: '2-digit', day: '2-digit' });
  return `${fmt(new Date(p.from))} – ${fmt(new Date(Date.parse(p.to) - 1))}`;
}

export const browserTimeZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;
