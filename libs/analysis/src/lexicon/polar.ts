/**
 * The large general-purpose polarity lexicons (HowNet for Chinese, VADER for English) as the
 * model's lexicon features: a word the training data never showed still counts through its
 * lexicon class, which is what carries a model into domains it was not trained on.
 */
import { HOWNET_NEG, HOWNET_POS } from './hownet';
import { VADER } from './vader';

let zh: Map<string, number> | undefined;
let en: Map<string, number> | undefined;

/** +1 / -1 per HowNet word. */
export function zhPolarLexicon(): Map<string, number> {
  if (!zh) {
    zh = new Map();
    for (const w of HOWNET_POS.split('|')) zh.set(w, 1);
    for (const w of HOWNET_NEG.split('|')) zh.set(w, -1);
  }
  return zh;
}

/** VADER valence in [-4, 4] per English word (entries weaker than 0.5 are left out). */
export function enPolarLexicon(): Map<string, number> {
  if (!en) {
    en = new Map();
    for (const e of VADER.split('|')) {
      const sp = e.indexOf(' ');
      const v = Number(e.slice(sp + 1));
      if (Math.abs(v) >= 0.5) en.set(e.slice(0, sp), v);
    }
  }
  return en;
}

/** Chinese negators that flip the lexicon class of one of the next two words. */
export const ZH_LEX_NEGATORS = new Set(['不', '没', '没有', '不是', '别', '无', '未', '不太', '不会', '不能', '并不', '毫不', '不够']);
