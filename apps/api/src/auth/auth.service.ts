import { Injectable } from '@nestjs/common';
import { TokenService } from './token.service';
import { UsersRepository } from './users.repository';
import { verifyPassword } from './password-hasher';
import type { Principal, Role } from './roles';

export interface Credentials {
  /** `Authorization: Bearer …` */
  bearer?: string;
  /** `X-API-Key: …` */
  apiKey?: string;
}

/** Turns credentials into a principal; used by the HTTP guard and the live gateway alike. */
@Injectable()
export class AuthService {
  constructor(
    private readonly users: UsersRepository,
    private readonly tokens: TokenService,
  ) {}

  async login(username: string, password: string): Promise<{ token: string; expiresAt: string; user: { username: string; role: Role } } | undefined> {
    const user = await this.users.findUser(username);
    // Verify against a dummy hash when the user is unknown, so timing does not tell which names exist.
    const ok = await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH);
    if (!user || !ok || user.disabled) return undefined;
    const t = await this.tokens.issue(user);
    return { ...t, user: { username: user.username, role: user.role } };
  }

  async authenticate(c: Credentials): Promise<Principal | undefined> {
    if (c.bearer) return this.tokens.verify(c.bearer);
    if (c.apiKey) {
      const key = await this.users.findApiKey(c.apiKey);
      return key && !key.revoked ? { name: `key:${key.name}`, role: key.role, kind: 'api-key' } : undefined;
    }
    return undefined;
  }
}

const DUMMY_HASH = 'scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';
