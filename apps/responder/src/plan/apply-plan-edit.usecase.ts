import { Injectable } from '@nestjs/common';
import { createLogger } from '@vigil/common';
import type { PlanEdit, PlanSource } from '@vigil/contracts';
import { parsePlan, planHash, type PlanError } from '@vigil/plan';
import { PlanPublisher } from './plan-publisher.service';
import { PlanStore } from './plan.store';

export type PlanEditOutcome = 'accepted' | 'refused' | 'unchanged' | 'duplicate';

/** Errors of an edit name this file (there is no file; the dashboard shows line and field). */
const EDIT_FILE = 'plan.yaml';

/**
 * An edit of the plan from the dashboard (`plan.edits`). The api validated it already, to
 * answer at once; the responder decides again, because it is the one that runs the plan:
 * the edit must still validate here and must start from the version in force (an edit made
 * against an older version is refused rather than silently undoing a change). Accepted: it
 * is published first, then taken into force. Refused: the refusal is published and audited;
 * the plan in force does not change. A redelivered edit is recognised by its request id.
 */
@Injectable()
export class ApplyPlanEditUseCase {
  private readonly logger = createLogger('responder');

  constructor(
    private readonly publisher: PlanPublisher,
    private readonly store: PlanStore,
  ) {}

  execute(edit: PlanEdit): Promise<PlanEditOutcome> {
    return this.publisher.exclusive(async () => {
      const published = await this.publisher.follow();
      // Thrown, so the consumer retries: the first publish happens at start, before consuming.
      if (!published) throw new Error('no plan published yet');
      if (published.source.requestId === edit.requestId || published.lastRefused?.source.requestId === edit.requestId) return 'duplicate';
      const source: PlanSource = { kind: 'dashboard', actor: edit.actor, requestId: edit.requestId, at: edit.at };
      const hash = planHash(edit.text);
      const parsed = parsePlan(edit.text, EDIT_FILE);
      if (!parsed.ok) return this.refuse(edit, source, parsed.errors, hash);
      if (edit.baseHash !== published.hash) return this.refuse(edit, source, [this.stale(published.version, published.source)], hash);
      if (hash === published.hash) return 'unchanged';
      const version = { plan: parsed.plan, text: edit.text, hash, source };
      const r = await this.publisher.publish(version, { expectHash: edit.baseHash });
      if (!r.wrote) return this.refuse(edit, source, [this.stale(r.doc?.version ?? published.version, r.doc?.source ?? published.source)], hash);
      this.store.adopt(version);
      this.logger.info({ requestId: edit.requestId, actor: edit.actor, version: r.doc?.version }, 'plan edit accepted');
      return 'accepted';
    });
  }

  private async refuse(edit: PlanEdit, source: PlanSource, errors: PlanError[], hash: string): Promise<PlanEditOutcome> {
    await this.publisher.refuse(source, errors, edit.text, hash);
    this.logger.info({ requestId: edit.requestId, actor: edit.actor, errors: errors.length }, 'plan edit refused; the plan in force stays');
    return 'refused';
  }

  private stale(version: number, by: PlanSource): PlanError {
    const who = by.kind === 'dashboard' ? `edited by ${by.actor ?? 'someone'}` : 'from the plan file';
    return { file: EDIT_FILE, line: 1, column: 1, path: '', message: `the plan changed while this edit was made (now version ${version}, ${who}); open it again and redo the edit` };
  }
}
