import type { Language } from '@vigil/contracts';
import { describe, expect, it } from 'vitest';
import { featuresEn, featuresZh } from './features';
import { LabelFeatureReader } from './label-features';
import { compileLabels, nudges, type LabelModels, type SparseWeights } from './learned-labels';
import { mulberry32 } from './training/logistic';
import { createSegmenter } from './segmenter';

// The reference is what the analyzer computed before the reader: feature set 1 of features.ts,
// each id once in first-seen order, and nudges() over them.
const seg = createSegmenter([]);
const unique = (xs: readonly number[]) => [...new Set(xs)];
function reference(language: Language, text: string, words: readonly string[]): number[] {
  if (language === 'zh' || language === 'mixed') return unique(featuresZh(text, words, 1));
  if (language === 'en') return unique(featuresEn(text, [], 1));
  return [];
}

const ZH = [
  '这家外卖送得太慢了，等了两个小时，饭菜都凉了，客服态度也很差，你们还能再慢一点吗？我要投诉到12315！',
  '订单号：2024051812345678，联系电话138****1234，退款58元。',
  '不是不好，就是太贵了。但是客服态度很好！',
  '第一行\r\n第二行\n\n第三行\t结束\u3000全角空格 ABC Def',
  '😀😡👍🏻好评！！！差评？？？𠀀𠀁好𪚥',
  '好好好好好好好好好好好好好好好好好好好好',
  // Words whose case or edges change: full-width and Greek capitals, ideographic space, Ⅻ.
  'ＡＢＣ全角字母１２３，ΣΑΣ希腊字母，Ⅻ罗马数字\u3000空格\u00a0不换行，iPhone和IPHONE',
  '',
];
const EN = [
  "Ordered twice and the package is still NOT delivered. Support hung up on me again. Refund $59.99 now!",
  "I don't think it's bad, but it isn't good either; never again!!",
  'Great   phone,\n\nbattery lasts all day. İstanbul ŞEHİR',
  'a',
  '',
];
const MIXED = ['这个app在华为Mate 60上总是crash，support team never replies，太差了，refund please'];

/** Seeded random posts over a small alphabet: many repeated n-grams, so the table's probing is exercised. */
function randomPosts(n: number, alphabet: string, seed: number): string[] {
  const rnd = mulberry32(seed);
  return Array.from({ length: n }, () => Array.from({ length: 1 + Math.floor(rnd() * 300) }, () => alphabet[Math.floor(rnd() * alphabet.length)]).join(''));
}

const cases: [Language, string][] = [
  ...ZH.map((t) => ['zh', t] as [Language, string]),
  ...EN.map((t) => ['en', t] as [Language, string]),
  ...MIXED.map((t) => ['mixed', t] as [Language, string]),
  ['other', 'Привет мир'],
  ...randomPosts(200, '好差快慢客服退款不是很了，。！ ', 1).map((t) => ['zh', t] as [Language, string]),
  ...randomPosts(200, 'abcdeno t\'.,!', 2).map((t) => ['en', t] as [Language, string]),
  // Long posts: more ids than the table kept between posts holds, then a short one after them.
  ['zh', ZH.slice(0, 3).join('').repeat(400)],
  ['zh', ZH[0]!],
  ['en', EN.slice(0, 2).join(' ').repeat(300)],
  ['en', EN[0]!],
];

describe('label features (what the learnt nudges read)', () => {
  it('are the ids of feature set 1, each once, in first-seen order (zh, en, mixed, long posts after short)', () => {
    const reader = new LabelFeatureReader();
    for (const [language, text] of cases) {
      const words = language === 'zh' || language === 'mixed' ? seg.cutZh(text) : [];
      expect(reader.read(language, text, words).ids(), `${language}: ${text.slice(0, 40)}`).toEqual(reference(language, text, words));
    }
  });

  it('give the nudges the analyzer gave before (each component summed over the ids in order), bit for bit', () => {
    const rnd = mulberry32(7);
    const sparse = (n: number): SparseWeights => new Map(Array.from({ length: n }, () => [Math.floor(rnd() * 2 ** 18), rnd() - 0.5] as [number, number]));
    // Dense enough that most posts meet several nudged ids, in several components at once.
    const labels: LabelModels = { emotion: sparse(40_000), categories: { logistics: sparse(30_000), billing_refund: sparse(30_000) } };
    const compiled = compileLabels(labels);
    const parts = [labels.emotion!, ...Object.values(labels.categories!)];
    // With Float32 weights, as they are stored.
    const before = (ids: number[]) => {
      const out = parts.map((w) => ids.reduce((z, f) => z + (w.has(f) ? Math.fround(w.get(f)!) : 0), 0));
      return ids.length ? out.map((z) => z * (1 / Math.sqrt(ids.length))) : out;
    };
    const reader = new LabelFeatureReader();
    let touched = 0;
    for (const [language, text] of cases) {
      const words = language === 'zh' || language === 'mixed' ? seg.cutZh(text) : [];
      const got = [...reader.read(language, text, words).nudges(compiled)];
      const ids = reference(language, text, words);
      const want = before(ids);
      expect(got, `${language}: ${text.slice(0, 40)}`).toEqual(want);
      expect([...nudges(compiled, ids)]).toEqual(want);
      if (want.some((x) => x !== 0)) touched++;
    }
    expect(touched).toBeGreaterThan(cases.length / 2);
  });

  it('answer nothing for a post with no features (other scripts, empty text)', () => {
    const compiled = compileLabels({ emotion: new Map([[1, 1]]) });
    const reader = new LabelFeatureReader();
    expect([...reader.read('other', 'Привет', []).nudges(compiled)]).toEqual([0]);
    expect(reader.read('zh', '', []).ids()).toEqual([]);
  });
});
