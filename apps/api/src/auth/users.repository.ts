import { Injectable } from '@nestjs/common';
import type { UserDoc } from '@vigil/contracts';
import { isConflict, isNotFound, UsersReader } from '@vigil/search';

/**
 * Users (index, mapping, contract: `@vigil/search` users.index.ts). The api is the one writer;
 * the cli's `vigil users` uses this class too, so both go by the same rules.
 */
@Injectable()
export class UsersRepository extends UsersReader {
  /** false when the name is taken (create-only, so two starting instances cannot both make `admin`). */
  async create(user: UserDoc): Promise<boolean> {
    try {
      await this.search.es.create({ index: this.index, id: user.username, document: user, refresh: 'wait_for' });
      return true;
    } catch (e) {
      if (isConflict(e)) return false;
      throw e;
    }
  }

  async update(username: string, patch: Partial<UserDoc>): Promise<void> {
    await this.search.es.update({ index: this.index, id: username, doc: patch, refresh: 'wait_for' });
  }

  /** false when there was no such user. */
  async delete(username: string): Promise<boolean> {
    try {
      await this.search.es.delete({ index: this.index, id: username, refresh: 'wait_for' });
      return true;
    } catch (e) {
      if (isNotFound(e)) return false;
      throw e;
    }
  }

  /** Admins who can still sign in: the last one must not be disabled, demoted or deleted. */
  activeAdmins(): Promise<number> {
    return this.count({ bool: { filter: [{ term: { role: 'admin' } }], must_not: [{ term: { disabled: true } }] } });
  }

  /** Fresh before the first user is made: the bootstrap reads the count right after. */
  async ensureIndex(): Promise<void> {
    await this.search.ensureIndices();
  }
}
