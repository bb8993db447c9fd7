import { Injectable } from '@nestjs/common';
import { ApiKeysRepository } from './api-keys.repository';
import { TokenService } from './token.service';
import { admits, UserDirectory } from './user-directory';
import type { Principal } from './roles';

export interface Credentials {
  /** `Authorization: Bearer …` */
  bearer?: string;
  /** `X-API-Key: …` */
  apiKey?: string;
}

/**
 * Turns credentials into a principal; used by the HTTP guard and the live gateway alike. A
 * token counts only while its user exists, is enabled and has the token's version, and it
 * carries the user's current role (a demotion applies at once, not at the token's expiry).
 */
@Injectable()
export class AuthService {
  constructor(
    private readonly directory: UserDirectory,
    private readonly keys: ApiKeysRepository,
    private readonly tokens: TokenService,
  ) {}

  async authenticate(c: Credentials): Promise<Principal | undefined> {
    if (c.bearer) {
      const claims = await this.tokens.verify(c.bearer);
      if (!claims) return undefined;
      const user = await this.directory.current(claims.username);
      return admits(user, claims.version) ? { name: user.username, role: user.role, kind: 'user' } : undefined;
    }
    if (c.apiKey) {
      const key = await this.keys.findByKey(c.apiKey);
      return key && !key.revoked ? { name: `key:${key.name}`, role: key.role, kind: 'api-key' } : undefined;
    }
    return undefined;
  }
}
