import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { formatYamlIssues, parseYamlWithSchema, SourceConfig } from '@vigil/contracts';

// The schema of one source lives in contracts (the api validates the product's source forms with it).
export { SourceConfig, type SourceOf } from '@vigil/contracts';

export const SourcesFile = z
  .object({
    sources: z.array(SourceConfig),
    /** Requests per second per host, for hosts several sources share (`itunes.apple.com: 0.5`). */
    hosts: z.record(z.string(), z.object({ rate: z.number().positive().max(50) })).default({}),
  })
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
  const dir = path.dirname(path.resolve(file));
  for (const s of r.value.sources) if (s.type === 'googleplay') s.file = path.resolve(dir, s.file);
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

/** The host a source fetches from (for rate limits), if it fetches over HTTP. */
export function sourceHost(s: SourceConfig): string | undefined {
  switch (s.type) {
    case 'rss':
    case 'json':
      return new URL(s.url).host;
    case 'appstore':
      return new URL(s.baseUrl).host;
    case 'mastodon':
      return new URL(s.instance).host;
    case 'googleplay':
      return undefined;
  }
}

/** Per-host request rates: the `hosts` table, lowered by any source that asks for less. */
export function hostRates(f: SourcesFile): Map<string, number> {
  const rates = new Map<string, number>(Object.entries(f.hosts).map(([h, v]) => [h.toLowerCase(), v.rate]));
  for (const s of f.sources) {
    const host = sourceHost(s)?.toLowerCase();
    if (!host || s.type === 'googleplay' || s.rate === undefined) continue;
    rates.set(host, Math.min(rates.get(host) ?? Infinity, s.rate));
  }
  return rates;
}
