import { describe, expect, it } from 'vitest';
import { createDetector } from '@vigil/detection';
import { partitionForKey } from '@vigil/kafka';
import { backgroundStream } from '../../../test/support/synthetic-streams';
import { partitionShare } from './legacy-state';

const PARTITIONS = 3;
// Two watches that live on different partitions of mentions.by-watch.
const A = 'xianda';
const B = 'freshdash';
const onPartitionOf = (watch: string) => (w: string) => partitionForKey(w, PARTITIONS) === partitionForKey(watch, PARTITIONS);

/** The single-instance detector of an earlier version after four days of both watches' ordinary complaints. */
function legacyState() {
  const start = Date.UTC(2026, 10, 2);
  const posts = [A, B]
    .flatMap((w, i) => backgroundStream({ start, days: 4, peakPerHour: 12, seed: 7 + i, extra: { watches: w } }).map((m) => ({ ...m, id: `${w}-${m.id}` })))
    .sort((x, y) => Date.parse(x.publishedAt) - Date.parse(y.publishedAt));
  const d = createDetector();
  for (const m of posts) d.process(m);
  const { clusters: _clusters, ...rest } = d.snapshot();
  return rest;
}

describe('partitionShare: a partition takes its watches\' part of the single-instance state', () => {
  const legacy = legacyState();

  it('keeps the learnt baselines of the partition\'s watches, ready, and none of the other partition\'s', () => {
    expect(partitionForKey(A, PARTITIONS)).not.toBe(partitionForKey(B, PARTITIONS));
    for (const [own, other] of [[A, B], [B, A]] as const) {
      const d = createDetector();
      d.restore({ ...partitionShare(legacy, onPartitionOf(own)), clusters: [] });
      const statuses = d.baselineStatuses();
      expect(statuses.some((s) => s.watchId === own && s.dimension === 'watch' && s.state === 'ready')).toBe(true);
      expect(statuses.filter((s) => s.watchId === other)).toEqual([]);
    }
  });

  it('keeps what is not kept per watch (seen posts, term statistics, the clock) whole', () => {
    const share = partitionShare(legacy, onPartitionOf(A));
    expect(share.seen).toEqual(legacy.seen);
    expect(share.terms).toEqual(legacy.terms);
    expect(share.clock).toBe(legacy.clock);
    expect(share.volume.keys.length).toBeGreaterThan(0);
    expect(share.volume.keys.length).toBeLessThan(legacy.volume.keys.length);
  });
});
