import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { AuditEntry } from '@vigil/contracts';
import { AuditReader } from '@vigil/search';

export type AuditRecord = Omit<AuditEntry, 'id' | 'at'>;

/** The audit log of sign-ins and admin actions (`@vigil/search` audit.index.ts): append-only. */
@Injectable()
export class AuditLog extends AuditReader {
  /** `visible`: wait until searches see it (an admin's change, shown on the page that made it); sign-ins do not wait. */
  async record(entry: AuditRecord, at: Date, opts: { visible?: boolean } = {}): Promise<void> {
    const id = randomUUID();
    const doc: AuditEntry = { id, at: at.toISOString(), ...entry, userAgent: entry.userAgent?.slice(0, 256), detail: entry.detail?.slice(0, 500) };
    await this.search.es.create({ index: this.index, id, document: doc, refresh: opts.visible ? 'wait_for' : false });
  }
}
