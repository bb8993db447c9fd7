import { Injectable, ServiceUnavailableException } from '@nestjs/common';
import { Plan } from '@vigil/plan';
import { PlanReader } from '@vigil/search';

/**
 * The plan the responder runs, for the api's own decisions (who may open a complainant's contact):
 * the published document, parsed once per version.
 */
@Injectable()
export class PlanInForce {
  private cached?: { version: number; plan: Plan };

  constructor(private readonly plans: PlanReader) {}

  async current(): Promise<Plan> {
    const doc = await this.plans.get();
    if (!doc) throw new ServiceUnavailableException('no plan has been published yet (the responder publishes it at start); nothing that depends on it can be decided');
    if (this.cached?.version !== doc.version) this.cached = { version: doc.version, plan: Plan.parse(doc.plan) };
    return this.cached.plan;
  }
}
