import type { z } from 'zod';

/** A validation failure flattened to one line per problem: `path: message`. */
export function describeIssues(error: z.ZodError): string {
  return error.issues.map((i) => `${i.path.length ? i.path.join('.') : '(root)'}: ${i.message}`).join('; ');
}

export type ParseResult<T> = { ok: true; value: T } | { ok: false; error: string };

/**
 * Parse JSON text against a schema without throwing: boundaries turn failures into DLQ
 * entries. The error says which step failed (`not JSON: …` or `schema: path: message`).
 */
export function parseMessage<T>(schema: z.ZodType<T>, text: string): ParseResult<T> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    return { ok: false, error: `not JSON: ${(e as Error).message}` };
  }
  const r = schema.safeParse(json);
  return r.success ? { ok: true, value: r.data } : { ok: false, error: `schema: ${describeIssues(r.error)}` };
}
