import { SEVERITY_LABEL_ZH, severityRank, type Alert, type Ticket } from '@vigil/contracts';
import type { Plan } from './plan.schema';

/**
 * Webhook payload templates: `{{ticket.id}}` placeholders filled with JSON-escaped
 * values. Deliberately no expressions, helpers or loops — a plan file must never be
 * able to run code, and escaping keeps a hostile post title from breaking the JSON.
 */

export const TEMPLATE_FIELDS = [
  'plan.name',
  'ticket.id',
  'ticket.title',
  'ticket.level',
  'ticket.levelZh',
  'ticket.levelEn',
  'ticket.state',
  'ticket.incidentKey',
  'ticket.openedAt',
  'ticket.assignees',
  'alert.id',
  'alert.type',
  'alert.title',
  'alert.detail',
  'alert.at',
  'alert.notify',
  'alert.deadline',
] as const;
export type TemplateField = (typeof TEMPLATE_FIELDS)[number];
export type TemplateValues = Partial<Record<TemplateField, string | number>>;

const PLACEHOLDER = /\{\{\s*([a-zA-Z0-9_.]+)\s*\}\}/g;

export function templatePlaceholders(template: string): string[] {
  return [...template.matchAll(PLACEHOLDER)].map((m) => m[1]);
}

/** Escapes a value for the inside of a JSON string literal (the quotes are the template's). */
export function jsonEscape(value: string): string {
  return JSON.stringify(value)
    .slice(1, -1)
    // Chat tools render HTML/markdown; escaping these keeps the text inert there too.
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026');
}

/** Unknown or missing placeholders render as empty text: parsePlan already rejected unknown names. */
export function renderTemplate(template: string, values: Record<string, string | number | undefined>): string {
  return template.replace(PLACEHOLDER, (_, name: string) => {
    const v = values[name];
    return v === undefined ? '' : jsonEscape(String(v));
  });
}

/** The alert fields a message reads (an alert, or the copy a notification record keeps). */
export type AlertFacts = Pick<Alert, 'alertId' | 'level' | 'title' | 'detail' | 'at' | 'notify' | 'deadline'> & { type: string };

export function templateValues(plan: Plan, ticket: Ticket, alert: AlertFacts): TemplateValues {
  return {
    'plan.name': plan.name,
    'ticket.id': ticket.id,
    'ticket.title': ticket.title,
    'ticket.level': ticket.level,
    'ticket.levelZh': SEVERITY_LABEL_ZH[ticket.level],
    'ticket.levelEn': plan.levels[ticket.level].nameEn,
    'ticket.state': ticket.state,
    'ticket.incidentKey': ticket.incidentKey,
    'ticket.openedAt': ticket.openedAt,
    'ticket.assignees': ticket.assignees.map((a) => a.actor).join(', '),
    'alert.id': alert.alertId,
    'alert.type': alert.type,
    'alert.title': alert.title,
    'alert.detail': alert.detail ?? '',
    'alert.at': alert.at,
    'alert.notify': alert.notify.map((r) => plan.roles[r]?.nameZh ?? r).join('、'),
    'alert.deadline': alert.deadline ?? '',
  };
}

export interface WebhookRequest {
  webhookId: string;
  url: string;
  method: 'POST' | 'PUT';
  headers: Record<string, string>;
  body: string;
  /** Pass as an idempotency key so a re-sent alert is not delivered twice. */
  dedupId: string;
}

/** The requests an alert produces; sending them (and masking PII per plan.privacy) is the responder's job. */
export function buildWebhookRequests(plan: Plan, ticket: Ticket, alert: AlertFacts): WebhookRequest[] {
  const values = templateValues(plan, ticket, alert);
  return plan.notifications.webhooks
    .filter((w) => (w.on as readonly string[]).includes(alert.type) && severityRank(alert.level) >= severityRank(w.minLevel))
    .map((w) => ({
      webhookId: w.id,
      url: w.url,
      method: w.method,
      headers: { 'content-type': 'application/json', ...w.headers },
      body: renderTemplate(w.body, values),
      dedupId: `${alert.alertId}:${w.id}`,
    }));
}

/** Renders with awkward sample values: a template that is not valid JSON afterwards is a plan error. */
export function checkTemplateRendersJson(template: string): string | undefined {
  const sample = Object.fromEntries(TEMPLATE_FIELDS.map((f) => [f, `x"\\\n<${f}>`]));
  try {
    JSON.parse(renderTemplate(template, sample));
    return undefined;
  } catch (e) {
    return `body is not valid JSON after rendering: ${(e as Error).message}`;
  }
}
