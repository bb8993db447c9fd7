import { Converter } from 'opencc-js';
import type { Language } from '@vigil/contracts';

// Built once: the converter holds the dictionary tries (~15 ms to build).
let t2s: ((s: string) => string) | undefined;
function converter(): (s: string) => string {
  t2s ??= Converter({ from: 'tw', to: 'cn' });
  return t2s;
}

const EN_FUNCTION_WORDS = new Set(['the', 'a', 'an', 'is', 'are', 'was', 'were', 'and', 'or', 'to', 'of', 'in', 'on',
  'it', 'i', 'you', 'my', 'me', 'we', 'they', 'this', 'that', 'for', 'with', 'not', 'no', 'but', 'so', 'be', 'have',
  'has', 'had', 'do', 'did', 'just', 'can', 'will', 'at', 'your', 'our', 'all', 'what', 'very', 'too', 'from', 'out']);
const OTHER_LATIN_WORDS = new Set(['le', 'la', 'les', 'est', 'et', 'je', 'pas', 'une', 'des', 'du', 'der', 'die',
  'das', 'und', 'ist', 'nicht', 'ich', 'el', 'los', 'que', 'es', 'por', 'muy', 'para', 'não', 'uma', 'com', 'mais',
  'une', 'avec', 'pour', 'sehr', 'mit', 'auf', 'é', 'em', 'una', 'il', 'di', 'che', 'het', 'een', 'och']);

export interface LanguageInfo {
  language: Language;
  script?: 'simplified' | 'traditional';
  /** Analysis text: half-width, simplified when Chinese; same length as the input. */
  normalized: string;
}

/**
 * Code units that OpenCC's tw→cn conversion changes on their own, built once (~30 ms)
 * on the first Chinese text. Most posts are simplified Chinese and contain none of them:
 * for those the converter (a phrase-trie walk per character) is skipped entirely.
 */
let convertible: Uint8Array | undefined;
function convertibleUnits(): Uint8Array {
  if (convertible) return convertible;
  const table = new Uint8Array(0x10000);
  const convert = converter();
  for (let cu = 0x3400; cu <= 0xfaff; cu++) {
    if (cu >= 0xd800 && cu <= 0xf8ff) continue; // surrogates and private use
    const ch = String.fromCharCode(cu);
    if (convert(ch) !== ch) table[cu] = 1;
  }
  convertible = table;
  return table;
}

function hasConvertible(text: string): boolean {
  const table = convertibleUnits();
  for (let i = 0; i < text.length; i++) if (table[text.charCodeAt(i)]) return true;
  return false;
}

/**
 * Traditional→simplified, guaranteed 1:1 in length. OpenCC is almost always 1:1
 * for tw→cn; when a phrase rule changes the length we fall back to per-character
 * conversion so that offsets stay valid.
 */
export function toSimplified(text: string): string {
  if (!hasConvertible(text)) return text;
  const out = converter()(text);
  if (out.length === text.length) return out;
  let res = '';
  for (const ch of text) {
    const c = converter()(ch);
    res += c.length === ch.length ? c : ch;
  }
  return res;
}

export function detectLanguage(text: string, langHint?: string): LanguageInfo {
  let han = 0;
  let latin = 0;
  let kanaHangulOther = 0;
  // By code point without the string iterator (one string per character): surrogate pairs joined by hand.
  for (let i = 0; i < text.length; i++) {
    let cp = text.charCodeAt(i);
    if (cp >= 0xd800 && cp <= 0xdbff && i + 1 < text.length) {
      const lo = text.charCodeAt(i + 1);
      if (lo >= 0xdc00 && lo <= 0xdfff) {
        cp = (cp - 0xd800) * 0x400 + (lo - 0xdc00) + 0x10000;
        i++;
      }
    }
    if ((cp >= 0x4e00 && cp <= 0x9fff) || (cp >= 0x3400 && cp <= 0x4dbf) || (cp >= 0x20000 && cp <= 0x2ffff)) han++;
    else if ((cp >= 0x41 && cp <= 0x5a) || (cp >= 0x61 && cp <= 0x7a)) latin++;
    else if ((cp >= 0x3040 && cp <= 0x30ff) || (cp >= 0xac00 && cp <= 0xd7af) || (cp >= 0x0400 && cp <= 0x06ff) ||
      (cp >= 0x0e00 && cp <= 0x0e7f) || (cp >= 0x0900 && cp <= 0x097f)) kanaHangulOther++;
  }
  // Japanese/Korean/Cyrillic/Arabic/Thai/Devanagari dominate → not ours to analyse in depth.
  if (kanaHangulOther > 0 && kanaHangulOther >= han * 0.3 && kanaHangulOther >= latin * 0.3) {
    return { language: 'other', normalized: text };
  }
  if (han > 0) {
    const simplified = toSimplified(text);
    let changed = 0;
    for (let i = 0; i < text.length; i++) if (simplified.charCodeAt(i) !== text.charCodeAt(i)) changed++;
    const script = changed > 0 && changed >= han * 0.04 ? 'traditional' : 'simplified';
    const latinWords = (text.match(/[A-Za-z]{2,}/g) ?? []).length;
    // Brand and device names (华为Mate, iPhone) are common in Chinese posts: only a
    // real share of English makes a post mixed.
    const mixed = latinWords >= 3 && latin >= han * 0.5;
    return { language: mixed ? 'mixed' : 'zh', script, normalized: script === 'traditional' ? simplified : text };
  }
  if (latin >= 2) {
    if (langHint && /^en/i.test(langHint)) return { language: 'en', normalized: text };
    if (langHint && !/^en/i.test(langHint) && !/^zh/i.test(langHint)) return { language: 'other', normalized: text };
    const words = text.toLowerCase().match(/[\p{L}']+/gu) ?? [];
    let en = 0;
    let oth = 0;
    for (const w of words) {
      if (EN_FUNCTION_WORDS.has(w)) en++;
      else if (OTHER_LATIN_WORDS.has(w)) oth++;
    }
    const diacritics = (text.match(/[À-ÿ]/g) ?? []).length;
    if (oth > en || (en === 0 && diacritics > 1)) return { language: 'other', normalized: text };
    return { language: 'en', normalized: text };
  }
  return { language: 'other', normalized: text };
}
