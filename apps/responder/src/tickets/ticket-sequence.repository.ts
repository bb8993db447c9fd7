import { Injectable } from '@nestjs/common';
import type { TicketSequenceSlot } from '@vigil/contracts';
import { isConflict, TicketSequencesReader } from '@vigil/search';

/**
 * Per-year ticket numbers without a lock server: number N of a year is taken by creating
 * the document `<year>-<N>` with `op_type: create`, which only one writer can do. The slot
 * records its owner (an incident key's open cycle), so every opener racing for the same
 * incident gets the same number and a lost race burns none. A `<year>-next` hint saves
 * scanning from 1; it may lag or even go back, which costs a few 409s, never a duplicate.
 * Index and contract: `@vigil/search` ticket-sequences.index.ts.
 */
@Injectable()
export class TicketSequenceRepository extends TicketSequencesReader {
  async allocate(year: number, owner: string): Promise<number> {
    const hint = await this.read(`${year}-next`);
    const mine = await this.read(`owner-${owner}`);
    if (mine) return mine.value;
    for (let n = (hint?.value ?? 0) + 1; ; n++) {
      const slot = await this.create(`${year}-${n}`, { year, value: n, owner });
      if (slot === 'conflict') {
        const taken = await this.read(`${year}-${n}`);
        if (taken?.owner !== owner) continue;
      }
      // Written before the hint moves, so a same-owner opener that sees the new hint also sees this.
      const recorded = await this.create(`owner-${owner}`, { year, value: n, owner });
      if (recorded === 'conflict') return (await this.read(`owner-${owner}`))!.value;
      await this.search.es.index({ index: this.index, id: `${year}-next`, document: { year, value: n, owner } });
      return n;
    }
  }

  private async create(id: string, document: TicketSequenceSlot): Promise<'ok' | 'conflict'> {
    try {
      await this.search.es.index({ index: this.index, id, document, op_type: 'create' });
      return 'ok';
    } catch (e) {
      if (isConflict(e)) return 'conflict';
      throw e;
    }
  }
}
