import { randomUUID } from 'node:crypto';
import { BadRequestException, ConflictException, Injectable, ServiceUnavailableException } from '@nestjs/common';
import { Clock, createLogger } from '@vigil/common';
import { PlanEdit } from '@vigil/contracts';
import { MessageProducer } from '@vigil/kafka';
import { parsePlan, planHash } from '@vigil/plan';
import { PlanReader } from '@vigil/search';
import type { Principal } from '../auth/roles';
import type { PlanChanged, PlanEditBody, PlanInvalid } from './plan.dto';
import type { z } from 'zod';

export const NO_PLAN_YET = 'no responder has published its plan yet (is the responder running?)';

/**
 * An admin's edit of the plan becomes a `plan.edits` message; the responder decides, and the
 * outcome shows in the published plan (by requestId). Checked here first with the same
 * validation as `vigil plan validate`, so a bad edit is answered at once with every error
 * by line and field and is never sent; an edit started from an older version gets a 409.
 */
@Injectable()
export class RequestPlanEditUseCase {
  private readonly logger = createLogger('api');

  constructor(
    private readonly plans: PlanReader,
    private readonly producer: MessageProducer,
    private readonly clock: Clock,
  ) {}

  async execute(body: PlanEditBody, actor: Principal): Promise<{ status: 'sent' | 'unchanged'; requestId?: string }> {
    const parsed = parsePlan(body.text, 'plan.yaml');
    if (!parsed.ok) {
      this.logger.info({ actor: actor.name, errors: parsed.errors.length }, 'plan edit refused by validation; not sent');
      const answer: z.infer<typeof PlanInvalid> = { statusCode: 400, error: 'Bad Request', message: 'the plan is invalid; nothing was changed', errors: parsed.errors };
      throw new BadRequestException(answer);
    }
    const published = await this.plans.get();
    if (!published) throw new ServiceUnavailableException(NO_PLAN_YET);
    if (body.baseHash !== published.hash) {
      const answer: z.infer<typeof PlanChanged> = { statusCode: 409, error: 'Conflict', message: `the plan changed since this edit began (now version ${published.version}); open it again and redo the edit`, version: published.version, hash: published.hash };
      throw new ConflictException(answer);
    }
    if (planHash(body.text) === published.hash) return { status: 'unchanged' };
    const edit = PlanEdit.parse({ requestId: body.requestId ?? randomUUID(), actor: actor.name, at: this.clock.now().toISOString(), text: body.text, baseHash: body.baseHash });
    await this.producer.send('planEdits', [{ key: 'plan', value: edit }]);
    this.logger.info({ requestId: edit.requestId, actor: actor.name, baseVersion: published.version }, 'plan edit sent');
    return { status: 'sent', requestId: edit.requestId };
  }
}
