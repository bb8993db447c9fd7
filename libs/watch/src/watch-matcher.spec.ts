import { describe, expect, it } from 'vitest';
import { WatchConfig, type WatchConfigInput } from '@vigil/contracts';
import { compileWatches, type MatchInput } from './watch-matcher';

const watch = (w: Partial<WatchConfigInput> & { id: string }) => WatchConfig.parse({ name: w.id, ...w });
const HAN = /\p{Script=Han}/u;
/**
 * A post as the analysis hands it over. Chinese posts come cut as jieba cuts them (written out
 * here, `|` between words, so this library's specs need no segmenter; the processor's spec runs
 * the real one); others carry no segmentation.
 */
const post = (cut: string, extra: Partial<MatchInput> = {}): MatchInput => {
  const words = cut.split('|');
  const text = words.join('');
  return { text, ...(HAN.test(text) ? { words, language: /[a-z]{3}/i.test(text) ? 'mixed' : 'zh' } : { language: 'en' }), sourceId: 'web', ...extra };
};
const ids = (m: ReturnType<typeof compileWatches>, p: MatchInput) => m.match(p).map((x) => x.id);

describe('WatchMatcher: boolean rules', () => {
  const m = compileWatches([
    watch({ id: 'refund-zh', rules: ['退款 AND (没到账 OR 没收到)'] }),
    watch({ id: 'refund-en', rules: ['refund* NOT "thank you"'] }),
    watch({ id: 'near', rules: ['退款 NEAR/6 没到账'] }),
    watch({ id: 'onear', rules: ['refund ONEAR/15 never'] }),
  ]);

  it('AND / OR on Chinese posts', () => {
    expect(ids(m, post('申请|了|退款|，|两个|星期|过去|了|钱|一直|没|到|账'))).toEqual(['refund-zh']);
    expect(ids(m, post('申请|了|退款|，|东西|还|没收|到'))).toEqual(['refund-zh']);
    expect(ids(m, post('申请|了|退款|，|已经|到|账|了'))).toEqual([]);
  });

  it('NOT and prefix wildcards on English posts, case-insensitively', () => {
    expect(ids(m, post('Still waiting for my REFUNDS after a month'))).toEqual(['refund-en']);
    expect(ids(m, post('Got my refund, thank you so much'))).toEqual([]);
    expect(ids(m, post('The refundable fare was a lie'))).toEqual(['refund-en']);
  });

  it('NEAR counts characters between the two words, in either order; ONEAR keeps the order', () => {
    expect(ids(m, post('退款|三天|了|还|没|到|账'))).toEqual(['refund-zh', 'near']);
    expect(ids(m, post('没|到|账|啊|我|的|退款'))).toEqual(['refund-zh', 'near']);
    expect(ids(m, post('退款|的|事情|我|说|过|很|多次|了|，|钱|还|没|到|账'))).toEqual(['refund-zh']);
    expect(ids(m, post('The refund will never come'))).toEqual(['refund-en', 'onear']);
    expect(ids(m, post('Never again, still no refund'))).toEqual(['refund-en']);
  });
});

describe('WatchMatcher: segmentation-aware Chinese words', () => {
  const m = compileWatches([watch({ id: 'refund', rules: ['退款'] }), watch({ id: 'fresh', brands: [{ name: '鲜达' }] }), watch({ id: 'millet', rules: ['小米'] }), watch({ id: 'prefix', rules: ['小米*'] })]);

  it('finds 退款 as a word, not inside 衰退|款式', () => {
    expect(ids(m, post('今年|衰退|款式|老旧'))).toEqual([]);
    expect(ids(m, post('我|要|退款'))).toEqual(['refund']);
  });

  it('a * frees the edge: 小米* finds 小米粥 (one word) where 小米 alone does not', () => {
    expect(ids(m, post('早上|喝|了|小米粥'))).toEqual(['prefix']);
    expect(ids(m, post('小米|手机|又|发热'))).toEqual(['millet', 'prefix']);
  });

  it('does not find the brand 鲜达 inside 新鲜|达到', () => {
    expect(ids(m, post('这次|的|水果|很|新鲜|达到|了|预期'))).toEqual([]);
    expect(ids(m, post('鲜达|的|骑手|很快'))).toEqual(['fresh']);
  });

  it('falls back to substrings where the post was not segmented', () => {
    expect(ids(m, { text: '这次的水果很新鲜达到了预期', language: 'other', sourceId: 'web' })).toEqual(['fresh']);
    expect(ids(m, { text: '这次的水果很新鲜达到了预期', words: ['cut', 'differently'], language: 'zh', sourceId: 'web' })).toEqual(['fresh']);
  });

  it('holds Latin words to word edges: app is not found in apple or happy', () => {
    const w = compileWatches([watch({ id: 'app', rules: ['app'] })]);
    expect(ids(w, post('the apple was happy'))).toEqual([]);
    expect(ids(w, post('鲜达|app|又|闪退'))).toEqual(['app']);
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
    expect(m.match(post('鲜达外卖|今天|又|超时|了'))).toEqual([{ id: 'freshdash', rule: '鲜达外卖', competitor: false }]);
    expect(m.match(post('freshdash was late again'))[0]!.rule).toBe('FreshDash');
    expect(m.match(post('dian le xianda waimai de fan'))[0]!.rule).toBe('xianda waimai');
    expect(m.match(post('#|鲜达外卖|#| |骑手|态度|很|好'))[0]!.rule).toBe('鲜达外卖');
    expect(m.match(post('#|快|送|节|#| |骑手|态度|很|好'))[0]!.rule).toBe('#快送节#');
    expect(m.match(post('@FreshDashCN where is my order?'))[0]!.rule).toBe('@FreshDashCN');
    expect(m.match(post('新出|的|鲜达奶茶|太甜|了'))[0]!.rule).toBe('鲜达奶茶');
  });

  it('an @handle is not found inside an e-mail address, but the account itself counts', () => {
    expect(ids(m, post('write to support@freshdashcn.com'))).toEqual([]);
    expect(m.match(post('Our new menu is out', { author: { name: 'FreshDashCN' } }))[0]!.rule).toBe('author:@freshdashcn');
    expect(m.match(post('New menu', { meta: { acct: 'freshdashcn@mastodon.social' } }))[0]!.rule).toBe('author:@freshdashcn');
  });

  it('exclusions win over everything (job ads, homonyms)', () => {
    expect(ids(m, post('鲜达外卖|招聘|骑手|，|月|入|过万'))).toEqual([]);
    expect(ids(m, post('FreshDash: we are hiring couriers'))).toEqual([]);
  });

  it('attached sources and app ids bring posts that do not name the brand', () => {
    expect(m.match(post('付款|一直|失败', { sourceId: 'freshdash-appstore' }))[0]!.rule).toBe('source:freshdash-appstore');
    expect(m.match(post('crashes on launch', { sourceId: 'play', meta: { appId: '1234567890' } }))[0]!.rule).toBe('app:1234567890');
  });

  it('a competitor watch is marked, and its language filter holds (mixed counts as zh)', () => {
    expect(m.match(post('快拿外卖|比|鲜达外卖|快|多|了'))).toEqual([
      { id: 'freshdash', rule: '鲜达外卖', competitor: false },
      { id: 'rival', rule: '快拿外卖', competitor: true },
    ]);
    expect(ids(m, post('QuickGrab is always late'))).toEqual([]);
    expect(ids(m, post('QuickGrab| |又|迟到|了|，|差评'))).toEqual(['rival']);
  });

  it('a paused watch matches nothing; sourcesOnly keeps a watch to its sources', () => {
    const w = compileWatches([watch({ ...fresh, id: 'paused', enabled: false }), watch({ id: 'store-only', rules: ['闪退'], sources: ['freshdash-appstore'], sourcesOnly: true })]);
    expect(ids(w, post('鲜达外卖'))).toEqual([]);
    expect(ids(w, post('又|闪退|了'))).toEqual([]);
    expect(w.match(post('又|闪退|了', { sourceId: 'freshdash-appstore' }))[0]!.rule).toBe('source:freshdash-appstore');
  });

  it('facts in rules: source, channel, lang, author', () => {
    const w = compileWatches([watch({ id: 'facts', rules: ['channel:review 退款', 'author:@Alice 闪退', 'lang:en refund'] })]);
    expect(ids(w, post('退款', { channel: 'review' }))).toEqual(['facts']);
    expect(ids(w, post('退款', { channel: 'social' }))).toEqual([]);
    expect(w.match(post('又|闪退', { author: { name: 'alice' } }))[0]!.rule).toBe('author:@Alice 闪退');
    expect(ids(w, post('refund please'))).toEqual(['facts']);
  });

  it('reports rules it could not compile instead of throwing (documents that skipped validation)', () => {
    const w = compileWatches([{ ...fresh, id: 'bad', rules: ['(退款'] }]);
    expect(w.problems).toEqual([{ watchId: 'bad', field: 'rules', index: 0, error: expect.stringContaining('never closed') }]);
    expect(ids(w, post('鲜达外卖'))).toEqual(['bad']);
  });
});
