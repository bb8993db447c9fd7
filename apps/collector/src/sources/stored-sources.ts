import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { SourceConfig, describeIssues } from '@vigil/contracts';
import { interpolateEnv } from './sources-config';

/**
 * Sources as stored keep what a person wrote: `${NAME}` placeholders (secrets stay in the
 * collector's environment, never in Elasticsearch or the api's answers) and `5m` durations.
 * These turn a stored configuration into the parsed one the adapters use.
 */
export function interpolateConfig(raw: unknown, env: NodeJS.ProcessEnv): unknown {
  if (typeof raw === 'string') return interpolateEnv(raw, env);
  if (Array.isArray(raw)) return raw.map((v) => interpolateConfig(v, env));
  if (raw && typeof raw === 'object') return Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, interpolateConfig(v, env)]));
  return raw;
}

export type Parsed = { ok: true; source: SourceConfig } | { ok: false; error: string };

export interface StoredSourceLimits {
  /** Folders a Google Play export may be read from. */
  importDirs: readonly string[];
  /** Environment variables a source may use as `${NAME}`: those the sources file names, and COLLECTOR_SOURCE_VARS. */
  vars: ReadonlySet<string>;
}

/** Every `${NAME}` a configuration uses, in any string of it. */
export function placeholdersOf(raw: unknown, out = new Set<string>()): Set<string> {
  if (typeof raw === 'string') for (const m of raw.matchAll(/\$\{([A-Z_][A-Z0-9_]*)(?::-[^}]*)?\}/g)) out.add(m[1]!);
  else if (Array.isArray(raw)) raw.forEach((v) => placeholdersOf(v, out));
  else if (raw && typeof raw === 'object') Object.values(raw).forEach((v) => placeholdersOf(v, out));
  return out;
}

/**
 * A stored configuration, parsed with the collector's environment. Two limits keep a source form
 * from reaching what it should not: a `${NAME}` is filled only from variables the operator lent to
 * sources (else a form could send the collector's secrets, ELASTICSEARCH_URL or a signing key,
 * to any server in a URL or a header), and a Google Play export must lie in an allowed folder
 * (else a form could make the collector read any file on the server).
 */
export function parseStoredSource(raw: Record<string, unknown>, env: NodeJS.ProcessEnv, limits: StoredSourceLimits): Parsed {
  const { importDirs } = limits;
  const refused = [...placeholdersOf(raw)].filter((n) => !limits.vars.has(n));
  if (refused.length) return { ok: false, error: `invalid configuration: ${refused.map((n) => `\${${n}}`).join(', ')} is not lent to sources (name it in the sources file or in COLLECTOR_SOURCE_VARS)` };
  const r = SourceConfig.safeParse(interpolateConfig(raw, env));
  if (!r.success) return { ok: false, error: `invalid configuration: ${describeIssues(r.error)}` };
  const source = r.data;
  if (source.type === 'googleplay') {
    const file = path.resolve(source.file);
    if (!importDirs.some((d) => file === d || file.startsWith(d.endsWith(path.sep) ? d : d + path.sep))) {
      return { ok: false, error: `invalid configuration: file ${source.file} is outside the folders the collector may read (COLLECTOR_IMPORT_DIRS: ${importDirs.join(', ') || 'none'})` };
    }
    source.file = file;
  }
  return { ok: true, source };
}

/**
 * The sources of a YAML file as written (placeholders kept), for seeding the store; relative
 * export paths resolved against the file's folder. The file is validated separately (parseSourcesFile).
 */
export function rawSourcesOfYaml(text: string, file: string): Record<string, unknown>[] {
  const doc = parseYaml(text) as { sources?: Record<string, unknown>[] } | null;
  const dir = path.dirname(path.resolve(file));
  return (doc?.sources ?? []).map((s) => (s.type === 'googleplay' && typeof s.file === 'string' ? { ...s, file: path.resolve(dir, s.file) } : s));
}
