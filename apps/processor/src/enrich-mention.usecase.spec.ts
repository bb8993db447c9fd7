import { describe, expect, it } from 'vitest';
import { EnrichedMention, RawMention, WatchConfig, mentionId, type WatchConfigInput } from '@vigil/contracts';
import { ManualClock } from '@vigil/common';
import { EnrichMentionUseCase } from './enrich-mention.usecase';
import { buildWatchRuntime, type WatchRuntime } from './watches/watch-runtime';
import type { WatchesRegistry } from './watches/watches-registry.service';
import type { ModelFollower } from './models/model-follower.service';

const NOW = new Date('2026-12-07T12:00:00Z');
const watch = (w: Partial<WatchConfigInput> & { id: string }) => WatchConfig.parse({ name: w.id, ...w });

function useCase(rt: WatchRuntime, modelVersion = 0): EnrichMentionUseCase {
  const watches = { current: () => rt } as unknown as WatchesRegistry;
  const models = { modelVersion } as ModelFollower;
  return new EnrichMentionUseCase(watches, new ManualClock(NOW), { maxFutureMs: 15 * 60_000, oldAfterMs: 7 * 24 * 3_600_000 }, models);
}

function raw(externalId: string, over: Partial<RawMention>): RawMention {
  return RawMention.parse({
    id: mentionId('web', externalId), sourceId: 'web', sourceType: 'rss', channel: 'social', externalId,
    text: '', publishedAt: '2026-12-07T11:00:00Z', fetchedAt: '2026-12-07T11:01:00Z', ...over,
  });
}

const posts: [string, RawMention, string[]][] = [
  ['zh with a title, rating and masked contact kinds', raw('zh-1', { text: '鲜达外卖又送晚了一个多小时，饭菜全凉了，申请退款也不给退，我要投诉到消费者协会', title: '鲜达外卖退款', rating: 1, piiKinds: ['phone'] }), ['fresh']],
  ['en with an author, reach and meta', raw('en-1', { text: 'FreshDash delivered my dinner cold again, the refund was rejected twice. I will report this to the BBB', author: { id: 'u1', name: 'Ann', followers: 12 }, reach: 300, meta: { lang: 'en', likes: 3, pinned: false }, langHint: 'en' }), ['fresh', 'airline']],
  ['mixed zh/en, dated in the future', raw('mix-1', { text: '鲜达外卖 app crashed again！订单显示已送达但是根本没收到 order 100234', publishedAt: '2026-12-08T11:00:00Z' }), ['fresh']],
  ['en, old and truncated', raw('en-2', { text: 'great service and the rider was friendly', publishedAt: '2025-01-01T00:00:00Z', truncated: true, url: 'https://example.org/p/1' }), []],
];

/**
 * The indexer writes mentions.enriched's bytes to Elasticsearch as they are, where it once wrote
 * what the EnrichedMention schema parsed out of them. The two are the same document only while
 * the processor's output is a fixed point of the schema: no key the schema would strip, every
 * default already filled. These pin that for what the processor writes.
 */
describe('enrich mention: the output is what the EnrichedMention schema would make of it', () => {
  const withWatches = buildWatchRuntime(
    [watch({ id: 'fresh', brands: [{ name: '鲜达外卖', aliases: ['鲜达', 'FreshDash'] }] }), watch({ id: 'airline', rules: ['refund*'], taxonomy: { preset: 'airline' } })],
    { products: [] },
    'r1',
  );
  const noWatches = buildWatchRuntime([], { products: [] }, 'r0');

  it.each(posts)('%s, with watches and a published model version', (_, post, watchIds) => {
    const out = JSON.parse(JSON.stringify(useCase(withWatches, 3).execute(post))) as EnrichedMention;
    expect(out.watches?.map((w) => w.id)).toEqual(watchIds);
    expect(EnrichedMention.parse(out)).toEqual(out);
  });

  it.each(posts)('%s, with no watch configured', (_, post) => {
    const out = JSON.parse(JSON.stringify(useCase(noWatches).execute(post))) as EnrichedMention;
    expect(out.watches).toBeUndefined();
    expect(EnrichedMention.parse(out)).toEqual(out);
  });
});
