import { Injectable, Optional } from '@nestjs/common';
import type { Role } from '@vigil/contracts';
import { AuditLog } from './audit-log';
import { createUser, type CreateUserInput, type CreateUserResult } from './create-user.usecase';
import { SessionsRepository } from './sessions.repository';
import { UserDirectory } from './user-directory';
import { UsersRepository } from './users.repository';

export type AdminRefusal = 'not_found' | 'last_admin' | 'self';
export type AdminResult = { ok: true } | { ok: false; reason: AdminRefusal; message: string };

const refusals: Record<AdminRefusal, (u: string) => string> = {
  not_found: (u) => `no user "${u}"`,
  last_admin: (u) => `"${u}" is the last admin who can sign in: make another admin first`,
  self: () => 'you cannot disable, demote or delete yourself: ask another admin',
};
const refuse = (reason: AdminRefusal, username: string): AdminResult => ({ ok: false, reason, message: refusals[reason](username) });

/**
 * What an admin does to users, from the dashboard, the API or the cli: add, disable, enable,
 * change role, delete. Disabling, a role change and deletion raise the user's token version
 * and end their sessions, so what they hold stops working (at once on this api instance,
 * within API_USER_CHECK_SECONDS on others); every change is in the audit log. The last admin
 * who can sign in is never disabled, demoted or deleted, and nobody does it to themselves.
 */
@Injectable()
export class UserAdminUseCase {
  constructor(
    private readonly users: UsersRepository,
    private readonly sessions: SessionsRepository,
    private readonly audit: AuditLog,
    @Optional() private readonly directory?: UserDirectory,
  ) {}

  async create(input: CreateUserInput, actor: string, now: Date): Promise<CreateUserResult> {
    const r = await createUser(this.users, input, now);
    if (r.ok) await this.audit.record({ kind: 'user_created', actor, target: r.username, detail: `role ${r.role}` }, now, { visible: true });
    return r;
  }

  async setDisabled(username: string, disabled: boolean, actor: string, now: Date): Promise<AdminResult> {
    const user = await this.users.find(username);
    if (!user) return refuse('not_found', username);
    if (!!user.disabled === disabled) return { ok: true };
    if (disabled) {
      if (username === actor) return refuse('self', username);
      if (user.role === 'admin' && (await this.users.activeAdmins()) <= 1) return refuse('last_admin', username);
    }
    await this.users.update(username, { disabled, tokenVersion: (user.tokenVersion ?? 0) + 1, updatedAt: now.toISOString(), updatedBy: actor });
    if (disabled) await this.sessions.revokeAllFor(username, 'user disabled', now);
    this.directory?.forget(username);
    await this.audit.record({ kind: disabled ? 'user_disabled' : 'user_enabled', actor, target: username }, now, { visible: true });
    return { ok: true };
  }

  async setRole(username: string, role: Role, actor: string, now: Date): Promise<AdminResult> {
    const user = await this.users.find(username);
    if (!user) return refuse('not_found', username);
    if (user.role === role) return { ok: true };
    if (user.role === 'admin') {
      if (username === actor) return refuse('self', username);
      if (!user.disabled && (await this.users.activeAdmins()) <= 1) return refuse('last_admin', username);
    }
    await this.users.update(username, { role, tokenVersion: (user.tokenVersion ?? 0) + 1, updatedAt: now.toISOString(), updatedBy: actor });
    await this.sessions.revokeAllFor(username, 'role changed', now);
    this.directory?.forget(username);
    await this.audit.record({ kind: 'user_role_changed', actor, target: username, detail: `${user.role} → ${role}` }, now, { visible: true });
    return { ok: true };
  }

  async remove(username: string, actor: string, now: Date): Promise<AdminResult> {
    const user = await this.users.find(username);
    if (!user) return refuse('not_found', username);
    if (username === actor) return refuse('self', username);
    if (user.role === 'admin' && !user.disabled && (await this.users.activeAdmins()) <= 1) return refuse('last_admin', username);
    await this.users.delete(username);
    await this.sessions.revokeAllFor(username, 'user deleted', now);
    this.directory?.forget(username);
    await this.audit.record({ kind: 'user_deleted', actor, target: username, detail: `was ${user.role}` }, now, { visible: true });
    return { ok: true };
  }
}
