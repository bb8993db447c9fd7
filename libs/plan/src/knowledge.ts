import { ANY_CATEGORY, KNOWLEDGE_PLACEHOLDERS, type KnowledgeEntry, type KnowledgeEntryInput, type KnowledgePlaceholder, type SeverityLevel, type Ticket } from '@vigil/contracts';

/**
 * The knowledge base's rules (issue #16 item 4), pure: which placeholders a text uses, whether an
 * entry may be saved under the plan's authority, what a ticket fills in, and which entries a
 * ticket is offered first. The api saves and serves; the dashboard only shows what comes back.
 */

const PLACEHOLDER = /\{([A-Za-z_][A-Za-z0-9_]*)\}/g;
const KNOWN = new Set<string>(KNOWLEDGE_PLACEHOLDERS);

export type Lang = 'zh' | 'en';
export interface KnowledgeIssue {
  field: string;
  message: string;
}

export function placeholdersIn(text: string): string[] {
  return [...new Set([...text.matchAll(PLACEHOLDER)].map((m) => m[1]))];
}

/**
 * What stops an entry from being saved beyond its schema: a placeholder no ticket can fill, and a
 * money remedy above the front line's limit that claims front-line authority (the plan says a
 * lead must approve it, so the entry must say so too).
 */
export function checkKnowledgeEntry(e: KnowledgeEntryInput, frontlineMoneyLimit: number): KnowledgeIssue[] {
  const issues: KnowledgeIssue[] = [];
  for (const part of ['title', 'text'] as const) {
    for (const lang of ['zh', 'en'] as const) {
      const unknown = placeholdersIn(e[part][lang]).filter((p) => !KNOWN.has(p));
      if (unknown.length) {
        issues.push({ field: `${part}.${lang}`, message: `unknown placeholder${unknown.length > 1 ? 's' : ''} ${unknown.map((p) => `{${p}}`).join(', ')} (known: ${KNOWLEDGE_PLACEHOLDERS.map((p) => `{${p}}`).join(', ')})` });
      }
    }
  }
  const amount = e.remedy?.amount ?? 0;
  if (amount > frontlineMoneyLimit && e.authority === 'frontline') {
    issues.push({ field: 'authority', message: `${amount} ${e.remedy?.currency ?? ''} is above the front line's limit of ${frontlineMoneyLimit} in the plan: the authority must be lead` });
  }
  return issues;
}

export type PlaceholderValues = Partial<Record<KnowledgePlaceholder, string>>;

/**
 * What a ticket fills in. `customer` is the record's masked display name (孙*士), never the sealed
 * contact: a reply draft is seen by everyone who can see the ticket, so it carries nothing a
 * viewer of the ticket could not already read. Missing facts stay missing (see fillPlaceholders).
 */
export function placeholderValues(t: Ticket, opts: { agent: string; lang: Lang; timeZone: string; amount?: number; currency?: string }): PlaceholderValues {
  const c = t.complaint;
  const promised = [...t.publicUpdates].reverse().find((u) => u.promisedBy)?.promisedBy;
  const v: PlaceholderValues = { ticket: t.id, agent: opts.agent };
  if (c?.complainant.displayName) v.customer = c.complainant.displayName;
  if (c?.target.orders[0]) v.order = c.target.orders[0];
  if (c?.target.products[0]) v.product = c.target.products[0];
  if (promised) v.promisedAt = formatTime(promised, opts.lang, opts.timeZone);
  if (opts.amount !== undefined) v.amount = `${opts.amount} ${opts.currency ?? 'CNY'}`;
  return v;
}

function formatTime(iso: string, lang: Lang, timeZone: string): string {
  return new Intl.DateTimeFormat(lang === 'zh' ? 'zh-CN' : 'en-GB', { timeZone, month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', hour12: false }).format(new Date(iso));
}

/**
 * The text with its placeholders filled. A placeholder the ticket has no value for stays visible
 * as `{name}` and is listed in `missing`, so the agent fills it in before sending rather than
 * the customer reading a gap.
 */
export function fillPlaceholders(text: string, values: PlaceholderValues): { text: string; missing: string[] } {
  const missing = new Set<string>();
  const out = text.replace(PLACEHOLDER, (whole, name: string) => {
    const v = values[name as KnowledgePlaceholder];
    if (v === undefined || v === '') {
      missing.add(name);
      return whole;
    }
    return v;
  });
  return { text: out, missing: [...missing] };
}

export interface KnowledgeQuery {
  /** The ticket's categories (any of them matches); empty: every category. */
  categories?: readonly string[];
  level?: SeverityLevel;
  kind?: KnowledgeEntry['kind'];
  /** Keywords, matched against the entry's title, text and keywords in `lang` (both languages without it). */
  q?: string;
  lang?: Lang;
  includeRetired?: boolean;
}

/**
 * The entries that fit, best first: an entry of the ticket's own category before one for any
 * category, then more keyword hits, then the more used, then by id (stable). An entry for another
 * category or another level is never offered.
 */
export function rankKnowledge<E extends KnowledgeEntry>(entries: readonly E[], q: KnowledgeQuery, usage: Readonly<Record<string, number>> = {}): E[] {
  const terms = (q.q ?? '').toLowerCase().split(/[\s,，、]+/).filter(Boolean);
  const scored: { e: E; cat: number; hits: number }[] = [];
  for (const e of entries) {
    if (e.deletedAt && !q.includeRetired) continue;
    if (q.kind && e.kind !== q.kind) continue;
    if (q.level && !e.levels.includes(q.level)) continue;
    const own = q.categories?.length ? q.categories.includes(e.category) : false;
    if (q.categories?.length && !own && e.category !== ANY_CATEGORY) continue;
    const langs: Lang[] = q.lang ? [q.lang] : ['zh', 'en'];
    const hay = [...langs.flatMap((l) => [e.title[l], e.text[l]]), ...e.keywords, e.category, e.remedy?.kind ?? ''].join('\n').toLowerCase();
    const hits = terms.filter((t) => hay.includes(t)).length;
    if (terms.length && hits === 0) continue;
    scored.push({ e, cat: own ? 1 : 0, hits });
  }
  return scored
    .sort((a, b) => b.cat - a.cat || b.hits - a.hits || (usage[b.e.id] ?? 0) - (usage[a.e.id] ?? 0) || a.e.id.localeCompare(b.e.id))
    .map((s) => s.e);
}
