import { z } from 'zod';
import { SeverityLevel } from './severity';

/**
 * A notification a ticket's alert caused on one channel (issue #16): kept on the ticket with its
 * delivery result, so paging is durable (retried after a crash by the responder's clock) and
 * visible on the timeline. Id `${alertId}:${channelId}`: the same alert never pages a channel twice.
 */
export const NotifyChannelType = z.enum(['webhook', 'wecom', 'dingtalk', 'feishu', 'slack', 'email']);
export type NotifyChannelType = z.infer<typeof NotifyChannelType>;

/** What the message says: the alert as it was (declared here, not imported: alerts import tickets). */
export const NotifiedAlert = z.object({
  alertId: z.string(),
  type: z.string(),
  level: SeverityLevel,
  title: z.string(),
  detail: z.string().optional(),
  at: z.iso.datetime({ offset: true }),
  notify: z.array(z.string()),
  deadline: z.iso.datetime({ offset: true }).optional(),
});
export type NotifiedAlert = z.infer<typeof NotifiedAlert>;

export const NotificationStatus = z.enum(['pending', 'sending', 'sent', 'failed']);
export type NotificationStatus = z.infer<typeof NotificationStatus>;

export const NotificationRecord = z.object({
  id: z.string(),
  alertId: z.string(),
  channelId: z.string(),
  channelType: NotifyChannelType,
  /** The plan roles paged through this channel (empty for a plan webhook). */
  roles: z.array(z.string()),
  /** People addressed (e-mail recipients, chat mentions); their addresses are not kept here. */
  recipients: z.number().int().nonnegative(),
  status: NotificationStatus,
  attempts: z.number().int().nonnegative(),
  createdAt: z.iso.datetime({ offset: true }),
  /** Pending: not before this time (back-off after a failure). */
  nextAttemptAt: z.iso.datetime({ offset: true }).optional(),
  /** Sending: claimed by a responder until this time; a crash lets it lapse and the clock retries. */
  leaseUntil: z.iso.datetime({ offset: true }).optional(),
  sentAt: z.iso.datetime({ offset: true }).optional(),
  lastError: z.string().max(500).optional(),
  /** HTTP status or SMTP reply code of the last attempt. */
  lastCode: z.number().int().optional(),
  alert: NotifiedAlert,
});
export type NotificationRecord = z.infer<typeof NotificationRecord>;

export const NOTIFICATION_CAP = 100;
