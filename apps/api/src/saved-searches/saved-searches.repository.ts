import { Injectable } from '@nestjs/common';
import type { SavedSearch } from '@vigil/contracts';
import { isNotFound, SavedSearchesReader } from '@vigil/search';

/** The api's writes of saved searches (index, mapping, contract: @vigil/search saved-searches.index.ts). */
@Injectable()
export class SavedSearchesRepository extends SavedSearchesReader {
  async create(s: SavedSearch): Promise<void> {
    await this.search.es.index({ index: this.index, id: s.id, document: s, op_type: 'create', refresh: 'wait_for' });
  }

  /** False when there is no such search of this owner. */
  async delete(owner: string, id: string): Promise<boolean> {
    try {
      const r = await this.search.es.get<SavedSearch>({ index: this.index, id });
      if (r._source?.owner !== owner) return false;
      await this.search.es.delete({ index: this.index, id, refresh: 'wait_for' });
      return true;
    } catch (e) {
      if (isNotFound(e)) return false;
      throw e;
    }
  }
}
