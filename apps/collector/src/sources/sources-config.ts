import fs from 'node:fs';
import { z } from 'zod';
import { Channel } from '@vigil/contracts';
import { formatYamlIssues, parseYamlWithSchema } from '@vigil/common';

/** `30s`, `5m`, `1h` or a number of seconds. */
const Duration = z.union([
  z.number().positive(),
  z.string().regex(/^\d+(\.\d+)?\s*(s|m|h)$/, 'a duration such as 30s, 5m or 1h'),
]).transform((v) => {
  if (typeof v === 'number') return v * 1000;
  const n = parseFloat(v);
  return n * { s: 1000, m: 60_000, h: 3_600_000 }[v.trim().slice(-1) as 's' | 'm' | 'h'];
});

const RssSource = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9._-]{0,63}$/, 'lower-case letters, digits, dot, dash or underscore'),
  type: z.literal('rss'),
  url: z.url(),
  channel: Channel.default('news'),
  every: Duration.default(300_000),
  langHint: z.string().optional(),
  /** Keep only items that mention one of these (brand, product); empty keeps all. */
  keywords: z.array(z.string().min(1)).default([]),
  enabled: z.boolean().default(true),
});

export const SourceConfig = z.discriminatedUnion('type', [RssSource]);
export type SourceConfig = z.infer<typeof SourceConfig>;

export const SourcesFile = z
  .object({ sources: z.array(SourceConfig) })
  .superRefine((f, ctx) => {
    const seen = new Set<string>();
    f.sources.forEach((s, i) => {
      if (seen.has(s.id)) ctx.addIssue({ code: 'custom', path: ['sources', i, 'id'], message: `duplicate source id "${s.id}"` });
      seen.add(s.id);
    });
  });
export type SourcesFile = z.infer<typeof SourcesFile>;

export class SourcesConfigError extends Error {}

/** `${NAME}` and `${NAME:-default}` from the environment, so secrets stay out of the file. */
export function interpolateEnv(text: string, env: NodeJS.ProcessEnv = process.env): string {
  return text.replace(/\$\{([A-Z_][A-Z0-9_]*)(?::-([^}]*))?\}/g, (_, name: string, fallback?: string) => env[name] ?? fallback ?? '');
}

export function parseSourcesFile(text: string, file: string, env: NodeJS.ProcessEnv = process.env): SourcesFile {
  const r = parseYamlWithSchema(interpolateEnv(text, env), file, SourcesFile);
  if (!r.ok) throw new SourcesConfigError(`invalid sources file:\n${formatYamlIssues(r.errors)}`);
  return r.value;
}

export function loadSourcesFile(file: string): SourcesFile {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    throw new SourcesConfigError(`cannot read sources file ${file}: ${(e as Error).message}`);
  }
  return parseSourcesFile(text, file);
}
