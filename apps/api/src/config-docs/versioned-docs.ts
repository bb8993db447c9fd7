import type { z } from 'zod';
import { configChangeId, type ConfigAction, type ConfigChange, type ConfigKind } from '@vigil/contracts';
import { getVersioned, isConflict, writeVersioned, type SearchClient } from '@vigil/search';
import { changedFields, changeOf } from './changes';

/** What watches and sources have in common as stored: an id, a version and who changed them. */
export interface VersionedDoc {
  id: string;
  version: number;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  updatedBy: string;
  deletedAt?: string;
  deletedBy?: string;
}

export type ChangeResult<T> = { ok: true; doc: T } | { ok: false; status: 404 | 409; message: string };

/**
 * Writes of a configuration document kept with its history (watches, sources). A document is
 * replaced only if nobody wrote it since it was read (if_seq_no), so two admins saving at once
 * cannot silently lose an edit. The current document is written first and its history entry
 * after; a crash in between leaves the entry missing, and the next change writes it (from the
 * document, which holds everything it needs) before its own, without overwriting one that exists.
 */
export class VersionedDocs<T extends VersionedDoc> {
  constructor(
    private readonly search: SearchClient,
    private readonly kind: ConfigKind,
    private readonly index: () => string,
    private readonly historyIndex: () => string,
    private readonly schema: z.ZodType<T>,
  ) {}

  async getVersioned(id: string): Promise<{ doc: T; seqNo: number; primaryTerm: number } | undefined> {
    const r = await getVersioned<unknown>(this.search, this.index(), id);
    return r && { doc: this.schema.parse(r.source), seqNo: r.seqNo, primaryTerm: r.primaryTerm };
  }

  /** A new document at version 1; `exists` when the id is taken (by a deleted one too). */
  async create(doc: T, action: ConfigAction = 'create'): Promise<ChangeResult<T>> {
    if (!(await writeVersioned(this.search, this.index(), doc.id, doc, undefined, { refresh: true }))) {
      return { ok: false, status: 409, message: `a ${this.kind} with id "${doc.id}" exists (a deleted one can be restored)` };
    }
    await this.recordChange(changeOf(this.kind, doc, action, changedFields(undefined, doc as unknown as Record<string, unknown>)));
    return { ok: true, doc };
  }

  /**
   * The next version of a document, built by `next` from the current one. `expectedVersion` is the
   * version the editor started from: a save by someone else since then is a 409.
   */
  async change(
    id: string,
    expectedVersion: number | undefined,
    actor: string,
    action: ConfigAction,
    next: (current: T) => { ok: true; next: T } | { ok: false; status: 409; message: string },
    now: string,
    note?: string,
  ): Promise<ChangeResult<T> & { changes?: string[] }> {
    const current = await this.getVersioned(id);
    if (!current) return { ok: false, status: 404, message: `no ${this.kind} "${id}"` };
    if (expectedVersion !== undefined && expectedVersion !== current.doc.version) {
      return { ok: false, status: 409, message: `${this.kind} "${id}" was changed by ${current.doc.updatedBy} at ${current.doc.updatedAt} (version ${current.doc.version}, you edited ${expectedVersion}); reload it` };
    }
    const n = next(current.doc);
    if (!n.ok) return n;
    await this.recordChangeIfMissing(changeOf(this.kind, current.doc, current.doc.version === 1 ? 'create' : 'update', []));
    const doc = { ...n.next, version: current.doc.version + 1, updatedAt: now, updatedBy: actor } as T;
    if (!(await writeVersioned(this.search, this.index(), id, doc, current, { refresh: true }))) {
      return { ok: false, status: 409, message: `${this.kind} "${id}" was changed by someone else meanwhile; reload it` };
    }
    const changes = changedFields(current.doc as unknown as Record<string, unknown>, doc as unknown as Record<string, unknown>);
    if (action === 'delete' || action === 'restore') changes.push('deletedAt');
    await this.recordChange(changeOf(this.kind, doc, action, changes, note));
    return { ok: true, doc, changes };
  }

  private async recordChangeIfMissing(change: ConfigChange): Promise<void> {
    try {
      await this.search.es.create({ index: this.historyIndex(), id: configChangeId(change.kind, change.targetId, change.version), document: change, refresh: 'wait_for' });
    } catch (e) {
      if (!isConflict(e)) throw e;
    }
  }

  /** Idempotent: the same version written twice is one history entry. */
  private async recordChange(change: ConfigChange): Promise<void> {
    await this.search.es.index({ index: this.historyIndex(), id: configChangeId(change.kind, change.targetId, change.version), document: change, refresh: 'wait_for' });
  }
}
