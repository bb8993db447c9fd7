import { SourceConfig } from '@vigil/contracts';

/** What the api shows instead of a secret typed into a source form (it never leaves the store). */
export const SECRET_MASK = '••••••';

const PLACEHOLDER = /\$\{([A-Z_][A-Z0-9_]*)(?::-([^}]*))?\}/g;
const HAS_PLACEHOLDER = new RegExp(PLACEHOLDER.source);

/**
 * A source form checked as the collector will read it. The api does not have the collector's
 * environment, so a `${NAME}` placeholder stands for its default, or for a dummy value: the
 * structure is checked here, the values when the collector fetches (and in a test fetch).
 */
export function checkSourceForm(raw: unknown): { ok: true; source: SourceConfig } | { ok: false; issues: { field: string; message: string }[] } {
  const fill = (v: unknown): unknown => {
    if (typeof v === 'string') return v.replace(PLACEHOLDER, (_, name: string, fallback?: string) => fallback ?? (name.endsWith('PORT') ? '8080' : 'placeholder'));
    if (Array.isArray(v)) return v.map(fill);
    if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, fill(x)]));
    return v;
  };
  const r = SourceConfig.safeParse(fill(raw));
  if (r.success) return { ok: true, source: r.data };
  return { ok: false, issues: r.error.issues.map((i) => ({ field: i.path.join('.'), message: i.message })) };
}

/** Header values written as text are secrets: shown masked; `${NAME}` placeholders are not. */
export function maskSecrets(config: Record<string, unknown>): Record<string, unknown> {
  const headers = config.headers as Record<string, string> | undefined;
  if (!headers) return config;
  return { ...config, headers: Object.fromEntries(Object.entries(headers).map(([k, v]) => [k, isPlaceholderOnly(v) ? v : SECRET_MASK])) };
}

/** An edit that sends a masked value back keeps the stored secret. */
export function keepMaskedSecrets(edited: Record<string, unknown>, stored: Record<string, unknown> | undefined): Record<string, unknown> {
  const headers = edited.headers as Record<string, string> | undefined;
  if (!headers) return edited;
  const before = (stored?.headers ?? {}) as Record<string, string>;
  return { ...edited, headers: Object.fromEntries(Object.entries(headers).map(([k, v]) => [k, v === SECRET_MASK && before[k] !== undefined ? before[k] : v])) };
}

/** Every text of a header is a placeholder or plain words around one (`Bearer ${TOKEN}`). */
function isPlaceholderOnly(v: string): boolean {
  return HAS_PLACEHOLDER.test(v) && !/[A-Za-z0-9]{12,}/.test(v.replace(PLACEHOLDER, ''));
}

/** Hosts a source fetches from, for the private-address check at save. */
export function endpointsOf(s: SourceConfig): URL[] {
  switch (s.type) {
    case 'rss':
    case 'json':
      return [new URL(s.url)];
    case 'appstore':
      return [new URL(s.baseUrl)];
    case 'mastodon':
      return [new URL(s.instance)];
    case 'googleplay':
      return [];
  }
}
