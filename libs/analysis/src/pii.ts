/**
 * Detection and length-preserving masking of personal data. Masks replace
 * characters one for one so offsets computed later stay valid in the masked text.
 */
import { allMatches } from './text';

export type PiiKind = 'phone' | 'id_card' | 'email';
export const PII_KINDS: readonly PiiKind[] = ['id_card', 'phone', 'email'];

export interface Span { start: number; end: number }

const ID_CARD = /(?<![0-9A-Za-z])[1-9]\d{5}(?:18|19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[\dXx](?![0-9A-Za-z])/g;
const CN_MOBILE = /(?<![0-9A-Za-z])(?:(?:\+|00)86[- ]?)?1[3-9]\d{9}(?![0-9A-Za-z])/g;
const INTL_PHONE = /(?<![0-9A-Za-z+])\+(?:[1-9]\d{0,2})[- ]?\(?\d{1,4}\)?(?:[- ]?\d{2,4}){2,4}(?![0-9A-Za-z])/g;
const NANP_PHONE = /(?<![0-9A-Za-z])\(?\d{3}\)?[-. ]\d{3}[-. ]\d{4}(?![0-9A-Za-z])/g;
const CN_LANDLINE = /(?<![0-9A-Za-z])0\d{2,3}-\d{7,8}(?![0-9A-Za-z])/g;
const EMAIL = /(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g;

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';

/** GB 11643 checksum: random 18-digit strings are not ID numbers. */
export function validIdCard(id: string): boolean {
  if (!/^\d{17}[\dXx]$/.test(id)) return false;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(id[i]) * ID_WEIGHTS[i]!;
  return ID_CHECK[sum % 11] === id[17]!.toUpperCase();
}

function overlaps(a: Span, spans: readonly Span[]): boolean {
  return spans.some((s) => a.start < s.end && s.start < a.end);
}

/** Star the digits of `s` except the first `keepHead` and last `keepTail` digits; separators stay. */
function starDigits(s: string, keepHead: number, keepTail: number): string {
  const digits = s.replace(/\D/g, '').length;
  let seen = 0;
  let out = '';
  for (const ch of s) {
    if (/\d/.test(ch)) {
      out += seen < keepHead || seen >= digits - keepTail ? ch : '*';
      seen++;
    } else out += ch;
  }
  return out;
}

function maskMobile(m: string): string {
  // Keep the +86 prefix and 138****1234 on the national number.
  const national = m.slice(m.length - 11);
  return m.slice(0, m.length - 11) + national.slice(0, 3) + '****' + national.slice(7);
}

export interface PiiResult { masked: string; kinds: PiiKind[]; spans: Span[] }

export function maskPii(text: string, enabled: ReadonlySet<PiiKind>, protect: readonly Span[] = []): PiiResult {
  const taken: Span[] = [...protect];
  const found = new Set<PiiKind>();
  const edits: { start: number; end: number; value: string }[] = [];
  const apply = (kind: PiiKind, re: RegExp, mask: (m: string) => string, valid: (m: string) => boolean = () => true) => {
    if (!enabled.has(kind)) return;
    for (const m of allMatches(re, text)) {
      const span = { start: m.index, end: m.index + m[0].length };
      if (!valid(m[0]) || overlaps(span, taken)) continue;
      taken.push(span);
      found.add(kind);
      edits.push({ ...span, value: mask(m[0]) });
    }
  };
  // Most specific first: an ID number contains what looks like a mobile number.
  apply('id_card', ID_CARD, (m) => m.slice(0, 3) + '*'.repeat(11) + m.slice(14), validIdCard);
  apply('email', EMAIL, (m) => {
    const at = m.indexOf('@');
    return m[0] + '*'.repeat(Math.max(0, at - 1)) + m.slice(at);
  });
  apply('phone', CN_MOBILE, maskMobile);
  apply('phone', INTL_PHONE, (m) => starDigits(m, 2, 4));
  apply('phone', NANP_PHONE, (m) => starDigits(m, 3, 4));
  apply('phone', CN_LANDLINE, (m) => starDigits(m, 3, 4));
  if (edits.length === 0) return { masked: text, kinds: [], spans: [] };
  edits.sort((a, b) => a.start - b.start);
  let out = '';
  let pos = 0;
  for (const e of edits) {
    out += text.slice(pos, e.start) + e.value;
    pos = e.end;
  }
  out += text.slice(pos);
  return { masked: out, kinds: PII_KINDS.filter((k) => found.has(k)), spans: edits.map(({ start, end }) => ({ start, end })) };
}
