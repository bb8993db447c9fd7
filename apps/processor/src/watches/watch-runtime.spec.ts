import { describe, expect, it } from 'vitest';
import { WatchConfig, type WatchConfigInput } from '@vigil/contracts';
import { buildWatchRuntime } from './watch-runtime';

const watch = (w: Partial<WatchConfigInput> & { id: string }) => WatchConfig.parse({ name: w.id, ...w });

describe('watch runtime: the matcher over the analyzer\'s own segmentation', () => {
  const rt = buildWatchRuntime(
    [watch({ id: 'refund', rules: ['退款'] }), watch({ id: 'fresh', brands: [{ name: '鲜达外卖', aliases: ['鲜达'] }] }), watch({ id: 'millet', rules: ['小米'] }), watch({ id: 'millet-prefix', rules: ['小米*'] }), watch({ id: 'en', rules: ['refund* NEAR/20 never'] })],
    { products: [] },
    'r',
  );
  const ids = (text: string) => {
    let out: string[] = [];
    rt.analyzer.analyze({ text }, { taxonomyFor: (view) => ((out = rt.matcher!.match({ ...view, sourceId: 'web' }).map((m) => m.id)), undefined) });
    return out;
  };

  it.each([
    ['我要退款，三天了', ['refund']],
    ['今年衰退款式老旧', []],
    ['鲜达外卖又超时了', ['fresh']],
    ['这次的水果很新鲜达到了预期', []],
    ['早上喝了小米粥', ['millet-prefix']],
    ['小米手机又发热', ['millet', 'millet-prefix']],
    ['My refunds will never come, says FreshDash', ['en']],
    ['鲜達外賣退款又失敗了', ['refund', 'fresh']],
  ])('%s → %j', (text, expected) => {
    expect(ids(text)).toEqual(expected);
  });
});
