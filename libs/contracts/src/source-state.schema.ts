import { z } from 'zod';
import { CoverageGap, type SourceHealth } from './source-health.schema';

const Instant = z.iso.datetime({ offset: true });

/** Where a source continues from: conditional-GET validators, recent ids, a paging position. */
export const SourceCursor = z.object({
  etag: z.string().optional(),
  lastModified: z.string().optional(),
  /** Recent external ids, newest last, bounded. */
  seen: z.array(z.string()).default([]),
  /** Where a paged API continues from (Mastodon: the newest status id seen). */
  position: z.string().optional(),
  /** Identity of an export file last read (mtime and size): unchanged files are not parsed again. */
  fingerprint: z.string().optional(),
});
export type SourceCursor = z.infer<typeof SourceCursor>;

/** Mentions emitted in one 5-minute bucket (empty buckets are left out). */
export const SOURCE_BUCKET_MS = 5 * 60_000;

/**
 * What the collector records per source after every poll (index `source-state`, id =
 * sourceId): its cursor and the facts health is derived from. Counters default to 0 so a
 * document written before a field existed still reads.
 */
export const SourceState = z.object({
  sourceId: z.string().min(1),
  cursor: SourceCursor.default({ seen: [] }),
  updatedAt: Instant,
  lastSuccessAt: Instant.optional(),
  lastErrorAt: Instant.optional(),
  lastError: z.string().optional(),
  errorCount: z.number().int().nonnegative().default(0),
  /** Failed polls since the last success. */
  consecutiveErrors: z.number().int().nonnegative().optional(),
  itemsEmitted: z.number().int().nonnegative().default(0),
  /** The source's polling interval when last polled: how old a success may be before the source is stale. */
  everyMs: z.number().positive().optional(),
  /** Median collection delay (fetchedAt − publishedAt) of the last poll that found dated posts. */
  lagMs: z.number().nonnegative().optional(),
  /** Mentions emitted per SOURCE_BUCKET_MS bucket over the last 24 hours. */
  buckets: z.array(z.object({ start: Instant, count: z.number().int().nonnegative() })).optional(),
  /** Bounded list of stretches in which posts may have been missed, oldest first. */
  gaps: z.array(CoverageGap).optional(),
});
export type SourceState = z.infer<typeof SourceState>;

/** A source is stale when it has not succeeded for this many of its own intervals. */
const STALE_INTERVALS = 3;
const HOUR_MS = 3_600_000;

/**
 * How a source is doing as of `now`. Derived when read, not stored: a collector that has
 * stopped cannot mark its own sources stale. The collector's metrics, the api and the
 * dashboard all see this one derivation.
 */
export function sourceHealthAt(state: SourceState, now: Date): SourceHealth {
  const t = now.getTime();
  const sinceSuccessMs = state.lastSuccessAt ? Math.max(0, t - Date.parse(state.lastSuccessAt)) : undefined;
  // Documents from before `consecutiveErrors` existed: failing when the last error is newer than the last success.
  const failing = state.consecutiveErrors !== undefined
    ? state.consecutiveErrors > 0
    : !!state.lastErrorAt && (!state.lastSuccessAt || state.lastErrorAt > state.lastSuccessAt);
  const status: SourceHealth['status'] = failing
    ? 'failing'
    : !state.lastSuccessAt
      ? 'never-polled'
      : state.everyMs && sinceSuccessMs! > STALE_INTERVALS * state.everyMs
        ? 'stale'
        : 'ok';
  return {
    sourceId: state.sourceId,
    status,
    lastSuccessAt: state.lastSuccessAt,
    lastErrorAt: state.lastErrorAt,
    lastError: state.lastError,
    errorCount: state.errorCount,
    consecutiveErrors: state.consecutiveErrors ?? 0,
    itemsEmitted: state.itemsEmitted,
    itemsLastHour: (state.buckets ?? []).filter((b) => Date.parse(b.start) + SOURCE_BUCKET_MS > t - HOUR_MS && Date.parse(b.start) <= t).reduce((n, b) => n + b.count, 0),
    lagMs: state.lagMs,
    sinceSuccessMs,
    gaps: state.gaps ?? [],
    at: now.toISOString(),
  };
}

/** Gaps of any source that overlap [from, to]: a window with one of these in it may be an artefact of collection. */
export function gapsOverlapping(states: SourceState[], from: string, to: string): (CoverageGap & { sourceId: string })[] {
  // By instant, not by string: callers may write another offset than the stored UTC times.
  const [f, t] = [Date.parse(from), Date.parse(to)];
  return states.flatMap((s) => (s.gaps ?? []).filter((g) => Date.parse(g.from) <= t && Date.parse(g.to) >= f).map((g) => ({ ...g, sourceId: s.sourceId })));
}
