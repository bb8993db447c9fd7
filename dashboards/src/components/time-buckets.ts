export interface TimeBucket {
  /** Start of the bucket, epoch ms. */
  start: number;
  count: number;
}

const MINUTE = 60_000;
/** Bucket widths to choose from, smallest first. */
export const BUCKET_WIDTHS_MS = [MINUTE, 5 * MINUTE, 15 * MINUTE, 60 * MINUTE, 6 * 60 * MINUTE, 24 * 60 * MINUTE];

/**
 * Posts per bucket from event times, with the smallest width that gives at most `maxBuckets`
 * bars; empty buckets in between are kept so quiet stretches show as gaps, not as nothing.
 */
export function bucketTimes(times: readonly number[], maxBuckets = 24): { widthMs: number; buckets: TimeBucket[] } {
  if (!times.length) return { widthMs: BUCKET_WIDTHS_MS[0]!, buckets: [] };
  const min = Math.min(...times);
  const max = Math.max(...times);
  const DAY = BUCKET_WIDTHS_MS[BUCKET_WIDTHS_MS.length - 1]!;
  // Past the largest width (a long-lived cluster), whole days wide enough to stay near the cap.
  const widthMs = BUCKET_WIDTHS_MS.find((w) => Math.floor(max / w) - Math.floor(min / w) + 1 <= maxBuckets) ?? Math.ceil((max - min + 1) / maxBuckets / DAY) * DAY;
  const first = Math.floor(min / widthMs) * widthMs;
  const n = Math.floor(max / widthMs) - Math.floor(min / widthMs) + 1;
  const buckets = Array.from({ length: n }, (_, i) => ({ start: first + i * widthMs, count: 0 }));
  for (const t of times) buckets[Math.floor((t - first) / widthMs)]!.count++;
  return { widthMs, buckets };
}
