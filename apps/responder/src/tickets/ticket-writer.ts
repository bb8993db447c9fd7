import { Inject, Injectable } from '@nestjs/common';
import type { TicketChange, TicketEvent } from '@vigil/contracts';
import { createLogger } from '@vigil/common';
import { MessageProducer } from '@vigil/kafka';
import { hasPendingNotifications, incidentOutcomeOf, planNotifications, recordAnalytics, withAlertWatches, withNotifications, withTicketChanges } from '@vigil/plan';
import { PlanStore } from '../plan/plan.store';
import { PrivacyMasker } from '../privacy/privacy-masker';
import { WEBHOOK_OPTIONS, type WebhookOptions } from '../responder.tokens';
import { TicketsRepository, type StoredTicket } from './tickets.repository';

/**
 * The one way a ticket changes: write the ticket together with its events and alerts
 * (an outbox on the same document, so the write is atomic) and the notifications its alerts
 * call for, then store the events as the audit trail, publish them and the alerts, clear the
 * outbox and hand the ticket to the notifier.
 * A crash in between leaves the outbox pending; the next reader of the ticket (or the
 * ticker) publishes it again. Delivery is at least once and in order per ticket: consumers
 * drop an event whose `seq` they have seen and an alert whose `alertId` they have seen.
 */
@Injectable()
export class TicketWriter {
  private readonly logger = createLogger('responder');
  private readonly notifyListeners: ((ticketId: string) => void)[] = [];

  constructor(
    private readonly tickets: TicketsRepository,
    private readonly producer: MessageProducer,
    private readonly plans: PlanStore,
    private readonly privacy: PrivacyMasker,
    @Inject(WEBHOOK_OPTIONS) private readonly notify: WebhookOptions,
  ) {}

  /** The notifier listens here (it commits through this writer, so it cannot be injected into it). */
  onNotificationsPlanned(listener: (ticketId: string) => void): void {
    this.notifyListeners.push(listener);
  }

  /** Undefined when someone else wrote the ticket since `expected` was read: re-read and decide again. */
  async commit(change: TicketChange, expected: StoredTicket | undefined): Promise<StoredTicket | undefined> {
    // Personal data people type into a ticket is masked before it is stored or published (plan.privacy).
    const safe = this.privacy.change(change);
    // Replays of history page nobody (WEBHOOKS_ENABLED=false).
    const planned = this.notify.enabled === false ? [] : planNotifications(this.plans.plan, safe.ticket, safe.alerts, new Date(safe.ticket.updatedAt));
    // Every write keeps the ticket's analytics figures (durations, SLA outcomes) as they happen, so reports only aggregate.
    const ticket = recordAnalytics(this.plans.plan, expected?.ticket, withNotifications(safe.ticket, planned));
    // The last event says what this write changed, so live dashboards update without reading the ticket.
    const events = withTicketChanges(safe.events, expected?.ticket, ticket);
    // Alerts say which watches (brands) the ticket is about, for a dashboard that shows several.
    const alerts = withAlertWatches(safe.alerts, ticket);
    // The team's judgement (real incident / false alarm) goes to the detector, whose baselines learn nothing from a real incident's hours.
    const outcome = incidentOutcomeOf(expected?.ticket, ticket);
    const stored = await this.tickets.write(ticket, { events, alerts, ...(outcome && { outcomes: [outcome] }) }, expected);
    if (stored) await this.flush(stored);
    if (stored && hasPendingNotifications(stored.ticket) && planned.length) for (const l of this.notifyListeners) l(stored.ticket.id);
    return stored;
  }

  /** Loads a ticket for a change, publishing first what an interrupted earlier change left behind. */
  async load(id: string): Promise<StoredTicket | undefined> {
    const stored = await this.tickets.get(id);
    if (!stored?.outbox) return stored;
    await this.flush(stored);
    return (await this.tickets.get(id)) ?? stored;
  }

  async flush(stored: StoredTicket): Promise<void> {
    const { events = [], alerts = [], outcomes = [] } = stored.outbox ?? {};
    if (!events.length && !alerts.length && !outcomes.length) return;
    const key = stored.ticket.id;
    // The audit trail keeps what happened; the changed fields are for live readers only.
    await this.tickets.saveEvents(events.map(({ changes: _changes, ...e }) => e));
    await this.producer.send('ticketEvents', events.map((e) => ({ key, value: e })));
    await this.producer.send('alerts', alerts.map((a) => ({ key, value: a })));
    if (outcomes.length) await this.producer.send('incidentOutcomes', outcomes.map((o) => ({ key, value: o })));
    await this.tickets.clearOutbox(stored);
    this.logger.info({ ticketId: key, seq: stored.ticket.seq, events: events.map((e) => e.type), alerts: alerts.map((a) => a.alertId), ...(outcomes.length && { outcome: outcomes[0]!.outcome }) }, 'ticket changed');
  }

  /** An action that was refused: no ticket change, but the api must be able to show why. */
  async publishRejection(event: TicketEvent): Promise<void> {
    await this.tickets.saveEvents([event]);
    await this.producer.send('ticketEvents', [{ key: event.ticketId, value: event }]);
  }
}
