import { createHmac } from 'node:crypto';
import { SEVERITY_LABEL_ZH, type NotificationRecord, type Ticket } from '@vigil/contracts';
import type { Plan } from './plan.schema';
import { recipientsOf } from './notifications';
import { buildWebhookRequests } from './templates';

export type OutgoingMessage =
  | { kind: 'http'; url: string; method: 'POST' | 'PUT'; headers: Record<string, string>; body: string; idempotencyKey: string; format: NotificationRecord['channelType'] }
  | { kind: 'email'; to: string[]; subject: string; text: string; messageId: string };

export interface RenderOptions {
  now: Date;
  /** Signing secret of the channel (DingTalk, Feishu), from the responder's NOTIFY_SECRETS. */
  secret?: string;
  /** Where people open the ticket (the dashboard's address). */
  dashboardUrl?: string;
  /** Masks personal data in the text that leaves (plan.privacy, surface `webhooks`). */
  mask: (text: string) => string;
}

const TYPE_ZH: Record<string, string> = {
  new_ticket: '新工单',
  level_raised: '级别提升',
  sla_warning: '时限预警',
  sla_breached: '超时',
  escalated: '升级',
  cooling: '降温',
  reopened: '重开',
  approval_requested: '待审批',
};

/** The words every channel sends, zh first then en: level, ticket, what happened, who is paged, where to look. */
export function notificationText(plan: Plan, ticket: Ticket, n: NotificationRecord, opts: Pick<RenderOptions, 'dashboardUrl' | 'mask'>): { subject: string; body: string } {
  const a = n.alert;
  const levelZh = SEVERITY_LABEL_ZH[a.level];
  const levelEn = plan.levels[a.level].nameEn;
  const subject = opts.mask(`【${levelZh} ${levelEn}】${ticket.id} ${TYPE_ZH[a.type] ?? a.type} / ${a.type.replace(/_/g, ' ')}: ${ticket.title}`);
  const roles = n.roles.map((r) => `${plan.roles[r]?.nameZh ?? r} / ${plan.roles[r]?.nameEn ?? r}`).join('、');
  const lines = [
    subject,
    a.detail ? opts.mask(a.detail) : undefined,
    a.deadline ? `时限 / due: ${a.deadline}` : undefined,
    roles ? `通知 / paging: ${roles}` : undefined,
    opts.dashboardUrl ? `${opts.dashboardUrl.replace(/\/$/, '')}/#/tickets/${ticket.id}` : undefined,
  ];
  return { subject, body: lines.filter(Boolean).join('\n') };
}

/** The request or e-mail a notification record becomes, in the format of its channel. Undefined when the plan no longer has the channel. */
export function renderNotification(plan: Plan, ticket: Ticket, n: NotificationRecord, opts: RenderOptions): OutgoingMessage | undefined {
  if (n.channelType === 'webhook') {
    const req = buildWebhookRequests(plan, ticket, n.alert).find((r) => r.webhookId === n.channelId);
    return req && { kind: 'http', url: req.url, method: req.method, headers: req.headers, body: opts.mask(req.body), idempotencyKey: n.id, format: 'webhook' };
  }
  const channel = plan.notifications.channels.find((c) => c.id === n.channelId);
  if (!channel) return undefined;
  const people = recipientsOf(plan, channel.type, n.roles);
  const { subject, body } = notificationText(plan, ticket, n, opts);
  if (channel.type === 'email') {
    return { kind: 'email', to: people.flatMap((p) => (p.email ? [p.email] : [])), subject, text: body, messageId: `<${n.id.replace(/[^A-Za-z0-9.-]/g, '.')}@vigil>` };
  }
  const handles = people.flatMap((p) => p.chat);
  const phones = people.flatMap((p) => (p.phone ? [p.phone.replace(/[^\d+]/g, '')] : []));
  const json = (value: unknown) => ({ kind: 'http' as const, url: channel.url!, method: 'POST' as const, headers: { 'content-type': 'application/json' }, body: JSON.stringify(value), idempotencyKey: n.id, format: channel.type });
  switch (channel.type) {
    case 'wecom':
      return json({ msgtype: 'text', text: { content: body, mentioned_list: handles, mentioned_mobile_list: phones } });
    case 'dingtalk': {
      // A mention shows only when the text names it too.
      const content = [body, ...phones.map((p) => `@${p}`), ...handles.map((h) => `@${h}`)].join(' ');
      const msg = json({ msgtype: 'text', text: { content }, at: { atMobiles: phones, atUserIds: handles, isAtAll: false } });
      if (!opts.secret) return msg;
      const ts = String(opts.now.getTime());
      const sign = createHmac('sha256', opts.secret).update(`${ts}\n${opts.secret}`).digest('base64');
      const url = new URL(channel.url!);
      url.searchParams.set('timestamp', ts);
      url.searchParams.set('sign', sign);
      return { ...msg, url: url.toString() };
    }
    case 'feishu': {
      const text = [body, ...handles.map((h) => `<at user_id="${h}"></at>`)].join(' ');
      const signed = opts.secret ? feishuSign(opts.secret, opts.now) : {};
      return json({ ...signed, msg_type: 'text', content: { text } });
    }
    case 'slack':
      return json({ text: [body, ...handles.map((h) => `<@${h}>`)].join(' ') });
  }
}

/** Feishu/Lark: HMAC-SHA256 keyed by `timestamp\nsecret` over nothing, timestamp in seconds, both in the body. */
function feishuSign(secret: string, now: Date): { timestamp: string; sign: string } {
  const timestamp = String(Math.floor(now.getTime() / 1000));
  return { timestamp, sign: createHmac('sha256', `${timestamp}\n${secret}`).update('').digest('base64') };
}

/**
 * Did the chat platform take the message? They answer 200 with an error code in the body
 * (WeCom and DingTalk `errcode`, Feishu `code`/`StatusCode`); Slack answers `ok` or a 4xx.
 */
export function chatAccepted(format: NotificationRecord['channelType'], status: number, body: string): { ok: boolean; error?: string } {
  if (status < 200 || status >= 300) return { ok: false, error: `HTTP ${status}${body ? `: ${body.slice(0, 200)}` : ''}` };
  if (format === 'webhook' || format === 'slack') return { ok: true };
  try {
    const j = JSON.parse(body) as { errcode?: number; errmsg?: string; code?: number; msg?: string; StatusCode?: number; StatusMessage?: string };
    const code = j.errcode ?? j.code ?? j.StatusCode ?? 0;
    return code === 0 ? { ok: true } : { ok: false, error: `${format} error ${code}: ${j.errmsg ?? j.msg ?? j.StatusMessage ?? ''}`.trim() };
  } catch {
    return { ok: false, error: `${format} answered something that is not JSON` };
  }
}
