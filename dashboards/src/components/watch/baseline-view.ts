import type { Answer } from '../../api/http';

export type WatchBaseline = Answer<'get', '/api/baselines'>['watches'][number];

/** What a person reads about one watch's baseline: the i18n key, its values, and how far it has learnt (0–100). */
export interface BaselineView { key: 'baseline.learning' | 'baseline.learningOpen' | 'baseline.gap' | 'baseline.ready'; values: Record<string, string | number>; percent: number; notReady: boolean }

export function baselineView(b: WatchBaseline): BaselineView {
  const seen = b.hoursSeen;
  if (b.state === 'warming_up') {
    const needed = b.hoursNeeded;
    if (!needed) return { key: 'baseline.learningOpen', values: { seen }, percent: 0, notReady: true };
    // Days when it is more than two of them: "1.5 of 3 days" reads better than "36 of 72 h".
    const inDays = needed >= 48;
    const fmt = (h: number) => (inDays ? (h / 24).toFixed(1).replace(/\.0$/, '') : String(h));
    return { key: 'baseline.learning', values: { seen: fmt(Math.min(seen, needed)), needed: fmt(needed), unit: inDays ? 'd' : 'h' }, percent: Math.min(100, Math.round((100 * seen) / needed)), notReady: true };
  }
  if (b.state === 'coverage_gap') return { key: 'baseline.gap', values: {}, percent: 100, notReady: true };
  return { key: 'baseline.ready', values: {}, percent: 100, notReady: false };
}
