import type { WatchConfig, WatchMatch } from '@vigil/contracts';
import { fold } from './fold';
import type { RuleNode } from './rule-ast';
import { parseRule, RuleSyntaxError } from './rule-parser';
import { TermIndex } from './term-index';

/** What the matcher needs of a post: the analysed text and a few facts about where it came from. */
export interface MatchInput {
  /** The analysed text (the analysis' text view: title + newline + body, half-width, simplified). */
  text: string;
  /** Its Chinese segmentation when the post was cut: every piece, concatenating to `text`. */
  words?: readonly string[];
  language: string;
  sourceId: string;
  channel?: string;
  author?: { id?: string; name?: string };
  meta?: Record<string, string | number | boolean>;
}

/** A watch rule that could not be compiled (only possible for documents that skipped the api's validation). */
export interface CompileProblem {
  watchId: string;
  field: 'rules' | 'exclusions';
  index: number;
  error: string;
}

type Test = (s: PostState) => boolean;

interface CompiledWatch {
  id: string;
  competitor: boolean;
  enabled: boolean;
  languages: ReadonlySet<string> | undefined;
  sources: ReadonlySet<string>;
  sourcesOnly: boolean;
  appIds: ReadonlySet<string>;
  handles: ReadonlySet<string>;
  /** Brand and product names: any one found is enough. */
  names: { term: number; label: string }[];
  rules: { text: string; test: Test }[];
  exclusions: Test[];
}

/** Per-post scratch, reused: stamps instead of clearing, hit arrays grown once. */
class PostState {
  epoch = 0;
  termStamp = new Int32Array(0);
  watchStamp = new Int32Array(0);
  segStamp = new Int32Array(0);
  segReady = false;
  segValid = false;
  hitTerm: number[] = [];
  hitStart: number[] = [];
  hitEnd: number[] = [];
  hits = 0;
  sourceId = '';
  channel = '';
  language = '';
  authors: string[] = [];
  text = '';
  words: readonly string[] | undefined;
}

const MAX_RULE_LABEL = 512;

/**
 * Compiled once per set of watches (the processor recompiles when a watch changes); `match`
 * runs per post. Cost: one pass over the post for all terms of all watches (TermIndex), then
 * only the watches whose words were found (or that look at sources, apps or authors) evaluate
 * their rules. No allocation per post beyond the result.
 */
export class WatchMatcher {
  private readonly index = new TermIndex();
  private readonly watches: CompiledWatch[] = [];
  /** termId → watches using it. */
  private readonly termWatches: number[][] = [];
  private readonly bySource = new Map<string, number[]>();
  private readonly byApp = new Map<string, number[]>();
  private readonly byAuthor = new Map<string, number[]>();
  /** Watches with a rule that can hold without any of its words (source:x alone): evaluated on every post. */
  private readonly always: number[] = [];
  readonly problems: CompileProblem[] = [];
  private readonly s = new PostState();

  constructor(configs: readonly WatchConfig[]) {
    for (const c of configs) this.add(c);
    this.s.termStamp = new Int32Array(this.index.size);
    this.s.watchStamp = new Int32Array(this.watches.length);
  }

  /** How many watches and distinct terms it holds. */
  get stats(): { watches: number; terms: number } {
    return { watches: this.watches.length, terms: this.index.size };
  }

  /** The watches a post matched, each with the rule (or name, source, app) that matched first; [] when none. */
  match(input: MatchInput): WatchMatch[] {
    const s = this.s;
    if (++s.epoch === 0x7fffffff) this.resetStamps();
    const epoch = s.epoch;
    s.hits = 0;
    s.segReady = false;
    s.text = input.text;
    s.words = input.words;
    s.sourceId = input.sourceId;
    s.channel = input.channel ?? '';
    s.language = input.language;
    s.authors.length = 0;

    const folded = fold(input.text);
    this.index.scan(folded, this.boundary, this.onHit);
    for (let h = 0; h < s.hits; h++) {
      const ws = this.termWatches[s.hitTerm[h]!];
      if (ws === undefined) continue;
      for (let k = 0; k < ws.length; k++) s.watchStamp[ws[k]!] = epoch;
    }
    this.stampAll(this.bySource.get(input.sourceId));
    const appId = input.meta?.appId;
    if (appId !== undefined) this.stampAll(this.byApp.get(fold(String(appId))));
    this.collectAuthors(input);
    for (const a of s.authors) this.stampAll(this.byAuthor.get(a));
    this.stampAll(this.always);

    let out: WatchMatch[] | undefined;
    for (let w = 0; w < this.watches.length; w++) {
      if (s.watchStamp[w] !== epoch) continue;
      const rule = this.evaluate(this.watches[w]!, appId);
      if (rule !== undefined) (out ??= []).push({ id: this.watches[w]!.id, rule: rule.slice(0, MAX_RULE_LABEL), competitor: this.watches[w]!.competitor });
    }
    return out ?? [];
  }

  private evaluate(w: CompiledWatch, appId: string | number | boolean | undefined): string | undefined {
    const s = this.s;
    if (!w.enabled) return undefined;
    if (w.languages && !w.languages.has(s.language)) return undefined;
    const attached = w.sources.has(s.sourceId);
    if (w.sourcesOnly && !attached) return undefined;
    const rule = this.reason(w, attached, appId);
    if (rule === undefined) return undefined;
    // Exclusions last: most candidate watches fail before them, and they are the costlier test.
    for (const ex of w.exclusions) if (ex(s)) return undefined;
    return rule;
  }

  private reason(w: CompiledWatch, attached: boolean, appId: string | number | boolean | undefined): string | undefined {
    const s = this.s;
    if (attached) return `source:${s.sourceId}`;
    if (appId !== undefined && w.appIds.has(fold(String(appId)))) return `app:${appId}`;
    for (const a of s.authors) if (w.handles.has(a)) return `author:@${a}`;
    for (const n of w.names) if (s.termStamp[n.term] === s.epoch) return n.label;
    for (const r of w.rules) if (r.test(s)) return r.text;
    return undefined;
  }

  private readonly onHit = (term: number, start: number, end: number): void => {
    const s = this.s;
    const h = s.hits++;
    s.hitTerm[h] = term;
    s.hitStart[h] = start;
    s.hitEnd[h] = end;
    s.termStamp[term] = s.epoch;
  };

  /** Word edges of the segmentation, worked out on the first Chinese hit of a post only. */
  private readonly boundary = (pos: number): boolean => {
    const s = this.s;
    if (!s.segReady) {
      s.segReady = true;
      const words = s.words;
      let total = 0;
      if (words) for (let i = 0; i < words.length; i++) total += words[i]!.length;
      // Without a segmentation that covers the text (not Chinese, or cut differently), edges are free.
      s.segValid = words !== undefined && total === s.text.length;
      if (s.segValid) {
        if (s.segStamp.length < s.text.length + 1) s.segStamp = new Int32Array(Math.max(s.text.length + 1, s.segStamp.length * 2));
        let p = 0;
        for (let i = 0; i < words!.length; i++) {
          s.segStamp[p] = s.epoch;
          p += words![i]!.length;
        }
        s.segStamp[p] = s.epoch;
      }
    }
    return !s.segValid || s.segStamp[pos] === s.epoch;
  };

  private stampAll(ws: readonly number[] | undefined): void {
    if (!ws) return;
    for (let k = 0; k < ws.length; k++) this.s.watchStamp[ws[k]!] = this.s.epoch;
  }

  private collectAuthors(input: MatchInput): void {
    if (this.byAuthor.size === 0 && !this.hasAuthorFields) return;
    this.addAuthor(input.author?.name);
    this.addAuthor(input.author?.id);
    this.addAuthor(input.meta?.acct);
  }

  private addAuthor(v: unknown): void {
    if (typeof v !== 'string' || !v) return;
    // Mastodon accounts are user@server: the handle is the part before the server.
    const f = fold(v).replace(/^@/, '').replace(/@.*$/, '');
    if (f && !this.s.authors.includes(f)) this.s.authors.push(f);
  }

  private hasAuthorFields = false;

  private resetStamps(): void {
    const s = this.s;
    s.epoch = 1;
    s.termStamp.fill(0);
    s.watchStamp.fill(0);
    s.segStamp.fill(0);
  }

  private add(c: WatchConfig): void {
    const w = this.watches.length;
    const use = (term: number) => {
      (this.termWatches[term] ??= []).push(w);
    };
    const nameTerm = (label: string, text: string) => {
      const folded = fold(text.trim()).replace(/\s+/g, ' ');
      if (!folded) return;
      const term = this.index.add({ folded, leftFree: false, rightFree: false });
      use(term);
      names.push({ term, label });
    };
    const names: CompiledWatch['names'] = [];
    const handles = new Set<string>();
    const appIds = new Set<string>();
    for (const b of c.brands) {
      nameTerm(b.name, b.name);
      for (const a of b.aliases) nameTerm(a, a);
      for (const h of b.handles) {
        const bare = h.replace(/^@/, '');
        nameTerm(`@${bare}`, `@${bare}`);
        handles.add(fold(bare));
      }
      for (const t of b.hashtags) {
        // #话题# (Weibo) and #tag both start with #word; matching that finds either form.
        const bare = t.replace(/^#/, '').replace(/#$/, '');
        nameTerm(t, `#${bare}`);
      }
      for (const id of b.appIds) appIds.add(fold(id));
    }
    for (const p of c.products) {
      nameTerm(p.name, p.name);
      for (const a of p.aliases) nameTerm(a, a);
    }
    let unkeyed = false;
    const compile = (field: 'rules' | 'exclusions', text: string, index: number): Test | undefined => {
      let node: RuleNode;
      try {
        node = parseRule(text);
      } catch (e) {
        if (!(e instanceof RuleSyntaxError)) throw e;
        this.problems.push({ watchId: c.id, field, index, error: e.message });
        return undefined;
      }
      const test = this.compileNode(node);
      // A post can satisfy a rule only if one of its key words is found: only those make the watch
      // a candidate (exclusions never do). A rule with no such words is checked on every post.
      if (field === 'rules') {
        const keys = this.keyTerms(node);
        if (keys) keys.forEach(use);
        else unkeyed = true;
      }
      return test;
    };
    const rules: CompiledWatch['rules'] = [];
    c.rules.forEach((text, i) => {
      const test = compile('rules', text, i);
      if (test) rules.push({ text, test });
    });
    const exclusions: Test[] = [];
    c.exclusions.forEach((text, i) => {
      const test = compile('exclusions', text, i);
      if (test) exclusions.push(test);
    });
    this.watches.push({
      id: c.id,
      competitor: c.competitor,
      enabled: c.enabled,
      languages: c.languages.length ? new Set(c.languages.flatMap((l) => (l === 'zh' || l === 'en' ? [l, 'mixed'] : [l]))) : undefined,
      sources: new Set(c.sources),
      sourcesOnly: c.sourcesOnly,
      appIds,
      handles,
      names,
      rules,
      exclusions,
    });
    for (const src of c.sources) push(this.bySource, src, w);
    for (const a of appIds) push(this.byApp, a, w);
    for (const h of handles) push(this.byAuthor, h, w);
    if (unkeyed) this.always.push(w);
  }

  /**
   * Terms of which at least one must be found for the rule to hold (null: none such, e.g. a rule
   * on facts only). AND needs only one of its parts, so the smallest set is taken; OR needs one of
   * all; NOT and facts give no key.
   */
  private keyTerms(n: RuleNode): number[] | null {
    switch (n.kind) {
      case 'term':
        return [this.index.add(n)];
      case 'field':
      case 'not':
        return null;
      case 'near': {
        const l = this.keyTerms(n.left);
        const r = this.keyTerms(n.right);
        return l && r ? (l.length <= r.length ? l : r) : (l ?? r);
      }
      case 'and': {
        let best: number[] | null = null;
        for (const i of n.items) {
          const k = this.keyTerms(i);
          if (k && (!best || k.length < best.length)) best = k;
        }
        return best;
      }
      case 'or': {
        const all: number[] = [];
        for (const i of n.items) {
          const k = this.keyTerms(i);
          if (!k) return null;
          all.push(...k);
        }
        return all;
      }
    }
  }

  private compileNode(node: RuleNode): Test {
    const build = (n: RuleNode): Test => {
      switch (n.kind) {
        case 'term': {
          const id = this.index.add(n);
          return (s) => s.termStamp[id] === s.epoch;
        }
        case 'field': {
          const v = n.value;
          switch (n.field) {
            case 'source':
              return (s) => fold(s.sourceId) === v;
            case 'channel':
              return (s) => s.channel === v;
            case 'lang':
              return (s) => s.language === v;
            case 'author':
              this.hasAuthorFields = true;
              return (s) => s.authors.includes(v);
          }
          break;
        }
        case 'and': {
          const items = n.items.map(build);
          return (s) => {
            for (let i = 0; i < items.length; i++) if (!items[i]!(s)) return false;
            return true;
          };
        }
        case 'or': {
          const items = n.items.map(build);
          return (s) => {
            for (let i = 0; i < items.length; i++) if (items[i]!(s)) return true;
            return false;
          };
        }
        case 'not': {
          const item = build(n.item);
          return (s) => !item(s);
        }
        case 'near': {
          const left = new Set(termIds(n.left, this.index));
          const right = new Set(termIds(n.right, this.index));
          const { distance, ordered } = n;
          return (s) => {
            for (let a = 0; a < s.hits; a++) {
              if (!left.has(s.hitTerm[a]!)) continue;
              for (let b = 0; b < s.hits; b++) {
                if (a === b || !right.has(s.hitTerm[b]!)) continue;
                const after = s.hitStart[b]! - s.hitEnd[a]!;
                const before = s.hitStart[a]! - s.hitEnd[b]!;
                if (after >= 0 && after <= distance) return true;
                if (!ordered && before >= 0 && before <= distance) return true;
              }
            }
            return false;
          };
        }
      }
      throw new Error(`unknown rule node ${(n as RuleNode).kind}`);
    };
    return build(node);
  }
}

function termIds(n: RuleNode, index: TermIndex): number[] {
  if (n.kind === 'term') return [index.add(n)];
  if (n.kind === 'or') return n.items.flatMap((i) => termIds(i, index));
  return [];
}

function push(map: Map<string, number[]>, key: string, w: number): void {
  const list = map.get(key);
  if (list) {
    if (!list.includes(w)) list.push(w);
  } else map.set(key, [w]);
}

/** One matcher for a set of watches (deleted ones left out by the caller). */
export function compileWatches(configs: readonly WatchConfig[]): WatchMatcher {
  return new WatchMatcher(configs);
}
