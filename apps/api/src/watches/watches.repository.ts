import { Injectable } from '@nestjs/common';
import { configChangeId, WatchDoc, type ConfigChange } from '@vigil/contracts';
import { ConfigHistoryReader, isConflict, SearchClient, WatchesReader } from '@vigil/search';

export interface Versioned<T> {
  doc: T;
  seqNo: number;
  primaryTerm: number;
}

/**
 * The writes of watches and their history (the reads are WatchesReader / ConfigHistoryReader in
 * libs/search). A watch is replaced only if nobody wrote it since it was read (if_seq_no), so two
 * admins saving at once cannot silently lose an edit.
 */
@Injectable()
export class WatchesRepository {
  constructor(
    private readonly search: SearchClient,
    readonly reader: WatchesReader,
    readonly history: ConfigHistoryReader,
  ) {}

  async getVersioned(id: string): Promise<Versioned<WatchDoc> | undefined> {
    const r = await this.search.es.get<unknown>({ index: this.reader.index, id }, { ignore: [404] });
    if (!r.found) return undefined;
    return { doc: WatchDoc.parse(r._source), seqNo: r._seq_no!, primaryTerm: r._primary_term! };
  }

  /** false when the id is taken (also by a deleted watch). */
  async create(doc: WatchDoc): Promise<boolean> {
    try {
      await this.search.es.create({ index: this.reader.index, id: doc.id, document: doc, refresh: 'wait_for' });
      return true;
    } catch (e) {
      if (isConflict(e)) return false;
      throw e;
    }
  }

  /** false when someone else wrote the watch after `at` was read. */
  async replace(doc: WatchDoc, at: { seqNo: number; primaryTerm: number }): Promise<boolean> {
    try {
      await this.search.es.index({ index: this.reader.index, id: doc.id, document: doc, if_seq_no: at.seqNo, if_primary_term: at.primaryTerm, refresh: 'wait_for' });
      return true;
    } catch (e) {
      if (isConflict(e)) return false;
      throw e;
    }
  }

  /** Writes a history entry only where none is (healing one a crash left unwritten, never overwriting). */
  async recordChangeIfMissing(change: ConfigChange): Promise<void> {
    try {
      await this.search.es.create({ index: this.history.index, id: configChangeId(change.kind, change.targetId, change.version), document: change, refresh: 'wait_for' });
    } catch (e) {
      if (!isConflict(e)) throw e;
    }
  }

  /** Idempotent: the same version written twice is one history entry. */
  async recordChange(change: ConfigChange): Promise<void> {
    await this.search.es.index({ index: this.history.index, id: configChangeId(change.kind, change.targetId, change.version), document: change, refresh: 'wait_for' });
  }
}
