import { SOURCE_BUCKET_MS as BUCKET_MS, type CoverageGap, type SourceState } from '@vigil/contracts';

/**
 * How a poll changes a source's stored state (the collector is its only writer). What the
 * state means for people (status, items in the last hour) is `sourceHealthAt` in contracts.
 */

export const MAX_GAPS = 50;
const KEEP_BUCKETS_MS = 24 * 3_600_000;

export function newState(sourceId: string, now: string): SourceState {
  return { sourceId, cursor: { seen: [] }, updatedAt: now, errorCount: 0, consecutiveErrors: 0, itemsEmitted: 0, gaps: [], buckets: [] };
}

function addGap(gaps: CoverageGap[], gap: CoverageGap): CoverageGap[] {
  return [...gaps, gap].slice(-MAX_GAPS);
}

function addToBuckets(buckets: SourceState['buckets'], now: string, n: number): SourceState['buckets'] {
  const t = Date.parse(now);
  const start = new Date(Math.floor(t / BUCKET_MS) * BUCKET_MS).toISOString();
  const kept = (buckets ?? []).filter((b) => Date.parse(b.start) > t - KEEP_BUCKETS_MS);
  if (!n) return kept;
  const last = kept[kept.length - 1];
  return last?.start === start ? [...kept.slice(0, -1), { start, count: last.count + n }] : [...kept, { start, count: n }];
}

export function median(values: number[]): number | undefined {
  if (!values.length) return undefined;
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1]! + s[mid]!) / 2;
}

/**
 * A poll that worked. An open failure gap is closed now: posts of that stretch may
 * arrive late or never. An adapter's own gap (paging limit) is added as closed.
 */
export function recordSuccess(
  state: SourceState,
  r: { now: string; everyMs: number; emitted: number; lagMs?: number; gap?: { reason: string; from?: string; to?: string } },
): SourceState {
  let gaps = (state.gaps ?? []).map((g) => (g.open ? { ...g, to: r.now, open: false } : g));
  if (r.gap) {
    const from = r.gap.from ?? state.lastSuccessAt ?? r.now;
    const to = r.gap.to && r.gap.to > from ? r.gap.to : r.now;
    gaps = addGap(gaps, { from, to, reason: r.gap.reason.slice(0, 500), open: false });
  }
  return {
    ...state,
    updatedAt: r.now,
    lastSuccessAt: r.now,
    everyMs: r.everyMs,
    consecutiveErrors: 0,
    itemsEmitted: state.itemsEmitted + r.emitted,
    lagMs: r.lagMs ?? state.lagMs,
    buckets: addToBuckets(state.buckets, r.now, r.emitted),
    gaps,
  };
}

/** A poll that failed opens a gap from the last success (or extends the open one). */
export function recordFailure(state: SourceState, r: { now: string; everyMs: number; message: string }): SourceState {
  const gaps = state.gaps ?? [];
  const last = gaps[gaps.length - 1];
  const reason = `error: ${r.message}`.slice(0, 500);
  const nextGaps = last?.open
    ? [...gaps.slice(0, -1), { ...last, to: r.now, reason }]
    : addGap(gaps, { from: state.lastSuccessAt ?? r.now, to: r.now, reason, open: true });
  return {
    ...state,
    updatedAt: r.now,
    everyMs: r.everyMs,
    lastErrorAt: r.now,
    lastError: r.message.slice(0, 2000),
    errorCount: state.errorCount + 1,
    consecutiveErrors: (state.consecutiveErrors ?? 0) + 1,
    buckets: addToBuckets(state.buckets, r.now, 0),
    gaps: nextGaps,
  };
}
