import { createHash, randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { estypes } from '@elastic/elasticsearch';
import { isAlreadyExists, isConflict, isNotFound, SearchClient } from '@vigil/search';
import type { Role } from './roles';

export interface UserDoc {
  username: string;
  role: Role;
  passwordHash: string;
  createdAt: string;
  disabled?: boolean;
}

export interface ApiKeyDoc {
  name: string;
  role: Role;
  /** First characters of the key, so a person can tell keys apart; never the key. */
  hint: string;
  createdAt: string;
  createdBy: string;
  revoked?: boolean;
}

const keyword: estypes.MappingProperty = { type: 'keyword' };
const usersMapping: estypes.MappingTypeMapping = {
  dynamic: false,
  properties: { username: keyword, role: keyword, createdAt: { type: 'date' }, disabled: { type: 'boolean' } },
};
const keysMapping: estypes.MappingTypeMapping = {
  dynamic: false,
  properties: { name: keyword, role: keyword, createdAt: { type: 'date' }, createdBy: keyword, revoked: { type: 'boolean' } },
};


/** An API key is 32 random bytes, so a fast hash is enough (no password to brute-force). */
export const hashApiKey = (key: string) => createHash('sha256').update(key).digest('hex');

/** Users (`<prefix>users`, id = username) and API keys (`<prefix>api-keys`, id = sha256 of the key). */
@Injectable()
export class UsersRepository {
  constructor(private readonly client: SearchClient) {}

  get usersIndex(): string {
    return `${this.client.names.prefix}users`;
  }
  get keysIndex(): string {
    return `${this.client.names.prefix}api-keys`;
  }

  async ensureIndices(): Promise<void> {
    for (const [index, mappings] of [[this.usersIndex, usersMapping], [this.keysIndex, keysMapping]] as const) {
      try {
        await this.client.es.indices.create({ index, mappings, settings: { number_of_shards: 1, number_of_replicas: 0 } });
      } catch (e) {
        if (!isAlreadyExists(e)) throw e;
      }
    }
  }

  async findUser(username: string): Promise<UserDoc | undefined> {
    try {
      return (await this.client.es.get<UserDoc>({ index: this.usersIndex, id: username }))._source;
    } catch (e) {
      if (isNotFound(e)) return undefined;
      throw e;
    }
  }

  /** false when the name is taken (create-only, so two starting instances cannot both make `admin`). */
  async createUser(user: UserDoc): Promise<boolean> {
    try {
      await this.client.es.create({ index: this.usersIndex, id: user.username, document: user, refresh: 'wait_for' });
      return true;
    } catch (e) {
      if (isConflict(e)) return false;
      throw e;
    }
  }

  async updateUser(username: string, patch: Partial<UserDoc>): Promise<void> {
    await this.client.es.update({ index: this.usersIndex, id: username, doc: patch, refresh: 'wait_for' });
  }

  async countUsers(): Promise<number> {
    const r = await this.client.es.count({ index: this.usersIndex, ignore_unavailable: true, allow_no_indices: true });
    return r.count;
  }

  async listUsers(): Promise<Omit<UserDoc, 'passwordHash'>[]> {
    const r = await this.client.es.search<UserDoc>({ index: this.usersIndex, size: 1000, ignore_unavailable: true, allow_no_indices: true, _source_excludes: ['passwordHash'], sort: [{ username: 'asc' }] });
    return r.hits.hits.map((h) => h._source!);
  }

  /** Returns the key itself: shown once, stored only as its hash. */
  async createApiKey(doc: Omit<ApiKeyDoc, 'hint'>): Promise<{ key: string; id: string }> {
    const key = `vgk_${randomBytes(32).toString('base64url')}`;
    const id = hashApiKey(key);
    await this.client.es.create({ index: this.keysIndex, id, document: { ...doc, hint: key.slice(0, 8) }, refresh: 'wait_for' });
    return { key, id };
  }

  async findApiKey(key: string): Promise<ApiKeyDoc | undefined> {
    try {
      return (await this.client.es.get<ApiKeyDoc>({ index: this.keysIndex, id: hashApiKey(key) }))._source;
    } catch (e) {
      if (isNotFound(e)) return undefined;
      throw e;
    }
  }
}
