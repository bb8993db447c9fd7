import { Injectable } from '@nestjs/common';
import { Plan } from '@vigil/plan';
import { PlanReader } from '@vigil/search';

/**
 * The plan the reports follow (calendar, roles, schedule): the one the responder runs, as it
 * published it. Read at each use, so an edit the responder took in applies to the next report.
 */
@Injectable()
export class PlanSource {
  constructor(private readonly plans: PlanReader) {}

  /** Undefined until a responder has published a plan. */
  async current(): Promise<Plan | undefined> {
    const doc = await this.plans.get();
    if (!doc) return undefined;
    const r = Plan.safeParse(doc.plan);
    if (!r.success) throw new Error(`the published plan (version ${doc.version}) does not read as a plan: ${r.error.issues[0]?.message}`);
    return r.data;
  }
}
