import { Inject, Injectable } from '@nestjs/common';
import { createLogger } from '@vigil/common';
import type { ReportDelivery, ReportMeta } from '@vigil/contracts';
import type { Plan } from '@vigil/plan';
import { REPORTER_CONFIG, type ReporterConfig } from '../reporter.tokens';
import { ReportMailer } from './report-mailer';
import { ReportWebhookClient } from './report-webhook.client';

/**
 * Sends a finished report to the roles the plan names for its kind: an e-mail with the PDF to
 * their contacts' addresses, and a JSON notice with the links to every report webhook. Each
 * attempt is recorded (the archive shows who got it and what failed); a failed delivery does
 * not make the report fail.
 */
@Injectable()
export class DeliverReportUseCase {
  private readonly logger = createLogger('reporter');

  constructor(
    private readonly mailer: ReportMailer,
    private readonly webhooks: ReportWebhookClient,
    @Inject(REPORTER_CONFIG) private readonly config: ReporterConfig,
  ) {}

  async execute(plan: Plan, meta: ReportMeta, pdf: Buffer, now: () => Date): Promise<ReportDelivery[]> {
    const out: ReportDelivery[] = [];
    const roles = plan.reports[meta.kind].roles.filter((r) => plan.roles[r]);
    const emails = [...new Set(roles.flatMap((r) => plan.roles[r]!.contacts.flatMap((c) => (c.email ? [c.email] : []))))];
    const links = {
      pdf: `${this.config.REPORT_LINK_BASE}/api/reports/${encodeURIComponent(meta.id)}/pdf`,
      html: `${this.config.REPORT_LINK_BASE}/api/reports/${encodeURIComponent(meta.id)}/html`,
      archive: `${this.config.REPORT_LINK_BASE}/#/reports`,
    };
    if (emails.length) {
      if (!this.mailer.configured) {
        out.push({ channel: 'email', target: emails.join(', '), ok: false, at: now().toISOString(), error: 'SMTP_HOST is not set: not e-mailed' });
      } else {
        try {
          await this.mailer.send({ to: emails, subject: meta.title, text: mailText(meta, links), pdf: { filename: `${meta.id.replace(/[^\w.-]+/g, '_')}.pdf`, content: pdf } });
          for (const e of emails) out.push({ channel: 'email', target: e, ok: true, at: now().toISOString() });
        } catch (e) {
          out.push({ channel: 'email', target: emails.join(', '), ok: false, at: now().toISOString(), error: (e as Error).message });
        }
      }
    }
    const notice = {
      type: 'vigil.report',
      id: meta.id,
      kind: meta.kind,
      watch: meta.watch,
      language: meta.language,
      period: { from: meta.from, to: meta.to, label: meta.label },
      title: meta.title,
      empty: meta.empty ?? false,
      headline: meta.headline,
      links,
      roles: roles.map((r) => ({ id: r, nameZh: plan.roles[r]!.nameZh, nameEn: plan.roles[r]!.nameEn, chat: plan.roles[r]!.contacts.flatMap((c) => (c.chat ? [c.chat] : [])) })),
    };
    for (const hook of plan.reports.webhooks) {
      try {
        await this.webhooks.post(hook.url, hook.headers, notice, `${meta.id}:${meta.renderedAt ?? ''}`);
        out.push({ channel: 'webhook', target: hook.id, ok: true, at: now().toISOString() });
      } catch (e) {
        out.push({ channel: 'webhook', target: hook.id, ok: false, at: now().toISOString(), error: (e as Error).message });
      }
    }
    this.logger.info({ reportId: meta.id, deliveries: out.map((d) => `${d.channel}:${d.target}:${d.ok ? 'ok' : 'failed'}`) }, 'report delivered');
    return out;
  }
}

function mailText(meta: ReportMeta, links: { pdf: string; archive: string }): string {
  const h = meta.headline;
  const pct = (v: number | null | undefined) => (v === null || v === undefined ? '—' : `${Math.round(v * 1000) / 10}%`);
  const lines = [meta.title, ''];
  if (meta.empty) lines.push(meta.language === 'en' ? 'No tickets and no posts in this period.' : '本期间没有工单，也没有帖子。');
  else if (h)
    lines.push(
      meta.language === 'en'
        ? `Tickets opened: ${h.tickets} · posts: ${h.mentions} (negative ${h.negative}) · SLA attainment: ${pct(h.slaRate)} · CSAT: ${pct(h.csat)} · SLA breaches: ${h.breaches}`
        : `新开工单：${h.tickets} · 帖子：${h.mentions}（负面 ${h.negative}）· 时效达成率：${pct(h.slaRate)} · 满意度：${pct(h.csat)} · 超时工单：${h.breaches}`,
    );
  lines.push('', meta.language === 'en' ? 'The report is attached as PDF; the archive:' : '报告 PDF 见附件；报告归档：', links.archive);
  return lines.join('\n');
}
