import { Inject, Injectable } from '@nestjs/common';
import { UserDoc, type UserView } from '@vigil/contracts';
import { isNotFound } from '../es-errors';
import type { SearchClient } from '../search-client';
import { SEARCH_CLIENT } from '../search-options';
import { singleIndex, TOLERATE_MISSING } from './stored-index';

/**
 * People who sign in (writer: api — its routes, its first-start bootstrap and the cli's `vigil
 * users`; read by the api's authentication). One document per user, `_id` = username. The
 * password hash never leaves the api: `list()` leaves it out.
 */
export const usersIndex = singleIndex({
  document: 'users',
  suffix: 'users',
  writer: 'api',
  schema: UserDoc,
  mappings: {
    dynamic: false,
    properties: {
      username: { type: 'keyword' },
      role: { type: 'keyword' },
      createdAt: { type: 'date' },
      disabled: { type: 'boolean' },
      tokenVersion: { type: 'integer' },
      updatedAt: { type: 'date' },
      updatedBy: { type: 'keyword' },
    },
  },
});

@Injectable()
export class UsersReader {
  constructor(@Inject(SEARCH_CLIENT) protected readonly search: SearchClient) {}

  protected get index(): string {
    return usersIndex.name(this.search.options.indexPrefix);
  }

  /** Read in real time (a GET, not a search): a user disabled a moment ago is seen as disabled. */
  async find(username: string): Promise<UserDoc | undefined> {
    try {
      const r = await this.search.es.get<UserDoc>({ index: this.index, id: username });
      return r._source ? UserDoc.parse(r._source) : undefined;
    } catch (e) {
      if (isNotFound(e)) return undefined;
      throw e;
    }
  }

  async count(query?: object): Promise<number> {
    return (await this.search.es.count({ ...TOLERATE_MISSING, index: this.index, query })).count;
  }

  async list(): Promise<UserView[]> {
    const r = await this.search.es.search<UserDoc>({ ...TOLERATE_MISSING, index: this.index, size: 1000, _source_excludes: ['passwordHash'], sort: [{ username: { order: 'asc', unmapped_type: 'keyword' } }] });
    return r.hits.hits.map((h) => UserDoc.omit({ passwordHash: true }).parse(h._source));
  }
}
