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
  allowedHosts: ReadonlySet<string>;
}
export const WEBHOOK_OPTIONS = Symbol('WEBHOOK_OPTIONS');

export const PLAN_WATCH_MS = Symbol('PLAN_WATCH_MS');
