import { Injectable } from '@nestjs/common';
import type { Alert, TicketChange } from '@vigil/contracts';
import { DEFAULT_ORDER_PATTERNS, findOrderIds, maskPii, type PiiKind } from '@vigil/analysis';
import type { Plan } from '@vigil/plan';
import { createLogger } from '@vigil/common';
import { PlanStore } from '../plan/plan.store';

type Surface = Plan['privacy']['maskIn'][number];
type PlanPiiKind = Plan['privacy']['mask'][number];

/** The kinds Vigil can find in free text; names, addresses, bank cards and plates it cannot. */
const TEXT_KINDS: Partial<Record<PlanPiiKind, PiiKind>> = { phone: 'phone', id_card: 'id_card', email: 'email' };
const DETECTABLE = new Set<PlanPiiKind>(['phone', 'id_card', 'email', 'order_id']);

/**
 * Masks personal data in what people write into tickets (comments, reviews, satisfaction
 * notes) and in what leaves the responder (alerts, webhooks), on the surfaces and for the
 * kinds the plan's `privacy` section names. Posts are already masked by the processor; this
 * covers the text responders type, which can carry a customer's phone or order number.
 */
@Injectable()
export class PrivacyMasker {
  private readonly logger = createLogger('responder');
  private warnedFor?: Plan;

  constructor(private readonly plans: PlanStore) {}

  text(s: string, surface: Surface): string {
    const { privacy } = this.plans.plan;
    if (!privacy.maskIn.includes(surface)) return s;
    this.warnUndetectable();
    const kinds = new Set(privacy.mask.map((k) => TEXT_KINDS[k]).filter((k): k is PiiKind => k !== undefined));
    let out = kinds.size ? maskPii(s, kinds).masked : s;
    if (privacy.mask.includes('order_id')) {
      // Keep the first and last two characters so a responder can still tell orders apart.
      for (const sp of findOrderIds(out, DEFAULT_ORDER_PATTERNS).spans) {
        const id = out.slice(sp.start, sp.end);
        const masked = id.length <= 4 ? '*'.repeat(id.length) : id.slice(0, 2) + '*'.repeat(id.length - 4) + id.slice(-2);
        out = out.slice(0, sp.start) + masked + out.slice(sp.end);
      }
    }
    return out;
  }

  /** Every string inside a value (notes, before/after, reviews). */
  deep<T>(v: T, surface: Surface): T {
    if (typeof v === 'string') return this.text(v, surface) as T;
    if (Array.isArray(v)) return v.map((x) => this.deep(x, surface)) as T;
    if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, this.deep(x, surface)])) as T;
    return v;
  }

  /** A ticket change as it may be stored and published. */
  change(c: TicketChange): TicketChange {
    const t = { ...c.ticket };
    if (t.review) t.review = this.deep(t.review, 'tickets');
    if (t.satisfaction) t.satisfaction = this.deep(t.satisfaction, 'tickets');
    // The follow-up's comment and a promise's wording are typed by people too.
    if (t.followUp?.comment) t.followUp = { ...t.followUp, comment: this.text(t.followUp.comment, 'tickets') };
    if (t.promise?.text) t.promise = { ...t.promise, text: this.text(t.promise.text, 'tickets') };
    return {
      ticket: t,
      events: c.events.map((e) => ({
        ...e,
        ...(e.note !== undefined && { note: this.text(e.note, 'tickets') }),
        ...(e.before && { before: this.deep(e.before, 'tickets') }),
        ...(e.after && { after: this.deep(e.after, 'tickets') }),
      })),
      alerts: c.alerts.map((a): Alert => ({ ...a, title: this.text(a.title, 'alerts'), ...(a.detail !== undefined && { detail: this.text(a.detail, 'alerts') }) })),
    };
  }

  private warnUndetectable(): void {
    const plan = this.plans.plan;
    if (this.warnedFor === plan) return;
    this.warnedFor = plan;
    const unknown = plan.privacy.mask.filter((k) => !DETECTABLE.has(k));
    if (unknown.length) this.logger.warn({ kinds: unknown }, 'the plan asks to mask kinds Vigil cannot find in free text; they are not masked');
  }
}
