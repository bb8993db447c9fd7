import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { formatYamlIssues, parseYamlWithSchema } from './parse-yaml';

const Schema = z.object({ sources: z.array(z.object({ id: z.string(), every: z.number().positive() })) });

describe('parseYamlWithSchema', () => {
  it('returns the value when valid', () => {
    const r = parseYamlWithSchema('sources:\n  - id: a\n    every: 5\n', 's.yaml', Schema);
    expect(r).toEqual({ ok: true, value: { sources: [{ id: 'a', every: 5 }] } });
  });

  it('names the line and field of a wrong value', () => {
    const r = parseYamlWithSchema('sources:\n  - id: a\n    every: 5\n  - id: b\n    every: -1\n', 's.yaml', Schema);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors[0]).toMatchObject({ line: 5, path: 'sources.1.every' });
    expect(formatYamlIssues(r.errors)).toMatch(/^s\.yaml:5:\d+ sources\.1\.every: /);
  });

  it('points a missing key at its parent', () => {
    const r = parseYamlWithSchema('sources:\n  - every: 5\n', 's.yaml', Schema);
    expect(r.ok || r.errors[0]).toMatchObject({ line: 2, path: 'sources.0.id' });
  });

  it('reports YAML syntax errors with a position', () => {
    const r = parseYamlWithSchema('sources:\n  - id: [a\n', 's.yaml', Schema);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0].line).toBeGreaterThan(1);
  });
});
