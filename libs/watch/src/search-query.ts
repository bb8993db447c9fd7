import type { WatchConfig } from '@vigil/contracts';
import { fold } from './fold';
import type { RuleNode, TermNode } from './rule-ast';
import { parseRule } from './rule-parser';

/** An Elasticsearch query in its JSON form (this library does not depend on the client). */
export type EsQuery = Record<string, unknown>;

const HAN = /\p{Script=Han}/u;

/**
 * A query for the stored mentions that finds every post the watch would match, and some more:
 * the preview runs it, then re-matches each candidate with the matcher itself. It cannot be exact:
 * the stored text is split by the `standard` analyzer (one token per Chinese character), so
 * 退款 as a phrase is also found inside 衰退款式; NEAR in characters has no exact counterpart;
 * and a negation of an over-matching query would drop posts the watch keeps. So words become
 * phrase queries, NEAR becomes AND, NOT and exclusions are left to the re-match, and what cannot
 * be narrowed (author:, app ids) widens the query. null means "every post" (nothing to narrow by).
 */
export function candidateQuery(w: Pick<WatchConfig, 'brands' | 'products' | 'rules' | 'sources' | 'sourcesOnly' | 'languages'>): EsQuery | null {
  const parts: (EsQuery | null)[] = [];
  const names = [...w.brands.flatMap((b) => [b.name, ...b.aliases, ...b.hashtags, ...b.handles]), ...w.products.flatMap((p) => [p.name, ...p.aliases])];
  for (const n of names) {
    const text = n.replace(/^[@#]/, '').replace(/#$/, '');
    if (text) parts.push(phrase(text));
  }
  if (w.brands.some((b) => b.handles.length)) parts.push(null);
  if (w.brands.some((b) => b.appIds.length)) parts.push({ terms: { sourceType: ['appstore', 'googleplay'] } });
  if (w.sources.length) parts.push({ terms: { sourceId: w.sources } });
  for (const r of w.rules) parts.push(ruleQuery(parseRule(r)));
  const filter: EsQuery[] = [];
  if (w.languages.length) filter.push({ terms: { 'analysis.language': [...new Set(w.languages.flatMap((l) => (l === 'zh' || l === 'en' ? [l, 'mixed'] : [l])))] } });
  if (w.sourcesOnly) filter.push({ terms: { sourceId: w.sources } });
  const any = parts.length === 0 || parts.some((p) => p === null) ? null : { bool: { should: parts as EsQuery[], minimum_should_match: 1 } };
  if (!filter.length) return any;
  return { bool: { filter: any ? [...filter, any] : filter } };
}

export function ruleQuery(n: RuleNode): EsQuery | null {
  switch (n.kind) {
    case 'term':
      return termQuery(n);
    case 'field':
      switch (n.field) {
        case 'source':
          return { term: { sourceId: n.value } };
        case 'channel':
          return { term: { channel: n.value } };
        case 'lang':
          return { term: { 'analysis.language': n.value } };
        case 'author':
          // Mastodon accounts are matched in meta, which is not indexed: no narrowing.
          return null;
      }
      return null;
    case 'not':
      return null;
    case 'and':
    case 'near': {
      const items = (n.kind === 'and' ? n.items : [n.left, n.right]).map(ruleQuery).filter((q): q is EsQuery => q !== null);
      return items.length ? (items.length === 1 ? items[0]! : { bool: { filter: items } }) : null;
    }
    case 'or': {
      const items = n.items.map(ruleQuery);
      if (items.some((q) => q === null)) return null;
      return { bool: { should: items, minimum_should_match: 1 } };
    }
  }
}

function termQuery(t: TermNode): EsQuery {
  if (t.leftFree && !HAN.test(t.folded)) {
    const word = t.folded.replace(/[^\p{L}\p{N}]+/gu, ' ').trim().split(' ').pop() ?? t.folded;
    return { bool: { should: ['text', 'title'].map((f) => ({ wildcard: { [f]: { value: `*${word}*`, case_insensitive: true } } })), minimum_should_match: 1 } };
  }
  if (t.rightFree && !HAN.test(t.folded)) return { bool: { should: ['text', 'title'].map((f) => ({ match_phrase_prefix: { [f]: t.folded } })), minimum_should_match: 1 } };
  return phrase(t.folded);
}

function phrase(text: string): EsQuery {
  const q = fold(text);
  return { bool: { should: [{ match_phrase: { text: q } }, { match_phrase: { title: q } }], minimum_should_match: 1 } };
}
