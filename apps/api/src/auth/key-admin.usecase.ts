import { Injectable } from '@nestjs/common';
import type { ApiKeyDoc, Role } from '@vigil/contracts';
import { ApiKeysRepository } from './api-keys.repository';
import { AuditLog } from './audit-log';

export type KeyView = Omit<ApiKeyDoc, never> & { id: string };

/** API keys from the dashboard, the API or the cli: create (the key shown once), list, revoke; audited. */
@Injectable()
export class KeyAdminUseCase {
  constructor(
    private readonly keys: ApiKeysRepository,
    private readonly audit: AuditLog,
  ) {}

  list(): Promise<KeyView[]> {
    return this.keys.list();
  }

  async create(name: string, role: Role, actor: string, now: Date): Promise<{ key: string; id: string; hint: string }> {
    const r = await this.keys.create({ name, role, createdAt: now.toISOString(), createdBy: actor });
    await this.audit.record({ kind: 'api_key_created', actor, target: `${name} (${r.hint}…)`, detail: `role ${role}` }, now, { visible: true });
    return r;
  }

  /**
   * Revokes by id (the hash the list shows) or by an unambiguous start of it, or by the key's hint;
   * a revoked key fails at its next request (keys are looked up on every request, not cached).
   */
  async revoke(ref: string, actor: string, now: Date): Promise<{ ok: true; id: string; name: string } | { ok: false; message: string }> {
    const all = await this.keys.list();
    const matches = all.filter((k) => k.id === ref || (ref.length >= 6 && (k.id.startsWith(ref) || k.hint.startsWith(ref))));
    if (matches.length !== 1) return { ok: false, message: matches.length ? `"${ref}" matches ${matches.length} keys: give more of the id` : `no API key "${ref}"` };
    const k = matches[0]!;
    if (!k.revoked) {
      await this.keys.revoke(k.id, actor, now);
      await this.audit.record({ kind: 'api_key_revoked', actor, target: `${k.name} (${k.hint}…)` }, now, { visible: true });
    }
    return { ok: true, id: k.id, name: k.name };
  }
}
