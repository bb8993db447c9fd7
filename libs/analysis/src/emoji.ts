import { EMOJI_SENTIMENT } from './lexicon/emoji';
import { allMatches } from './text';

const PICTO = /\p{Extended_Pictographic}(?:\uFE0F|\p{Emoji_Modifier}|\u200D\p{Extended_Pictographic}\uFE0F?)*/gu;
// ASCII emoticons need a non-word neighbour so "a:)" in URLs or "T_T" inside words are not taken.
const EMOTICON = /(?<![\w:])(?:>:\(|:'\(|:-?\)|:-?\(|:-?D|;\)|:P|\^_\^|\^\^|\(:|T_T|QAQ|:\/(?!\/)|orz)(?![\w/])/g;
const BRACKET = /\[[\u4e00-\u9fa5a-z]{1,4}\]/g;

/** Emoji, emoticons and Weibo-style [怒] codes, in order of appearance, duplicates kept. */
export function extractEmojis(text: string): string[] {
  const found: { at: number; s: string }[] = [];
  for (const m of allMatches(PICTO, text)) found.push({ at: m.index, s: m[0] });
  for (const m of allMatches(EMOTICON, text)) found.push({ at: m.index, s: m[0] });
  for (const m of allMatches(BRACKET, text)) if (m[0] in EMOJI_SENTIMENT) found.push({ at: m.index, s: m[0] });
  return found.sort((a, b) => a.at - b.at).map((f) => f.s);
}

export function emojiScore(emojis: readonly string[]): number {
  let s = 0;
  for (const e of emojis) s += EMOJI_SENTIMENT[e] ?? EMOJI_SENTIMENT[e.replace(/\uFE0F/g, '')] ?? 0;
  return s;
}
