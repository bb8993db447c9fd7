import { Injectable, NotFoundException } from '@nestjs/common';
import { fillPlaceholders, holdsAny, placeholderValues, rankKnowledge } from '@vigil/plan';
import { TicketsReader } from '@vigil/search';
import type { Principal } from '../auth/roles';
import { PlanInForce } from '../plan/plan-in-force';
import { KnowledgeRepository } from './knowledge.repository';
import type { Suggestions, SuggestQuery } from './knowledge.dto';

/**
 * The entries a ticket is offered (its categories and level), best first, each previewed with the
 * ticket's facts filled in for the person asking. Filling happens here, not in the browser, so what
 * a draft may show is decided in one place (the masked name, never the sealed contact).
 */
@Injectable()
export class SuggestKnowledgeUseCase {
  constructor(
    private readonly repo: KnowledgeRepository,
    private readonly tickets: TicketsReader,
    private readonly plans: PlanInForce,
  ) {}

  async execute(q: SuggestQuery, p: Principal): Promise<Suggestions> {
    const t = await this.tickets.find(q.ticket);
    if (!t) throw new NotFoundException(`no ticket ${q.ticket}`);
    const [{ entries }, usage, plan] = await Promise.all([this.repo.list(), this.repo.usage(), this.plans.current()]);
    const categories = t.analytics?.categories ?? [];
    const ranked = rankKnowledge(entries, { categories, level: t.level, kind: q.kind, q: q.q, lang: q.lang }, usage);
    const approver = holdsAny(plan, p.name, plan.authority.approverRoles);
    return {
      ticketId: t.id,
      categories,
      level: t.level,
      suggestions: ranked.slice(0, 20).map((entry) => {
        const values = placeholderValues(t, { agent: p.name, lang: q.lang, timeZone: plan.calendar.timeZone, amount: entry.remedy?.amount, currency: entry.remedy?.currency });
        const title = fillPlaceholders(entry.title[q.lang], values);
        const text = fillPlaceholders(entry.text[q.lang], values);
        const over = entry.authority === 'lead' || (entry.remedy?.amount ?? 0) > plan.authority.frontlineMoneyLimit;
        return { entry, usage: usage[entry.id] ?? 0, filled: { title: title.text, text: text.text, missing: [...new Set([...title.missing, ...text.missing])] }, needsApproval: entry.kind === 'remedy' && over && !approver };
      }),
    };
  }
}
