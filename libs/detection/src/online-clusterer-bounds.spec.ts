import { describe, expect, it } from 'vitest';
import { resolveConfig } from './config';
import { extractFeatures } from './features';
import { makeMention } from '../../../test/support/mention-factory';
import { OnlineClusterer } from './online-clusterer';
import { TermStats } from './term-stats';

// The clusterer packs a candidate's band hits and key-term hits into one number
// (bands × 1000 + terms); these hold its stated bounds.
interface Internals {
  candidates(bands: number[], keyTermKeys: number[]): number;
  candHits: number[];
}

describe('online clusterer: packed candidate hits', () => {
  it('looks a post up by at most 999 key terms, so term hits never read as a band hit', () => {
    const cfg = resolveConfig();
    const c = new OnlineClusterer(cfg);
    // 1,200 distinct places: each is an entity key term the cluster is indexed under.
    const places = Array.from({ length: 1200 }, (_, i) => ({ name: `compound-${i}`, kind: 'compound' as const }));
    const p = extractFeatures(makeMention({ ext: 'many-places', text: 'refund not received', at: Date.parse('2026-03-01T10:00:00Z'), places }), cfg, new TermStats());
    expect(p.keyTermKeys.length).toBeGreaterThan(1000);
    c.assign(p);
    const internals = c as unknown as Internals;
    expect(internals.candidates([], p.keyTermKeys)).toBe(1);
    // At most 999 (a few keys fall out of the 2-way postings sets); without the bound, ~1,200 read as one band hit.
    expect(internals.candHits[0]).toBeLessThan(1000);
    expect(internals.candHits[0]).toBeGreaterThan(900);
  });

  it('refuses a configuration whose ranking numbers would not be exact', () => {
    expect(() => new OnlineClusterer(resolveConfig({ clustering: { numHashes: 4_000_000, bands: 4_000_000 } }))).toThrow(/too large to rank candidates exactly/);
    expect(() => new OnlineClusterer(resolveConfig())).not.toThrow();
  });
});
