import { AuditKind } from '@vigil/contracts';
import { withIdentity } from './identity-kit';

type Out = (s: string) => void;

/** `vigil audit [--limit n] [--kind k,k]`: the newest sign-ins and admin actions. */
export function runAudit(opts: { limit?: string; kind?: string }, out: Out = (s) => process.stdout.write(s), env = process.env): Promise<number> {
  const limit = Number(opts.limit ?? 50);
  const kinds = (opts.kind ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  const bad = kinds.filter((k) => !AuditKind.safeParse(k).success);
  if (!Number.isInteger(limit) || limit < 1 || limit > 100 || bad.length) {
    out(`vigil audit: --limit 1–100; --kind of ${AuditKind.options.join(', ')}${bad.length ? ` (not: ${bad.join(', ')})` : ''}\n`);
    return Promise.resolve(2);
  }
  return withIdentity(env, async ({ audit }) => {
    const r = await audit.list({ kind: kinds as AuditKind[], page: 1, size: limit });
    for (const e of r.entries) out(`${e.at}  ${e.kind.padEnd(18)} ${e.actor}${e.target ? ` → ${e.target}` : ''}${e.address ? `  from ${e.address}` : ''}${e.detail ? `  (${e.detail})` : ''}\n`);
    out(`${r.entries.length} of ${r.total} entries\n`);
    return 0;
  });
}
