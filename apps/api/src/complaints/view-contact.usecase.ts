import { randomUUID } from 'node:crypto';
import { ForbiddenException, Inject, Injectable, NotFoundException, Optional, ServiceUnavailableException } from '@nestjs/common';
import { Clock, createLogger, DataKeyError, type DataKeyRing } from '@vigil/common';
import { ContactDetails, type ContactView } from '@vigil/contracts';
import { rolesOf } from '@vigil/plan';
import { TicketsReader } from '@vigil/search';
import type { Principal } from '../auth/roles';
import { PlanInForce } from '../plan/plan-in-force';
import { ContactViewsRepository } from './contact-views.repository';

export const API_DATA_KEYS = Symbol('API_DATA_KEYS');

/**
 * Opens a complainant's sealed contact for a person the plan allows (a member of
 * `privacy.contactRoles`, or an assignee of the ticket when `contactAssignees`). Every attempt is
 * recorded first, shown or denied; if the record cannot be written, nothing is shown.
 */
@Injectable()
export class ViewContactUseCase {
  private readonly logger = createLogger('api');

  constructor(
    private readonly tickets: TicketsReader,
    private readonly views: ContactViewsRepository,
    private readonly plans: PlanInForce,
    private readonly clock: Clock,
    @Optional() @Inject(API_DATA_KEYS) private readonly ring?: DataKeyRing,
  ) {}

  async execute(ticketId: string, who: Principal, reason: string | undefined): Promise<ContactDetails & { viewedAt: string }> {
    const [ticket, sealed, plan] = await Promise.all([this.tickets.find(ticketId), this.tickets.sealedContact(ticketId), this.plans.current()]);
    if (!ticket) throw new NotFoundException(`no ticket ${ticketId}`);
    if (!sealed) throw new NotFoundException(`${ticketId} has no complainant contact`);
    const planRoles = who.kind === 'user' ? rolesOf(plan, who.name) : [];
    const byRole = planRoles.find((r) => plan.privacy.contactRoles.includes(r));
    const assigned = plan.privacy.contactAssignees && ticket.assignees.some((a) => a.actor === who.name);
    const basis = byRole ? `role:${byRole}` : assigned ? 'assignee' : 'not allowed';
    const at = this.clock.now().toISOString();
    const view: ContactView = { id: randomUUID(), ticketId, mentionId: sealed.mentionId, actor: who.name, role: who.role, planRoles, outcome: byRole || assigned ? 'shown' : 'denied', basis, fields: sealed.fields, at, ...(reason && { reason }) };
    await this.views.record(view);
    this.logger.info({ ticketId, actor: who.name, outcome: view.outcome, basis }, 'complainant contact requested');
    if (view.outcome === 'denied') {
      const allowed = plan.privacy.contactRoles.join(', ') || 'none';
      throw new ForbiddenException(`the plan lets members of ${allowed}${plan.privacy.contactAssignees ? ' and the ticket\'s assignees' : ''} see a complainant's contact; ${who.name} is neither (this attempt was recorded)`);
    }
    if (!this.ring) throw new ServiceUnavailableException('the api has no data keys (VIGIL_DATA_KEYS) to open the contact');
    try {
      return { ...ContactDetails.parse(this.ring.open(sealed.box, `contact:${sealed.mentionId}`)), viewedAt: at };
    } catch (e) {
      if (e instanceof DataKeyError) throw new ServiceUnavailableException(e.message);
      throw e;
    }
  }
}
