/**
 * Length-preserving text helpers. Every transform here maps one UTF-16 unit to
 * one unit so that offsets found in the analysis text are valid in the masked
 * text we return (no NFKC, no toLowerCase on the whole string).
 */
/** Hard cap on one post (256 K characters, above a 100 KB post in any encoding); below it every character is read. */
export const MAX_ANALYSED_CHARS = 262_144;

/** Cut at `max` without splitting a surrogate pair. */
export function truncate(text: string, max = MAX_ANALYSED_CHARS): { text: string; truncated: boolean } {
  if (text.length <= max) return { text, truncated: false };
  let end = max;
  const code = text.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end -= 1;
  return { text: text.slice(0, end), truncated: true };
}

/** Full-width ASCII (Ｈｅｌｌｏ１２３！) and the ideographic space become half-width, 1:1. */
export function toHalfWidth(text: string): string {
  let needs = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 0xff01 && c <= 0xff5e) || c === 0x3000) { needs = true; break; }
  }
  if (!needs) return text;
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xff01 && c <= 0xff5e) out += String.fromCharCode(c - 0xfee0);
    else if (c === 0x3000) out += ' ';
    else out += text[i];
  }
  return out;
}

const NO_MATCHES: readonly RegExpExecArray[] = Object.freeze([]);

/**
 * `[...text.matchAll(re)]` for a global regex, without the copy of the regex that matchAll
 * makes on every call (~0.3 µs each; analysing one mixed post runs ~50 of them). lastIndex
 * is reset before and after, so module-level regexes stay safe to share.
 */
export function allMatches(re: RegExp, text: string): readonly RegExpExecArray[] {
  if (!re.global) throw new TypeError(`allMatches needs a global regex: /${re.source}/${re.flags}`);
  re.lastIndex = 0;
  let m = re.exec(text);
  if (m === null) return NO_MATCHES;
  const out: RegExpExecArray[] = [];
  while (m !== null) {
    out.push(m);
    // An empty match must still move on, by one code point in unicode mode (as matchAll does).
    if (m[0].length === 0) {
      const i = re.lastIndex;
      const c = text.charCodeAt(i);
      re.lastIndex = i + ((re.unicode || re.flags.includes('v')) && c >= 0xd800 && c <= 0xdbff && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00 ? 2 : 1);
    }
    m = re.exec(text);
  }
  re.lastIndex = 0;
  return out;
}

export const HAN_RE = /\p{Script=Han}/u;
export const HAN_G = /\p{Script=Han}/gu;

/** True when a preceding window contains a negator that governs the cue. */
export function negatedBefore(text: string, start: number, negators: RegExp, window = 4): boolean {
  const left = text.slice(Math.max(0, start - window), start);
  return negators.test(left);
}

const LETTER_OR_DIGIT = /^[\p{L}\p{N}]$/u;
/** Per BMP code unit: 0 not yet known, 1 letter/digit, 2 not. Filled lazily from the regex. */
const letterOrDigitCache = new Uint8Array(0x10000);

/**
 * How many characters are letters or digits (`text.match(/[\p{L}\p{N}]/gu).length`),
 * without an array of one-character matches: ASCII decided inline, other BMP characters
 * by the regex once each and cached, astral characters by the regex.
 */
export function countLettersAndDigits(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) {
      if ((c >= 0x30 && c <= 0x39) || isAsciiLetter(c)) n++;
      continue;
    }
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const lo = text.charCodeAt(i + 1);
      if (lo >= 0xdc00 && lo <= 0xdfff) {
        if (LETTER_OR_DIGIT.test(text.slice(i, i + 2))) n++;
        i++;
        continue;
      }
    }
    let known = letterOrDigitCache[c]!;
    if (known === 0) {
      known = LETTER_OR_DIGIT.test(String.fromCharCode(c)) ? 1 : 2;
      letterOrDigitCache[c] = known;
    }
    if (known === 1) n++;
  }
  return n;
}

export const isAsciiLetter = (c: number): boolean => (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a;

/** Which scripts a text contains, in one pass: lets regex families skip what cannot match. */
export function scriptsOf(text: string): { latin: boolean; nonAscii: boolean; hanOrDigit: boolean } {
  let latin = false;
  let nonAscii = false;
  let hanOrDigit = false;
  for (let i = 0; i < text.length && !(latin && nonAscii && hanOrDigit); i++) {
    const c = text.charCodeAt(i);
    if (c > 0x7e) nonAscii = true;
    if ((c >= 0x30 && c <= 0x39) || (c >= 0x3400 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff)) hanOrDigit = true;
    else if (isAsciiLetter(c)) latin = true;
  }
  return { latin, nonAscii, hanOrDigit };
}
