import { fold } from './fold';
import { RULE_FIELDS, type RuleField, type RuleNode, type TermNode } from './rule-ast';

/**
 * The rule syntax (libs/watch/README.md has the user's version):
 *
 *   rule    := or
 *   or      := and (("OR" | "|") and)*
 *   and     := unary (("AND" | "&" | "+")? unary)*      side by side means AND
 *   unary   := ("NOT" | "-") unary | near                 "-" only right before a word: -招聘
 *   near    := primary (("NEAR/n" | "ONEAR/n") primary)*  n characters apart at most (default 10)
 *   primary := "(" or ")" | "phrase" | word | field:value
 *   word    := letters, digits, Han, @, #, … with an optional * at its start or end
 *
 * Operators are upper case (a lower-case "or" is a word); full-width （）｜＆＋ and “” quotes
 * count as their ASCII forms, so a rule typed with a Chinese keyboard parses the same.
 */
export class RuleSyntaxError extends Error {
  constructor(
    /** The reason, without the position. */
    readonly reason: string,
    /** 0-based offset in the rule text where the problem is. */
    readonly position: number,
  ) {
    super(`${reason} (at character ${position + 1})`);
  }
}

type TokenKind = 'lparen' | 'rparen' | 'or' | 'and' | 'not' | 'near' | 'word' | 'phrase';
interface Token {
  kind: TokenKind;
  pos: number;
  end: number;
  text: string;
  distance?: number;
  ordered?: boolean;
}

export const DEFAULT_NEAR_DISTANCE = 10;
export const MAX_NEAR_DISTANCE = 200;
export const MAX_RULE_TERMS = 200;

const OPEN_QUOTES = new Set(['"', '“', '＂']);
const CLOSE_QUOTES = new Set(['"', '”', '＂']);
const HALF: Record<string, string> = { '（': '(', '）': ')', '｜': '|', '＆': '&', '＋': '+', '－': '-', '＊': '*', '：': ':' };
const SPECIAL = new Set(['(', ')', '|', '&', '+', '"', '“', '”', '＂']);
const isSpace = (ch: string) => /\s/.test(ch);

function tokenize(src: string): Token[] {
  // Each replacement is one UTF-16 unit for one, so positions in `s` are positions in `src`.
  const s = src.replace(/[（）｜＆＋－＊：]/g, (c) => HALF[c]!);
  const tokens: Token[] = [];
  let i = 0;
  while (i < s.length) {
    const ch = s[i]!;
    if (isSpace(ch)) {
      i++;
      continue;
    }
    if (ch === '(' || ch === ')') {
      tokens.push({ kind: ch === '(' ? 'lparen' : 'rparen', pos: i, end: i + 1, text: ch });
      i++;
      continue;
    }
    if (ch === '|' || ch === '&' || ch === '+') {
      const double = (ch === '|' || ch === '&') && s[i + 1] === ch;
      tokens.push({ kind: ch === '|' ? 'or' : 'and', pos: i, end: i + (double ? 2 : 1), text: double ? ch + ch : ch });
      i += double ? 2 : 1;
      continue;
    }
    if (OPEN_QUOTES.has(ch)) {
      let j = i + 1;
      while (j < s.length && !CLOSE_QUOTES.has(s[j]!)) j++;
      if (j >= s.length) throw new RuleSyntaxError('this quote is never closed', i);
      tokens.push({ kind: 'phrase', pos: i, end: j + 1, text: src.slice(i + 1, j) });
      i = j + 1;
      continue;
    }
    if (ch === '-') {
      const next = s[i + 1];
      if (next === undefined || isSpace(next)) throw new RuleSyntaxError('"-" excludes the word right after it: write -word (no space), or NOT word', i);
      tokens.push({ kind: 'not', pos: i, end: i + 1, text: '-' });
      i++;
      continue;
    }
    let j = i;
    while (j < s.length && !isSpace(s[j]!) && !SPECIAL.has(s[j]!)) j++;
    const word = src.slice(i, j);
    const op = s.slice(i, j);
    const near = /^(O?)NEAR(?:\/(\d+))?$/.exec(op);
    if (op === 'AND' || op === 'OR' || op === 'NOT') tokens.push({ kind: op.toLowerCase() as 'and' | 'or' | 'not', pos: i, end: j, text: op });
    else if (near) {
      const distance = near[2] === undefined ? DEFAULT_NEAR_DISTANCE : Number(near[2]);
      if (distance > MAX_NEAR_DISTANCE) throw new RuleSyntaxError(`NEAR takes at most ${MAX_NEAR_DISTANCE} characters`, i);
      tokens.push({ kind: 'near', pos: i, end: j, text: op, distance, ordered: near[1] === 'O' });
    } else if (/^O?NEAR\//.test(op)) throw new RuleSyntaxError('NEAR is written NEAR/n with n the most characters between the two words, e.g. NEAR/10', i);
    else tokens.push({ kind: 'word', pos: i, end: j, text: word });
    i = j;
  }
  return tokens;
}

const HAS_CONTENT = /[\p{L}\p{N}]/u;

function termFromWord(t: Token): TermNode | RuleNode {
  const field = /^([a-z]+)[:：](.+)$/i.exec(t.text);
  if (field && (RULE_FIELDS as readonly string[]).includes(field[1]!.toLowerCase())) {
    const name = field[1]!.toLowerCase() as RuleField;
    let value = fold(field[2]!);
    if (name === 'author') value = value.replace(/^@/, '');
    if (!value) throw new RuleSyntaxError(`${name}: needs a value`, t.pos);
    return { kind: 'field', field: name, value, pos: t.pos, end: t.end };
  }
  let text = t.text.replace(/＊/g, '*');
  const leftFree = text.startsWith('*');
  const rightFree = text.length > 1 && text.endsWith('*');
  text = text.slice(leftFree ? 1 : 0, rightFree ? -1 : undefined);
  const star = text.indexOf('*');
  if (star >= 0) throw new RuleSyntaxError('* goes only at the start or the end of a word', t.pos + (leftFree ? 1 : 0) + star);
  if (!HAS_CONTENT.test(text)) throw new RuleSyntaxError('a word needs at least one letter, digit or character', t.pos);
  return { kind: 'term', text, folded: fold(text), leftFree, rightFree, phrase: false, pos: t.pos, end: t.end };
}

function termFromPhrase(t: Token): TermNode {
  const text = t.text.trim().replace(/\s+/g, ' ');
  if (!HAS_CONTENT.test(text)) throw new RuleSyntaxError('these quotes hold no word', t.pos);
  return { kind: 'term', text, folded: fold(text), leftFree: false, rightFree: false, phrase: true, pos: t.pos, end: t.end };
}

class Parser {
  private i = 0;
  constructor(
    private readonly tokens: Token[],
    private readonly length: number,
  ) {}

  parse(): RuleNode {
    if (!this.tokens.length) throw new RuleSyntaxError('the rule is empty', 0);
    const node = this.or();
    const t = this.tokens[this.i];
    if (t) throw new RuleSyntaxError(t.kind === 'rparen' ? 'this ) has no matching (' : `unexpected ${t.text}`, t.pos);
    return node;
  }

  private peek(): Token | undefined {
    return this.tokens[this.i];
  }

  /** True where an operand must follow but none does. */
  private missingOperand(): boolean {
    const t = this.peek();
    return !t || t.kind === 'rparen' || t.kind === 'or' || t.kind === 'and' || t.kind === 'near';
  }

  private expectOperandAfter(op: Token): void {
    if (this.missingOperand()) throw new RuleSyntaxError(`${op.text} needs a term after it`, op.pos);
  }

  private or(): RuleNode {
    const items = [this.and()];
    while (this.peek()?.kind === 'or') {
      const op = this.tokens[this.i++]!;
      this.expectOperandAfter(op);
      items.push(this.and());
    }
    return items.length === 1 ? items[0]! : { kind: 'or', items: items.flatMap((n) => (n.kind === 'or' ? n.items : [n])) };
  }

  private and(): RuleNode {
    const items = [this.unary()];
    for (;;) {
      const t = this.peek();
      if (t?.kind === 'and') {
        this.i++;
        this.expectOperandAfter(t);
      } else if (!t || !(t.kind === 'word' || t.kind === 'phrase' || t.kind === 'lparen' || t.kind === 'not')) break;
      items.push(this.unary());
    }
    return items.length === 1 ? items[0]! : { kind: 'and', items: items.flatMap((n) => (n.kind === 'and' ? n.items : [n])) };
  }

  private unary(): RuleNode {
    const t = this.peek();
    if (t?.kind === 'not') {
      this.i++;
      this.expectOperandAfter(t);
      return { kind: 'not', item: this.unary(), pos: t.pos };
    }
    return this.near();
  }

  private near(): RuleNode {
    let left = this.primary();
    while (this.peek()?.kind === 'near') {
      const op = this.tokens[this.i++]!;
      this.expectOperandAfter(op);
      const right = this.primary();
      for (const side of [left, right]) {
        if (!positional(side)) throw new RuleSyntaxError(`${op.text} takes a word, a phrase or a group of alternatives (a OR b) on each side`, nodePos(side, op.pos));
      }
      left = { kind: 'near', left, right, distance: op.distance!, ordered: op.ordered!, pos: op.pos };
    }
    return left;
  }

  private primary(): RuleNode {
    const t = this.peek();
    if (!t) throw new RuleSyntaxError('the rule ends where a word is expected', this.length);
    switch (t.kind) {
      case 'lparen': {
        this.i++;
        if (this.peek()?.kind === 'rparen') throw new RuleSyntaxError('these parentheses are empty', t.pos);
        if (!this.peek()) throw new RuleSyntaxError('the ( opened here is never closed', t.pos);
        const inner = this.or();
        if (this.peek()?.kind !== 'rparen') throw new RuleSyntaxError('the ( opened here is never closed', t.pos);
        this.i++;
        return inner;
      }
      case 'rparen':
        throw new RuleSyntaxError('this ) has no matching (', t.pos);
      case 'or':
      case 'and':
      case 'near':
        throw new RuleSyntaxError(`${t.text} needs a term before it`, t.pos);
      case 'not':
        return this.unary();
      case 'word':
        this.i++;
        return termFromWord(t);
      case 'phrase':
        this.i++;
        return termFromPhrase(t);
    }
  }
}

/** Words, phrases and OR-groups of them have positions in the text; NEAR needs those. */
function positional(n: RuleNode): boolean {
  return n.kind === 'term' || (n.kind === 'or' && n.items.every(positional));
}

function nodePos(n: RuleNode, fallback: number): number {
  if (n.kind === 'term' || n.kind === 'field' || n.kind === 'not' || n.kind === 'near') return n.pos;
  const first = n.items[0];
  return first ? nodePos(first, fallback) : fallback;
}

/** Whether the rule holds for a post in which none of its words or facts are found. */
function holdsOnNothing(n: RuleNode): boolean {
  switch (n.kind) {
    case 'term':
    case 'field':
    case 'near':
      return false;
    case 'and':
      return n.items.every(holdsOnNothing);
    case 'or':
      return n.items.some(holdsOnNothing);
    case 'not':
      return !holdsOnNothing(n.item);
  }
}

function countTerms(n: RuleNode): number {
  switch (n.kind) {
    case 'term':
    case 'field':
      return 1;
    case 'and':
    case 'or':
      return n.items.reduce((s, i) => s + countTerms(i), 0);
    case 'not':
      return countTerms(n.item);
    case 'near':
      return countTerms(n.left) + countTerms(n.right);
  }
}

/**
 * Parses a rule, or throws RuleSyntaxError naming the position of the first problem: unbalanced
 * parentheses, an operator without a term on one side, an empty phrase, a misplaced *, a rule
 * made only of exclusions (it would match almost every post).
 */
export function parseRule(text: string): RuleNode {
  const node = new Parser(tokenize(text), text.length).parse();
  if (holdsOnNothing(node)) {
    throw new RuleSyntaxError('this rule matches posts that contain none of its words: give it a word the post must contain (exclusions alone belong in the exclusion list)', 0);
  }
  if (countTerms(node) > MAX_RULE_TERMS) throw new RuleSyntaxError(`a rule may hold at most ${MAX_RULE_TERMS} words`, 0);
  return node;
}

/** parseRule without throwing: what live validation in the dashboard shows. */
export function checkRule(text: string): { ok: true; node: RuleNode } | { ok: false; error: string; reason: string; position: number } {
  try {
    return { ok: true, node: parseRule(text) };
  } catch (e) {
    if (e instanceof RuleSyntaxError) return { ok: false, error: e.message, reason: e.reason, position: e.position };
    throw e;
  }
}
