import { Injectable } from '@nestjs/common';
import type { ModelUpdateRun } from '@vigil/contracts';
import { ModelUpdatesReader, writeVersioned } from '@vigil/search';

/** Runs of the model-update job: a run document created only if absent is the claim on a slot. */
@Injectable()
export class ModelUpdatesRepository extends ModelUpdatesReader {
  /** True when this instance claimed the run (no other instance made it first). */
  async claim(run: ModelUpdateRun): Promise<boolean> {
    return (await writeVersioned(this.search, this.index, run.id, run, undefined)) !== undefined;
  }

  async finish(run: ModelUpdateRun): Promise<void> {
    await this.search.es.index({ index: this.index, id: run.id, document: run, refresh: 'wait_for' });
  }
}
