import { z } from 'zod';
import { AllowListSetting, BaseConfig, loadConfig, SmtpSettings } from '@vigil/common';

export const ReporterConfig = BaseConfig.extend({
  /** How often the schedule is checked (ms); 0 turns the schedule off (`vigil report` still works). */
  REPORT_TICK_MS: z.coerce.number().int().min(0).default(60_000),
  /** Attempts at one report before it stays failed (with its error) until made by hand. */
  REPORT_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(20).default(3),
  /** Wait before retrying a failed report; doubles with each attempt. */
  REPORT_RETRY_MINUTES: z.coerce.number().min(0).default(5),
  /** A report claimed longer ago than this by a reporter that died is taken over. */
  REPORT_STALE_MINUTES: z.coerce.number().min(1).default(15),
  REPORT_RENDER_TIMEOUT_MS: z.coerce.number().int().min(1000).default(60_000),
  CHROMIUM_PATH: z.string().default('/usr/bin/chromium'),
  /** Where people open the dashboard; links in e-mails and webhooks point there. */
  REPORT_LINK_BASE: z.url().default('http://127.0.0.1:8080'),
  /**
   * The SMTP server, the same SMTP_* settings (and defaults) the responder's e-mail channels use,
   * so one server configuration serves notifications and reports. Unset SMTP_HOST: reports are
   * not e-mailed (the archive says so).
   */
  ...SmtpSettings,
  /** Hosts report webhooks may reach on a private address (host names or addresses, comma-separated). */
  REPORT_WEBHOOK_ALLOW_HOSTS: AllowListSetting,
  REPORT_WEBHOOK_TIMEOUT_MS: z.coerce.number().int().min(100).default(10_000),
});
export type ReporterConfig = z.infer<typeof ReporterConfig>;
export const loadReporterConfig = (env = process.env) => loadConfig(ReporterConfig, env);
