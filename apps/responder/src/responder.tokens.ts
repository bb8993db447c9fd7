import type { AllowList, Resolver } from '@vigil/common';

export interface ResponderOptions {
  signalsGroup: string;
  actionsGroup: string;
  planGroup: string;
  tickMs: number;
}
export const RESPONDER_OPTIONS = Symbol('RESPONDER_OPTIONS');

export interface WebhookOptions {
  /** False in replays of history: nobody should be paged about last March. */
  enabled?: boolean;
  timeoutMs: number;
  maxAttempts: number;
  /** Private `host:port`s webhooks may reach (WEBHOOK_ALLOW_HOSTS). */
  allowedHosts: AllowList;
  /** Name resolution; the system's unless a test brings its own. */
  resolve?: Resolver;
}
export const WEBHOOK_OPTIONS = Symbol('WEBHOOK_OPTIONS');

export interface SmtpOptions {
  host?: string;
  port: number;
  secure: boolean;
  startTls: boolean;
  user?: string;
  password?: string;
  from: string;
  timeoutMs: number;
}
export const SMTP_OPTIONS = Symbol('SMTP_OPTIONS');

export interface NotifyOptions {
  /** Channel id → signing secret (DingTalk, Feishu). */
  secrets: ReadonlyMap<string, string>;
  dashboardUrl?: string;
  maxAttempts: number;
  retryBaseMs: number;
  /** How long a claim on a notification lasts before another sender may retry it. */
  leaseMs: number;
}
export const NOTIFY_OPTIONS = Symbol('NOTIFY_OPTIONS');

export const PLAN_WATCH_MS = Symbol('PLAN_WATCH_MS');
