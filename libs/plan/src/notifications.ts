import { NOTIFICATION_CAP, severityRank, type Alert, type NotificationRecord, type NotifiedAlert, type Ticket, type TicketChange } from '@vigil/contracts';
import type { Plan } from './plan.schema';
import { startDraft } from './ticket-draft';

export const SYSTEM_NOTIFIER = 'system:notifier';

/**
 * Who an alert pages: the roles it names, through each role's channels (one message per channel,
 * mentioning every paged role's contacts there), plus the plan's generic webhooks. Records already
 * on the ticket are not planned again, so a re-sent alert pages nobody twice.
 */
export function planNotifications(plan: Plan, ticket: Ticket, alerts: readonly Alert[], now: Date): NotificationRecord[] {
  const out: NotificationRecord[] = [];
  const known = new Set(ticket.notifications.map((n) => n.id));
  const add = (alert: Alert, channelId: string, channelType: NotificationRecord['channelType'], roles: string[], recipients: number) => {
    const id = `${alert.alertId}:${channelId}`;
    if (known.has(id)) return;
    known.add(id);
    out.push({ id, alertId: alert.alertId, channelId, channelType, roles, recipients, status: 'pending', attempts: 0, createdAt: now.toISOString(), alert: notified(alert) });
  };
  for (const alert of alerts) {
    for (const c of plan.notifications.channels) {
      if (severityRank(alert.level) < severityRank(c.minLevel) || (c.on && !c.on.includes(alert.type))) continue;
      const roles = alert.notify.filter((r) => plan.roles[r]?.channels.includes(c.id));
      if (!roles.length) continue;
      add(alert, c.id, c.type, roles, recipientsOf(plan, c.type, roles).length);
    }
    for (const w of plan.notifications.webhooks) {
      if (!w.on.includes(alert.type) || severityRank(alert.level) < severityRank(w.minLevel)) continue;
      add(alert, w.id, 'webhook', [], 0);
    }
  }
  return out;
}

/** The contacts a channel reaches for these roles: e-mail addresses, or chat handles and phones to mention. */
export function recipientsOf(plan: Plan, type: NotificationRecord['channelType'], roles: readonly string[]): { name: string; email?: string; phone?: string; chat: string[] }[] {
  const seen = new Set<string>();
  const out: { name: string; email?: string; phone?: string; chat: string[] }[] = [];
  for (const r of roles) {
    for (const c of plan.roles[r]?.contacts ?? []) {
      const chat = (c.chat ?? '').split(/[,\s]+/).filter((h) => h.startsWith(`${type}:`)).map((h) => h.slice(type.length + 1));
      const reachable = type === 'email' ? !!c.email : chat.length > 0 || ((type === 'wecom' || type === 'dingtalk') && !!c.phone);
      const key = `${c.name}|${c.email ?? ''}|${c.phone ?? ''}`;
      if (!reachable || seen.has(key)) continue;
      seen.add(key);
      out.push({ name: c.name, ...(c.email && { email: c.email }), ...(c.phone && { phone: c.phone }), chat });
    }
  }
  return out;
}

function notified(a: Alert): NotifiedAlert {
  return { alertId: a.alertId, type: a.type, level: a.level, title: a.title, ...(a.detail !== undefined && { detail: a.detail }), at: a.at, notify: a.notify, ...(a.deadline && { deadline: a.deadline }) };
}

/** Adds newly planned records, dropping the oldest settled ones past the cap. */
export function withNotifications(ticket: Ticket, planned: readonly NotificationRecord[]): Ticket {
  if (!planned.length) return ticket;
  let all = [...ticket.notifications, ...planned];
  while (all.length > NOTIFICATION_CAP) {
    const i = all.findIndex((n) => n.status === 'sent' || n.status === 'failed');
    all = i >= 0 ? [...all.slice(0, i), ...all.slice(i + 1)] : all.slice(1);
  }
  return { ...ticket, notifications: all };
}

/** Records to send now: pending and due, or claimed by a responder whose lease ran out. */
export function dueNotifications(ticket: Ticket, now: Date): NotificationRecord[] {
  const t = now.getTime();
  return ticket.notifications.filter(
    (n) => (n.status === 'pending' && (!n.nextAttemptAt || Date.parse(n.nextAttemptAt) <= t)) || (n.status === 'sending' && n.leaseUntil !== undefined && Date.parse(n.leaseUntil) <= t),
  );
}

export const hasPendingNotifications = (t: Ticket): boolean => t.notifications.some((n) => n.status === 'pending' || n.status === 'sending');

/** Claims records for one sender (no event: nothing happened yet); written with the ticket's version, so only one claimant wins. */
export function claimNotifications(ticket: Ticket, ids: readonly string[], now: Date, leaseMs: number): TicketChange {
  const lease = new Date(now.getTime() + leaseMs).toISOString();
  const set = new Set(ids);
  const notifications = ticket.notifications.map((n) => (set.has(n.id) ? { ...n, status: 'sending' as const, attempts: n.attempts + 1, leaseUntil: lease } : n));
  return { ticket: { ...ticket, notifications }, events: [], alerts: [] };
}

export interface DeliveryResult {
  id: string;
  ok: boolean;
  code?: number;
  error?: string;
  /** False when trying again cannot help (a 4xx, a refused address, a bad recipient). */
  retryable: boolean;
}

/**
 * The outcome of one attempt per record, on the ticket and its timeline: sent, failed for good, or
 * failed and due again after `retryDelay(attempts)` until `maxAttempts` is spent.
 */
export function recordDeliveries(ticket: Ticket, results: readonly DeliveryResult[], now: Date, policy: { maxAttempts: number; retryDelay: (attempt: number) => number }): TicketChange {
  const d = startDraft(ticket, now);
  for (const r of results) {
    const n = d.t.notifications.find((x) => x.id === r.id);
    // Settled meanwhile by another sender: its result stands.
    if (!n || n.status !== 'sending') continue;
    const base = { notificationId: n.id, channelId: n.channelId, channelType: n.channelType, roles: n.roles, attempts: n.attempts, ...(r.code !== undefined && { code: r.code }) };
    let next: NotificationRecord;
    if (r.ok) {
      next = { ...n, status: 'sent', sentAt: d.iso, leaseUntil: undefined, lastError: undefined, ...(r.code !== undefined && { lastCode: r.code }) };
      d.event('notification_sent', SYSTEM_NOTIFIER, { after: base, note: `${n.alert.type} → ${n.channelId}` });
    } else {
      const again = r.retryable && n.attempts < policy.maxAttempts;
      const retryAt = again ? new Date(now.getTime() + policy.retryDelay(n.attempts)).toISOString() : undefined;
      next = { ...n, status: again ? 'pending' : 'failed', leaseUntil: undefined, nextAttemptAt: retryAt, lastError: (r.error ?? 'failed').slice(0, 500), ...(r.code !== undefined && { lastCode: r.code }) };
      d.event('notification_failed', SYSTEM_NOTIFIER, { after: { ...base, ...(retryAt ? { retryAt } : { final: true }) }, note: `${n.alert.type} → ${n.channelId}: ${next.lastError}` });
    }
    d.t.notifications = d.t.notifications.map((x) => (x.id === n.id ? next : x));
  }
  return { ticket: d.t, events: d.events, alerts: d.alerts };
}
