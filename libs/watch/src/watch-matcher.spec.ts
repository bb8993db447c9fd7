import { describe, expect, it } from 'vitest';
import { WatchConfig, type WatchConfigInput } from '@vigil/contracts';
import { createTextViewer } from '@vigil/analysis';
import { compileWatches, type MatchInput } from './watch-matcher';

const watch = (w: Partial<WatchConfigInput> & { id: string }) => WatchConfig.parse({ name: w.id, ...w });
// The real segmentation, with the brand names a processor would add to it.
const view = createTextViewer(['鲜达外卖', '鲜达']);
const post = (text: string, extra: Partial<MatchInput> = {}): MatchInput => ({ ...view({ text }), sourceId: 'web', ...extra });
const ids = (m: ReturnType<typeof compileWatches>, p: MatchInput) => m.match(p).map((x) => x.id);

describe('WatchMatcher: boolean rules', () => {
  const m = compileWatches([
    watch({ id: 'refund-zh', rules: ['退款 AND (没到账 OR 没收到)'] }),
    watch({ id: 'refund-en', rules: ['refund* NOT "thank you"'] }),
    watch({ id: 'near', rules: ['退款 NEAR/6 没到账'] }),
    watch({ id: 'onear', rules: ['refund ONEAR/15 never'] }),
  ]);

  it('AND / OR on Chinese posts', () => {
    expect(ids(m, post('申请了退款，两个星期过去了钱一直没到账'))).toEqual(['refund-zh']);
    expect(ids(m, post('申请了退款，东西还没收到'))).toEqual(['refund-zh']);
    expect(ids(m, post('申请了退款，已经到账了'))).toEqual([]);
  });

  it('NOT and prefix wildcards on English posts, case-insensitively', () => {
    expect(ids(m, post('Still waiting for my REFUNDS after a month'))).toEqual(['refund-en']);
    expect(ids(m, post('Got my refund, thank you so much'))).toEqual([]);
    expect(ids(m, post('The refundable fare was a lie'))).toEqual(['refund-en']);
  });

  it('NEAR counts characters between the two words, in either order; ONEAR keeps the order', () => {
    expect(ids(m, post('退款三天了还没到账'))).toEqual(['refund-zh', 'near']);
    expect(ids(m, post('没到账啊我的退款'))).toEqual(['refund-zh', 'near']);
    expect(ids(m, post('退款的事情我说过很多次了，钱还没到账'))).toEqual(['refund-zh']);
    expect(ids(m, post('The refund will never come'))).toEqual(['refund-en', 'onear']);
    expect(ids(m, post('Never again, still no refund'))).toEqual(['refund-en']);
  });
});

describe('WatchMatcher: segmentation-aware Chinese words', () => {
  const m = compileWatches([watch({ id: 'refund', rules: ['退款'] }), watch({ id: 'fresh', brands: [{ name: '鲜达' }] }), watch({ id: 'millet', rules: ['小米'] }), watch({ id: 'prefix', rules: ['小米*'] })]);

  it('finds 退款 as a word, not inside 衰退|款式', () => {
    expect(view({ text: '今年衰退款式老旧' }).words).toContain('款式');
    expect(ids(m, post('今年衰退款式老旧'))).toEqual([]);
    expect(ids(m, post('我要退款'))).toEqual(['refund']);
  });

  it('a * frees the edge: 小米* finds 小米粥 (one word) where 小米 alone does not', () => {
    expect(view({ text: '早上喝了小米粥' }).words).toContain('小米粥');
    expect(ids(m, post('早上喝了小米粥'))).toEqual(['prefix']);
    expect(ids(m, post('小米手机又发热'))).toEqual(['millet', 'prefix']);
  });

  it('does not find the brand 鲜达 inside 新鲜|达到', () => {
    expect(ids(m, post('这次的水果很新鲜达到了预期'))).toEqual([]);
    expect(ids(m, post('鲜达的骑手很快'))).toEqual(['fresh']);
  });

  it('falls back to substrings where the post was not segmented', () => {
    expect(ids(m, { text: '这次的水果很新鲜达到了预期', language: 'other', sourceId: 'web' })).toEqual(['fresh']);
    expect(ids(m, { text: '这次的水果很新鲜达到了预期', words: ['cut', 'differently'], language: 'zh', sourceId: 'web' })).toEqual(['fresh']);
  });

  it('holds Latin words to word edges: app is not found in apple or happy', () => {
    const w = compileWatches([watch({ id: 'app', rules: ['app'] })]);
    expect(ids(w, post('the apple was happy'))).toEqual([]);
    expect(ids(w, post('鲜达app又闪退'))).toEqual(['app']);
    expect(ids(w, post('The app, again.'))).toEqual(['app']);
  });
});

describe('WatchMatcher: brands, exclusions, languages, sources', () => {
  const fresh = watch({
    id: 'freshdash',
    brands: [{ name: '鲜达外卖', aliases: ['FreshDash', 'xianda waimai'], handles: ['@FreshDashCN'], hashtags: ['#鲜达外卖#', '#快送节#'], appIds: ['1234567890'] }],
    products: [{ name: '鲜达奶茶', aliases: ['FreshDash Tea'] }],
    exclusions: ['招聘 OR "we are hiring"'],
    sources: ['freshdash-appstore'],
  });
  const rival = watch({ id: 'rival', competitor: true, brands: [{ name: '快拿外卖', aliases: ['QuickGrab'] }], languages: ['zh'] });
  const m = compileWatches([fresh, rival]);

  it('finds the brand by any of its names, and says which', () => {
    expect(m.match(post('鲜达外卖今天又超时了'))).toEqual([{ id: 'freshdash', rule: '鲜达外卖', competitor: false }]);
    expect(m.match(post('freshdash was late again'))[0]!.rule).toBe('FreshDash');
    expect(m.match(post('dian le xianda waimai de fan'))[0]!.rule).toBe('xianda waimai');
    expect(m.match(post('#鲜达外卖# 骑手态度很好'))[0]!.rule).toBe('鲜达外卖');
    expect(m.match(post('#快送节# 骑手态度很好'))[0]!.rule).toBe('#快送节#');
    expect(m.match(post('@FreshDashCN where is my order?'))[0]!.rule).toBe('@FreshDashCN');
    expect(m.match(post('新出的鲜达奶茶太甜了'))[0]!.rule).toBe('鲜达奶茶');
  });

  it('an @handle is not found inside an e-mail address, but the account itself counts', () => {
    expect(ids(m, post('write to support@freshdashcn.com'))).toEqual([]);
    expect(m.match(post('Our new menu is out', { author: { name: 'FreshDashCN' } }))[0]!.rule).toBe('author:@freshdashcn');
    expect(m.match(post('New menu', { meta: { acct: 'freshdashcn@mastodon.social' } }))[0]!.rule).toBe('author:@freshdashcn');
  });

  it('exclusions win over everything (job ads, homonyms)', () => {
    expect(ids(m, post('鲜达外卖招聘骑手，月入过万'))).toEqual([]);
    expect(ids(m, post('FreshDash: we are hiring couriers'))).toEqual([]);
  });

  it('attached sources and app ids bring posts that do not name the brand', () => {
    expect(m.match(post('付款一直失败', { sourceId: 'freshdash-appstore' }))[0]!.rule).toBe('source:freshdash-appstore');
    expect(m.match(post('crashes on launch', { sourceId: 'play', meta: { appId: '1234567890' } }))[0]!.rule).toBe('app:1234567890');
  });

  it('a competitor watch is marked, and its language filter holds (mixed counts as zh)', () => {
    expect(m.match(post('快拿外卖比鲜达外卖快多了'))).toEqual([
      { id: 'freshdash', rule: '鲜达外卖', competitor: false },
      { id: 'rival', rule: '快拿外卖', competitor: true },
    ]);
    expect(ids(m, post('QuickGrab is always late'))).toEqual([]);
    expect(ids(m, post('QuickGrab 又迟到了，差评'))).toEqual(['rival']);
  });

  it('a paused watch matches nothing; sourcesOnly keeps a watch to its sources', () => {
    const w = compileWatches([watch({ ...fresh, id: 'paused', enabled: false }), watch({ id: 'store-only', rules: ['闪退'], sources: ['freshdash-appstore'], sourcesOnly: true })]);
    expect(ids(w, post('鲜达外卖'))).toEqual([]);
    expect(ids(w, post('又闪退了'))).toEqual([]);
    expect(w.match(post('又闪退了', { sourceId: 'freshdash-appstore' }))[0]!.rule).toBe('source:freshdash-appstore');
  });

  it('facts in rules: source, channel, lang, author', () => {
    const w = compileWatches([watch({ id: 'facts', rules: ['channel:review 退款', 'author:@Alice 闪退', 'lang:en refund'] })]);
    expect(ids(w, post('退款', { channel: 'review' }))).toEqual(['facts']);
    expect(ids(w, post('退款', { channel: 'social' }))).toEqual([]);
    expect(w.match(post('又闪退', { author: { name: 'alice' } }))[0]!.rule).toBe('author:@Alice 闪退');
    expect(ids(w, post('refund please'))).toEqual(['facts']);
  });

  it('reports rules it could not compile instead of throwing (documents that skipped validation)', () => {
    const w = compileWatches([{ ...fresh, id: 'bad', rules: ['(退款'] }]);
    expect(w.problems).toEqual([{ watchId: 'bad', field: 'rules', index: 0, error: expect.stringContaining('never closed') }]);
    expect(ids(w, post('鲜达外卖'))).toEqual(['bad']);
  });
});
