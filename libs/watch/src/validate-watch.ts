import type { WatchConfig } from '@vigil/contracts';
import { checkRule } from './rule-parser';

/** A problem in a watch's configuration: where (a field path such as `rules.2`), what, and for rules the character. */
export interface WatchIssue {
  field: string;
  message: string;
  /** 0-based offset in the rule text. */
  position?: number;
}

type Checked = Pick<WatchConfig, 'brands' | 'products' | 'rules' | 'exclusions' | 'sources'>;

const HAN = /\p{Script=Han}/u;

/**
 * What the schema cannot see: each rule and exclusion parsed (errors refuse the save, with the
 * position), and warnings a person should read before saving (a watch that matches nothing, a
 * name so short it matches everywhere).
 */
export function validateWatchRules(c: Checked): { errors: WatchIssue[]; warnings: WatchIssue[] } {
  const errors: WatchIssue[] = [];
  const warnings: WatchIssue[] = [];
  for (const field of ['rules', 'exclusions'] as const) {
    c[field].forEach((text, i) => {
      const r = checkRule(text);
      if (!r.ok) errors.push({ field: `${field}.${i}`, message: r.error, position: r.position });
    });
  }
  const names = [...c.brands.flatMap((b, i) => [b.name, ...b.aliases].map((n) => ({ n, field: `brands.${i}` }))), ...c.products.flatMap((p, i) => [p.name, ...p.aliases].map((n) => ({ n, field: `products.${i}` })))];
  for (const { n, field } of names) {
    const t = n.trim();
    if ((HAN.test(t) && t.length < 2) || (!HAN.test(t) && t.replace(/[^\p{L}\p{N}]/gu, '').length < 3)) {
      warnings.push({ field, message: `"${t}" is so short it will match many posts that are not about it; add a longer name or a rule` });
    }
  }
  const seen = new Map<string, string>();
  for (const { n, field } of names) {
    const k = n.trim().toLowerCase();
    if (seen.has(k)) warnings.push({ field, message: `"${n}" is listed twice (also in ${seen.get(k)})` });
    else seen.set(k, field);
  }
  if (!c.brands.length && !c.products.length && !c.rules.length && !c.sources.length) {
    warnings.push({ field: '', message: 'this watch matches nothing yet: give it a brand, a product, a rule or a source' });
  }
  return { errors, warnings };
}
