import type { KnowledgeEntry, KnowledgeEntryInput, RemedyKind, SeverityLevel } from '@vigil/contracts';

/**
 * The knowledge-base form as the page edits it (strings for inputs), and the body it sends. The
 * checks here are the ones a person should see before a round trip (required fields, the id's
 * shape); the api checks the rest (placeholders, authority against the plan) and names the field.
 */
export const LEVELS: SeverityLevel[] = ['general', 'important', 'urgent', 'major'];
export const REMEDY_KINDS: RemedyKind[] = ['refund', 'exchange', 'reship', 'coupon', 'visit', 'apology', 'explanation', 'compensation', 'other'];
/** Shown as the page's hint; the api's list (KNOWLEDGE_PLACEHOLDERS) is the one that decides. */
export const PLACEHOLDER_HINT = '{customer} {order} {promisedAt} {agent} {ticket} {amount} {product}';

export interface KnowledgeFields {
  id: string;
  kind: 'remedy' | 'reply';
  category: string;
  levels: SeverityLevel[];
  authority: 'frontline' | 'lead';
  remedyKind: RemedyKind;
  amount: string;
  currency: string;
  titleZh: string;
  titleEn: string;
  textZh: string;
  textEn: string;
  keywords: string;
}

/** field → [message key, params] */
export type KnowledgeErrors = Partial<Record<keyof KnowledgeFields | 'form', [string, Record<string, string>?]>>;

export const emptyKnowledge = (): KnowledgeFields => ({
  id: '', kind: 'reply', category: '*', levels: ['general', 'important'], authority: 'frontline', remedyKind: 'refund', amount: '', currency: 'CNY', titleZh: '', titleEn: '', textZh: '', textEn: '', keywords: '',
});

export function fieldsOf(e: KnowledgeEntry): KnowledgeFields {
  return {
    id: e.id, kind: e.kind, category: e.category, levels: [...e.levels], authority: e.authority, remedyKind: e.remedy?.kind ?? 'refund',
    amount: e.remedy?.amount === undefined ? '' : String(e.remedy.amount), currency: e.remedy?.currency ?? 'CNY',
    titleZh: e.title.zh, titleEn: e.title.en, textZh: e.text.zh, textEn: e.text.en, keywords: e.keywords.join(', '),
  };
}

export function buildKnowledge(f: KnowledgeFields): { body?: KnowledgeEntryInput; errors: KnowledgeErrors } {
  const errors: KnowledgeErrors = {};
  const need = (k: keyof KnowledgeFields) => {
    const v = String(f[k]).trim();
    if (!v) errors[k] = ['required', { field: k }];
    return v;
  };
  const id = need('id');
  if (id && !/^[a-z0-9][a-z0-9_-]{0,63}$/.test(id)) errors.id = ['badId'];
  const category = need('category');
  if (!f.levels.length) errors.levels = ['needLevel'];
  const title = { zh: need('titleZh'), en: need('titleEn') };
  const text = { zh: need('textZh'), en: need('textEn') };
  let amount: number | undefined;
  if (f.kind === 'remedy' && f.amount.trim()) {
    amount = Number(f.amount);
    if (!Number.isFinite(amount) || amount < 0) errors.amount = ['required', { field: 'amount' }];
  }
  if (Object.keys(errors).length) return { errors };
  const keywords = f.keywords.split(/[,，]/).map((k) => k.trim()).filter(Boolean);
  return {
    errors,
    body: {
      id, kind: f.kind, category, levels: f.levels, authority: f.authority, title, text, keywords,
      ...(f.kind === 'remedy' && { remedy: { kind: f.remedyKind, currency: f.currency || 'CNY', ...(amount !== undefined && { amount }) } }),
    },
  };
}

/** The api's `issues: [{ field: 'text.zh', message }]` on the form's fields. */
export function serverErrors(issues: { field: string; message: string }[]): Record<string, string> {
  const map: Record<string, keyof KnowledgeFields> = { 'title.zh': 'titleZh', 'title.en': 'titleEn', 'text.zh': 'textZh', 'text.en': 'textEn', 'remedy.amount': 'amount', 'remedy.kind': 'remedyKind' };
  const out: Record<string, string> = {};
  for (const i of issues) {
    const k = map[i.field] ?? i.field.split('.')[0] ?? 'form';
    out[k] = out[k] ? `${out[k]}; ${i.message}` : i.message;
  }
  return out;
}
