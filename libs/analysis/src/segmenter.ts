import { dict } from '@node-rs/jieba/dict';
import { DagSegmenter } from './dag-segmenter';
import { ZH_DOMAIN_WORD_FREQ, ZH_DOMAIN_WORDS } from './lexicon/zh-domain-words';

const ZH_STOP = new Set(`的 了 是 我 你 他 她 它 们 我们 你们 他们 这 那 这个 那个 就 都 也 还 在 和 与 及 或 而 又 呢 吗 吧 啊 呀 哦 嗯
哈 啦 嘛 么 着 过 给 把 被 让 对 从 到 为 于 以 之 其 一个 一 个 有 没 不 很 太 都是 就是 还是 但是 可是 因为 所以 如果 虽然 然后
什么 怎么 这么 那么 这样 那样 自己 已经 可以 要 会 能 说 去 来 上 下 里 中 后 前 次 再 才 又 只 等 点 一点 一下 一些 这些 那些 得 地 之后 时候`
  .split(/\s+/).filter(Boolean));

const EN_STOP = new Set(`a an the and or but if then so of to in on at by for with from as is are was were be been being am
i me my we our you your he him his she her it its they them their this that these those there here what which who whom
do does did have has had having will would can could should shall may might must just not no yes very too also only
about into over than out up down off again more most some any all each other such own same s t don isn wasn
get got im i'm it's its you're we're they're that's there's what's let's`.split(/\s+/).filter(Boolean));

const DEFAULT_TOKEN_CAP = 64;

export interface Segmenter {
  /** jieba's segmentation (words and punctuation, `cut(text, false)`), for the sentiment rules. */
  cutZh(text: string): string[];
  /** English words, lower-cased, apostrophes kept (don't, isn't). */
  wordsEn(text: string): string[];
  /** Content tokens for the keyword array: no stop words, no punctuation, deduplicated, capped. */
  contentTokens(words: string[], cap?: number): string[];
}

/** Only CJK unified ideographs (basic block): letters, already lower-case, never padded. */
function isHanWord(w: string): boolean {
  if (w.length === 0) return false;
  for (let i = 0; i < w.length; i++) {
    const c = w.charCodeAt(i);
    if (c < 0x4e00 || c > 0x9fff) return false;
  }
  return true;
}

let defaultDag: DagSegmenter | undefined;

/**
 * Loading jieba's dictionary takes ~0.2 s, so instances without user terms share one;
 * with user terms each analyzer gets its own copy so dictionaries of different tenants
 * do not leak into each other.
 */
export function createSegmenter(userTerms: readonly string[] = []): Segmenter {
  if (!defaultDag) {
    defaultDag = DagSegmenter.fromDictionary(dict);
    defaultDag.load(ZH_DOMAIN_WORDS.map((w) => `${w} ${ZH_DOMAIN_WORD_FREQ} n`).join('\n'));
  }
  let dag = defaultDag;
  // jieba dictionary line: word frequency [tag]; a high frequency makes the term win.
  const lines = userTerms.filter((t) => t && !/\s/.test(t)).map((t) => `${t} 100000 nz`).join('\n');
  if (lines) {
    dag = defaultDag.clone();
    dag.load(lines);
  }
  return {
    cutZh: (text) => dag.cut(text),
    wordsEn: (text) => text.toLowerCase().match(/[a-z0-9]+(?:['’][a-z]+)*/g) ?? [],
    contentTokens(words, cap = DEFAULT_TOKEN_CAP) {
      const out: string[] = [];
      const seen = new Set<string>();
      for (const raw of words) {
        // jieba words are mostly Han runs: those need no trimming, case folding or regex.
        const han = isHanWord(raw);
        const w = han ? raw : raw.trim().toLowerCase();
        if (!w || seen.has(w)) continue;
        if (!han) {
          if (!/[\p{L}\p{N}]/u.test(w)) continue;
          if (/^\d{1,2}$/.test(w)) continue;
          if (/^[a-z]$/.test(w)) continue;
        }
        if (ZH_STOP.has(w) || EN_STOP.has(w)) continue;
        seen.add(w);
        out.push(w);
        if (out.length >= cap) break;
      }
      return out;
    },
  };
}
