/**
 * A title a person reads at a glance: the post itself, shortened to its first sentence (or the
 * first few when the first is a fragment), without links or @handles, in the post's language.
 */
const URL = /\b(?:https?:\/\/|www\.)\S+/gi;
const HANDLE = /(^|\s)@[\w.-]+/g;
const SPACE = /\s+/g;
const ZH_SENTENCES = /[^。！？!?；;\n]+[。！？!?；;\n]*/g;
const EN_SENTENCES = /[^\n]+?(?:[.!?;]+(?=\s|$)|$)/gm;

export const TITLE_MAX_ZH = 36;
export const TITLE_MAX_EN = 100;

export function cleanText(text: string): string {
  return text.replace(URL, ' ').replace(HANDLE, '$1').replace(SPACE, ' ').trim();
}

export function isChinese(text: string, language?: string): boolean {
  return language === 'zh' || (language !== 'en' && /[\u3400-\u9fff]/.test(text));
}

export function shortTitle(text: string, language?: string): string {
  const t = cleanText(text);
  if (!t) return '';
  const zh = isChinese(t, language);
  const max = zh ? TITLE_MAX_ZH : TITLE_MAX_EN;
  const min = zh ? 8 : 24;
  let out = '';
  for (const m of t.matchAll(zh ? ZH_SENTENCES : EN_SENTENCES)) {
    const s = m[0].trim();
    if (!s) continue;
    out = out ? `${out}${zh ? '' : ' '}${s}` : s;
    if (out.length >= min) break;
  }
  out = out.replace(/[\s，,、：:；;。.]+$/, '');
  if (out.length <= max) return out;
  if (zh) return `${out.slice(0, max - 1)}…`;
  const head = out.slice(0, max - 1);
  const sp = head.lastIndexOf(' ');
  return `${(sp > max / 2 ? head.slice(0, sp) : head).replace(/[\s,;:]+$/, '')}…`;
}
