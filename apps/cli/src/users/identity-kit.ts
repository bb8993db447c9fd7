import os from 'node:os';
import { serviceConnections } from '@vigil/common';
import { SearchClient } from '@vigil/search';
import { ApiKeysRepository, AuditLog, KeyAdminUseCase, loadApiConfig, SessionsRepository, UserAdminUseCase, UsersRepository } from '@vigil/api';

export interface IdentityKit {
  users: UsersRepository;
  admin: UserAdminUseCase;
  keys: KeyAdminUseCase;
  audit: AuditLog;
  /** Who the audit log names for what this command does. */
  actor: string;
}

/**
 * The api's own repositories and use cases on ELASTICSEARCH_URL / VIGIL_INDEX_PREFIX, so the cli
 * works before the api runs (the first admin) and follows the same rules (last admin, audit).
 * A running api sees a change at once for keys, and within API_USER_CHECK_SECONDS for users.
 */
export async function withIdentity<T>(env: NodeJS.ProcessEnv, work: (kit: IdentityKit) => Promise<T>): Promise<T> {
  const config = loadApiConfig(env);
  const search = new SearchClient({ ...serviceConnections(config).search, indexPrefix: config.VIGIL_INDEX_PREFIX });
  try {
    const users = new UsersRepository(search);
    const audit = new AuditLog(search);
    const sessions = new SessionsRepository(search);
    const actor = `cli:${env.VIGIL_ACTOR || safeUser()}`;
    return await work({ users, audit, actor, admin: new UserAdminUseCase(users, sessions, audit), keys: new KeyAdminUseCase(new ApiKeysRepository(search), audit) });
  } finally {
    await search.onApplicationShutdown();
  }
}

function safeUser(): string {
  try {
    return os.userInfo().username;
  } catch {
    return 'unknown';
  }
}
