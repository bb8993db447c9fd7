import { LineCounter, parseDocument, isMap, isSeq, type Node } from 'yaml';
import type { z } from 'zod';

export interface YamlIssue {
  file: string;
  line: number;
  column: number;
  path: string;
  message: string;
}

export type YamlParseResult<T> = { ok: true; value: T } | { ok: false, errors: YamlIssue[] };

/** `file:line:col path: message`, the form editors and terminals link. */
export function formatYamlIssues(errors: YamlIssue[]): string {
  return errors.map((e) => `${e.file}:${e.line}:${e.column} ${e.path || '(root)'}: ${e.message}`).join('\n');
}

/**
 * Parses YAML a person edits and validates it, naming the line and field of every
 * problem (a zod path mapped back to the node it came from).
 */
export function parseYamlWithSchema<T>(text: string, file: string, schema: z.ZodType<T>): YamlParseResult<T> {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length) {
    return {
      ok: false,
      errors: doc.errors.map((e) => {
        const pos = lineCounter.linePos(e.pos[0]);
        return { file, line: pos.line, column: pos.col, path: '', message: e.message.split('\n')[0] };
      }),
    };
  }
  const r = schema.safeParse(doc.toJS({ maxAliasCount: 100 }));
  if (r.success) return { ok: true, value: r.data };
  return {
    ok: false,
    errors: r.error.issues.map((issue) => {
      const node = nearestNode(doc.contents as Node | null, issue.path as (string | number)[]);
      const offset = node?.range?.[0] ?? 0;
      const pos = lineCounter.linePos(offset);
      return { file, line: pos.line, column: pos.col, path: issue.path.join('.'), message: issue.message };
    }),
  };
}

/** The deepest node that exists along a path (a missing key points at its parent). */
function nearestNode(root: Node | null, path: (string | number)[]): Node | null {
  let node = root;
  for (const key of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => String((p.key as { value?: unknown })?.value ?? p.key) === String(key));
      if (!pair) return node;
      node = (pair.value as Node) ?? (pair.key as Node);
    } else if (isSeq(node) && typeof key === 'number' && node.items[key]) {
      node = node.items[key] as Node;
    } else return node;
  }
  return node;
}
