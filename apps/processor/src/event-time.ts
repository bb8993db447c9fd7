import type { EventTimeNote } from '@vigil/contracts';

export interface EventTimePolicy {
  /** How far past its collection time a post may be dated (clock skew, time zones written as UTC). */
  maxFutureMs: number;
  /** A post published longer than this before it was collected is old: searchable, never alarms. */
  oldAfterMs: number;
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

function span(ms: number): string {
  if (ms >= 365 * DAY) return `${Math.round(ms / (365 * DAY))} years`;
  if (ms >= 2 * DAY) return `${Math.round(ms / DAY)} days`;
  if (ms >= 2 * HOUR) return `${Math.round(ms / HOUR)} hours`;
  return `${Math.round(ms / 60_000)} minutes`;
}

/**
 * Checks a post's own time against when it was collected. The reference is the collection time
 * (so a replay of history, collected "at" its own times, is judged like a live stream), but never
 * later than this process's clock plus the skew: a collector with a clock in the future cannot
 * vouch for a future post. Pure: the caller passes its clock.
 */
export function checkEventTime(publishedAt: string, fetchedAt: string, now: Date, policy: EventTimePolicy): { publishedAt: string; note?: EventTimeNote } {
  const published = Date.parse(publishedAt);
  const reference = Math.min(Date.parse(fetchedAt), now.getTime() + policy.maxFutureMs);
  if (published - reference > policy.maxFutureMs) {
    return {
      publishedAt: new Date(reference).toISOString(),
      note: {
        kind: 'future',
        claimedAt: publishedAt,
        reason: `dated ${span(published - reference)} after it was collected (more than ${span(policy.maxFutureMs)} ahead): counted at the time it was collected`,
      },
    };
  }
  if (reference - published > policy.oldAfterMs) {
    return {
      publishedAt,
      note: {
        kind: 'old',
        claimedAt: publishedAt,
        reason: `published ${span(reference - published)} before it was collected (more than ${span(policy.oldAfterMs)}): kept for search, not used to raise alarms`,
      },
    };
  }
  return { publishedAt };
}
