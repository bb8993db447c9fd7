import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { AllowListSetting, BaseConfig, loadConfig, SmtpSettings } from '@vigil/common';

/** The bundled plan, found from the source tree and from `dist/` alike. */
function defaultPlanFile(): string {
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'libs/plan/default-plan.yaml');
    if (fs.existsSync(candidate)) return candidate;
    if (path.dirname(dir) === dir) return path.resolve(__dirname, '../../../libs/plan/default-plan.yaml');
  }
}

export const ResponderConfig = BaseConfig.extend({
  /** The contingency plan (YAML). Validated at start; watched and reloaded when it changes. */
  PLAN_FILE: z.string().default(defaultPlanFile()),
  /** How often the plan file's modification time and the published plan are checked; 0 turns both off (edits from the dashboard still apply). */
  PLAN_WATCH_MS: z.coerce.number().int().nonnegative().default(2_000),
  RESPONDER_SIGNALS_GROUP: z.string().default('vigil-responder-signals'),
  RESPONDER_ACTIONS_GROUP: z.string().default('vigil-responder-actions'),
  RESPONDER_PLAN_GROUP: z.string().default('vigil-responder-plan'),
  /** SLA / escalation clock period; 0 turns the automatic ticker off (tests tick by hand). */
  RESPONDER_TICK_MS: z.coerce.number().int().nonnegative().default(15_000),
  /** `false` sends no webhooks (replays of history set it); they are logged as skipped. */
  WEBHOOKS_ENABLED: z.enum(['true', 'false']).default('true').transform((v) => v === 'true'),
  WEBHOOK_TIMEOUT_MS: z.coerce.number().int().positive().default(5_000),
  WEBHOOK_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(20).default(5),
  /** `host:port`s webhooks may reach although they are private or loopback (e.g. an intranet chat bot). */
  WEBHOOK_ALLOW_HOSTS: AllowListSetting,
  /** First retry of a failed notification after about this long, doubling up to 30 minutes. */
  NOTIFY_RETRY_BASE_MS: z.coerce.number().int().positive().default(30_000),
  /** `channelId=secret,…`: signing secrets of the plan's DingTalk and Feishu channels. */
  NOTIFY_SECRETS: z
    .string()
    .default('')
    .transform((s, ctx) => {
      const pairs = s.split(',').map((p) => p.trim()).filter(Boolean);
      const out = new Map<string, string>();
      for (const [i, p] of pairs.entries()) {
        const m = /^([a-z][a-z0-9_-]*)=(.+)$/.exec(p);
        if (!m) ctx.addIssue({ code: 'custom', message: `entry ${i + 1} is not channelId=secret` });
        else out.set(m[1]!, m[2]!);
      }
      return out;
    }),
  /** The dashboard's address, for links in notifications. */
  DASHBOARD_URL: z.url().optional(),
  /** The SMTP server e-mail channels send through; unset: e-mail notifications fail (and are recorded so). */
  ...SmtpSettings,
});
export type ResponderConfig = z.infer<typeof ResponderConfig>;
export const loadResponderConfig = (env = process.env) => loadConfig(ResponderConfig, env);
