import { Injectable } from '@nestjs/common';
import type { SessionDoc } from '@vigil/contracts';
import { isConflict, SessionsReader, type StoredSession } from '@vigil/search';

/** Browser sessions (index, mapping, contract: `@vigil/search` sessions.index.ts); the api is the one writer. */
@Injectable()
export class SessionsRepository extends SessionsReader {
  async create(session: SessionDoc): Promise<void> {
    await this.search.es.create({ index: this.index, id: session.id, document: session, refresh: 'wait_for' });
  }

  /** Writes a change only if nobody changed the session since it was read; false on a lost race. */
  async replace(stored: StoredSession, next: SessionDoc): Promise<boolean> {
    try {
      await this.search.es.index({ index: this.index, id: next.id, document: next, if_seq_no: stored.seqNo, if_primary_term: stored.primaryTerm, refresh: 'wait_for' });
      return true;
    } catch (e) {
      if (isConflict(e)) return false;
      throw e;
    }
  }

  async revoke(id: string, reason: string, at: Date): Promise<void> {
    await this.search.es.update({ index: this.index, id, doc: { revokedAt: at.toISOString(), revokedReason: reason }, refresh: 'wait_for' }).catch(() => undefined);
  }

  /** Every live session of a user (disabled, deleted): their refresh cookies stop working at once. */
  async revokeAllFor(username: string, reason: string, at: Date): Promise<number> {
    const live = await this.activeFor(username, at);
    for (const s of live) await this.revoke(s.id, reason, at);
    return live.length;
  }
}
