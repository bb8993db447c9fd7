/**
 * The one normal form rules and posts are compared in, length-preserving (offsets found in the
 * folded text are offsets in the text): full-width ASCII → half-width, upper → lower case, any
 * white space → one space character. Chinese needs no folding beyond what the analysis did
 * (traditional → simplified happens before matching, in the analysis' text view).
 */
export function fold(text: string): string {
  let s = text.toLowerCase();
  // A handful of characters lower-case to two (İ): then case is folded one character at a time.
  if (s.length !== text.length) s = lowerKeepingLength(text);
  let out = '';
  let from = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    let r = -1;
    if (c < 0x20) {
      if (c >= 0x09 && c <= 0x0d) r = 0x20;
    } else if (c >= 0xff01 && c <= 0xff5e) {
      r = c - 0xfee0;
      if (r >= 0x41 && r <= 0x5a) r += 32;
    } else if (c === 0x3000 || c === 0x00a0 || c === 0x2028 || c === 0x2029) r = 0x20;
    if (r >= 0) {
      out += s.slice(from, i) + String.fromCharCode(r);
      from = i + 1;
    }
  }
  return from === 0 ? s : out + s.slice(from);
}

function lowerKeepingLength(text: string): string {
  let out = '';
  for (const ch of text) {
    const lower = ch.toLowerCase();
    out += lower.length === ch.length ? lower : ch;
  }
  return out;
}

/** Letters and digits that make up a Latin (or Greek, Cyrillic, …) word: not Han, not kana, not punctuation. */
export function isWordChar(c: number): boolean {
  if (c < 0x80) return (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || c === 0x5f;
  if (c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7) return true;
  if (c >= 0x370 && c <= 0x52f) return true;
  if (c >= 0xff10 && c <= 0xff5a) return true;
  return false;
}

/** CJK ideographs (basic, extension A, compatibility): where the Chinese segmentation decides word edges. */
export function isHan(c: number): boolean {
  return (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0xf900 && c <= 0xfaff);
}
