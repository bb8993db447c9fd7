/** What a rule is after parsing (see rule-parser.ts for the syntax). Positions index the rule text. */
export type RuleNode = TermNode | FieldNode | AndNode | OrNode | NotNode | NearNode;

export interface TermNode {
  kind: 'term';
  /** As written (quotes and wildcards removed), for people. */
  text: string;
  /** Folded (fold.ts): what is looked for in the folded post. */
  folded: string;
  /** `*` before the word: it may end a longer word. */
  leftFree: boolean;
  /** `*` after the word: it may begin a longer word (refund* → refunds, refunded). */
  rightFree: boolean;
  phrase: boolean;
  pos: number;
  end: number;
}

export const RULE_FIELDS = ['source', 'author', 'channel', 'lang'] as const;
export type RuleField = (typeof RULE_FIELDS)[number];

/** `source:demo-weibo`, `author:@FreshDash`, `channel:review`, `lang:zh`: facts about the post, not its words. */
export interface FieldNode {
  kind: 'field';
  field: RuleField;
  /** Folded; a leading @ of an author is dropped. */
  value: string;
  pos: number;
  end: number;
}

export interface AndNode {
  kind: 'and';
  items: RuleNode[];
}

export interface OrNode {
  kind: 'or';
  items: RuleNode[];
}

export interface NotNode {
  kind: 'not';
  item: RuleNode;
  pos: number;
}

/** Two words (or groups of alternatives) at most `distance` characters apart. */
export interface NearNode {
  kind: 'near';
  left: RuleNode;
  right: RuleNode;
  distance: number;
  /** ONEAR: the left one comes first. */
  ordered: boolean;
  pos: number;
}

/** Every word a rule looks for (positive or negated), in order of appearance. */
export function termsOf(node: RuleNode, out: TermNode[] = []): TermNode[] {
  switch (node.kind) {
    case 'term':
      out.push(node);
      break;
    case 'field':
      break;
    case 'and':
    case 'or':
      for (const i of node.items) termsOf(i, out);
      break;
    case 'not':
      termsOf(node.item, out);
      break;
    case 'near':
      termsOf(node.left, out);
      termsOf(node.right, out);
      break;
  }
  return out;
}

/** The rule in canonical form (explicit operators, quotes where needed): for logs and tests. */
export function printRule(node: RuleNode): string {
  switch (node.kind) {
    case 'term': {
      const t = node.phrase || /[\s()"|&+]/.test(node.text) ? `"${node.text}"` : node.text;
      return `${node.leftFree ? '*' : ''}${t}${node.rightFree ? '*' : ''}`;
    }
    case 'field':
      return `${node.field}:${node.value}`;
    case 'and':
      return `(${node.items.map(printRule).join(' AND ')})`;
    case 'or':
      return `(${node.items.map(printRule).join(' OR ')})`;
    case 'not':
      return `NOT ${printRule(node.item)}`;
    case 'near':
      return `(${printRule(node.left)} ${node.ordered ? 'ONEAR' : 'NEAR'}/${node.distance} ${printRule(node.right)})`;
  }
}
