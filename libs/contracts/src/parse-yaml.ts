import { LineCounter, isMap, isScalar, isSeq, parseDocument, type Document, type Node } from 'yaml';
import { z } from 'zod';

/**
 * One problem in a YAML file a person edits (the sources file, the contingency plan), where
 * an editor can jump to it. Also what the api answers for a refused plan edit and what the
 * stored plan keeps of the last refused one.
 */
export const YamlIssue = z.object({
  file: z.string(),
  /** 1-based, as editors count. */
  line: z.number().int().positive(),
  column: z.number().int().positive(),
  /** Dotted field path, e.g. `triggers.2.level`; empty for the whole file. */
  path: z.string(),
  message: z.string(),
});
export type YamlIssue = z.infer<typeof YamlIssue>;

export type YamlParseResult<T> = { ok: true; value: T } | { ok: false; errors: YamlIssue[] };

/** A problem found after the schema passed (references between sections, unique ids), at a path of the value. */
export interface YamlCheckProblem {
  path: (string | number)[];
  message: string;
}

/** `file:line:col path: message`, the form editors and terminals link. */
export function formatYamlIssues(errors: YamlIssue[]): string {
  return errors.map((e) => `${e.file}:${e.line}:${e.column} ${e.path || '(root)'}: ${e.message}`).join('\n');
}

/**
 * Parses YAML a person edits and validates it against a schema, then against `check` for
 * rules a schema cannot see field by field. Every problem names its line and field: a zod
 * path is mapped back to the node it came from; a typo'd key is reported at the key.
 */
export function parseYamlWithSchema<T>(text: string, file: string, schema: z.ZodType<T>, check?: (value: T) => YamlCheckProblem[]): YamlParseResult<T> {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const at = (offset: number) => lineCounter.linePos(offset);
  if (doc.errors.length) {
    return {
      ok: false,
      errors: doc.errors.map((e) => {
        const pos = at(e.pos[0]);
        return { file, line: pos.line, column: pos.col, path: '', message: `YAML syntax: ${e.message.split('\n')[0]}` };
      }),
    };
  }
  const locate = (path: (string | number)[], message: string, pointAtKey = false): YamlIssue => {
    const pos = at(nodeAt(doc, path, pointAtKey)?.range?.[0] ?? 0);
    return { file, line: pos.line, column: pos.col, path: path.join('.'), message };
  };
  const parsed = schema.safeParse(doc.toJS({ maxAliasCount: 100 }));
  if (!parsed.success) {
    const errors = parsed.error.issues.flatMap((issue) => {
      const path = issue.path as (string | number)[];
      if (issue.code === 'unrecognized_keys') return issue.keys.map((k) => locate([...path, k], `unknown field "${k}"`, true));
      if (issue.code === 'invalid_type' && issue.input === undefined) return [locate(path, `missing required field (${issue.message})`)];
      return [locate(path, issue.message)];
    });
    return { ok: false, errors };
  }
  const problems = check?.(parsed.data) ?? [];
  if (problems.length) return { ok: false, errors: problems.map((p) => locate(p.path, p.message)) };
  return { ok: true, value: parsed.data };
}

/** The deepest node along a path; a missing key points at its parent so the line is still useful. */
function nodeAt(doc: Document, path: (string | number)[], pointAtKey: boolean): Node | null {
  let node = doc.contents as Node | null;
  for (let i = 0; i < path.length; i++) {
    const key = path[i];
    if (isMap(node)) {
      const pair = node.items.find((p) => String(isScalar(p.key) ? p.key.value : p.key) === String(key));
      if (!pair) return node;
      if (pointAtKey && i === path.length - 1) return pair.key as Node;
      node = (pair.value as Node | null) ?? (pair.key as Node);
    } else if (isSeq(node) && typeof key === 'number' && node.items[key]) {
      node = node.items[key] as Node;
    } else {
      return node;
    }
  }
  return node;
}
