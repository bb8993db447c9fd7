import { Injectable } from '@nestjs/common';
import type { ReportDelivery, ReportDoc, ReportMeta } from '@vigil/contracts';
import { isConflict, isNotFound, ReportsReader } from '@vigil/search';

export type Claim = { won: true; attempts: number } | { won: false; reason: string };

/**
 * The reporter's writes of the archive (index, mapping, contract: @vigil/search reports.index.ts).
 * A report is claimed before it is made (create, or a version-checked take-over of a failed or
 * abandoned one), so two reporters never make the same report at once and a restart retries
 * what was left failed.
 */
@Injectable()
export class ReportsRepository extends ReportsReader {
  /**
   * Claims `meta.id` for making now. `force` (a person asked) takes it whatever its state;
   * otherwise a finished one is left alone, a failed one is retried once its time came (until
   * `maxAttempts`), and one claimed by a reporter that stopped answering is taken over.
   */
  async claim(meta: ReportMeta, opts: { force: boolean; maxAttempts: number; staleBefore: Date; now: Date }): Promise<Claim> {
    try {
      await this.search.es.index({ index: this.index, id: meta.id, document: { ...meta, attempts: 1 }, op_type: 'create', refresh: 'wait_for' });
      return { won: true, attempts: 1 };
    } catch (e) {
      if (!isConflict(e)) throw e;
    }
    const current = await this.search.es.get<ReportDoc>({ index: this.index, id: meta.id, _source_excludes: ['html', 'pdf'] });
    const doc = current._source!;
    if (!opts.force) {
      if (doc.status === 'done') return { won: false, reason: 'made already' };
      if (doc.status === 'failed' && doc.attempts >= opts.maxAttempts) return { won: false, reason: `failed ${doc.attempts} times: ${doc.error ?? ''}` };
      if (doc.status === 'failed' && doc.nextAttemptAt && Date.parse(doc.nextAttemptAt) > opts.now.getTime()) return { won: false, reason: 'retry not due yet' };
      if (doc.status === 'rendering' && Date.parse(doc.updatedAt) > opts.staleBefore.getTime()) return { won: false, reason: 'being made' };
    }
    const attempts = opts.force ? 1 : doc.attempts + 1;
    try {
      await this.search.es.index({
        index: this.index,
        id: meta.id,
        document: { ...meta, attempts, createdAt: doc.createdAt, deliveries: [] },
        if_seq_no: current._seq_no,
        if_primary_term: current._primary_term,
        refresh: 'wait_for',
      });
      return { won: true, attempts };
    } catch (e) {
      if (isConflict(e)) return { won: false, reason: 'claimed by another reporter' };
      throw e;
    }
  }

  async complete(doc: ReportDoc): Promise<void> {
    await this.search.es.index({ index: this.index, id: doc.id, document: doc, refresh: 'wait_for' });
  }

  async fail(id: string, change: Pick<ReportMeta, 'error' | 'nextAttemptAt' | 'updatedAt'>): Promise<void> {
    await this.search.es.update({ index: this.index, id, doc: { status: 'failed', ...change }, refresh: 'wait_for' });
  }

  async recordDeliveries(id: string, deliveries: ReportDelivery[]): Promise<void> {
    try {
      await this.search.es.update({ index: this.index, id, doc: { deliveries }, refresh: 'wait_for' });
    } catch (e) {
      if (!isNotFound(e)) throw e;
    }
  }
}
