import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { NestFactory } from '@nestjs/core';
import { ALL_WATCHES, ReportKind, ReportLanguage } from '@vigil/contracts';
import { latestDue, periodBetween } from '@vigil/plan';
import { GenerateReportUseCase, loadReporterConfig, PlanSource, ReporterModule } from '@vigil/reporter';
import { SearchClient } from '@vigil/search';

export interface ReportOptions {
  watch?: string;
  from?: string;
  to?: string;
  lang?: string;
  out?: string;
  deliver?: boolean;
}

/**
 * `vigil report daily|weekly|monthly [--watch X] [--from D --to D] [--lang zh-CN|en] [--out dir] [--deliver]`:
 * makes one report now with the reporter's own use case (archived as the schedule would archive
 * it, replacing one of the same period), and writes its HTML and PDF to --out. Without dates,
 * the latest period due by the plan's calendar. Exit code 1 when it failed (the archive keeps why).
 */
export async function runReport(kindArg: string, o: ReportOptions, out: (s: string) => void = (s) => process.stdout.write(s), env = process.env): Promise<number> {
  const kind = ReportKind.safeParse(kindArg);
  if (!kind.success) return usage(out, `unknown report "${kindArg}": daily, weekly or monthly`);
  if (!!o.from !== !!o.to) return usage(out, '--from and --to go together (local dates, both inclusive)');
  const app = await NestFactory.createApplicationContext(ReporterModule.forRoot(loadReporterConfig(env), { schedule: false }), { logger: false });
  try {
    await app.get(SearchClient).ensureIndices();
    const plan = await app.get(PlanSource).current();
    if (!plan) return usage(out, 'no plan published yet: the responder publishes the plan it runs when it starts (vigil start)');
    const language = ReportLanguage.safeParse(o.lang ?? plan.reports.languages[0]);
    if (!language.success) return usage(out, `unknown language "${o.lang}": zh-CN or en`);
    let period;
    try {
      period = o.from && o.to ? periodBetween(plan, kind.data, o.from, o.to) : latestDue({ ...plan, reports: { ...plan.reports, [kind.data]: { ...plan.reports[kind.data], enabled: true } } }, kind.data, new Date());
    } catch (e) {
      return usage(out, (e as Error).message);
    }
    if (!period) return usage(out, 'no period: give --from and --to');
    const r = await app.get(GenerateReportUseCase).execute(plan, { kind: kind.data, watch: o.watch ?? ALL_WATCHES, language: language.data, period, requestedBy: `cli:${os.userInfo().username}`, force: true, deliver: o.deliver ?? false });
    if (r.status === 'skipped') {
      out(`vigil report: ${r.id} not made: ${r.reason}\n`);
      return 1;
    }
    out(`${r.meta.id}\n${r.meta.title}\n`);
    if (r.status === 'failed') {
      out(`failed (attempt ${r.meta.attempts}): ${r.error}\n`);
      return 1;
    }
    const h = r.meta.headline;
    out(r.meta.empty ? 'no tickets and no posts in this period: an empty report\n' : `tickets ${h?.tickets ?? 0}, posts ${h?.mentions ?? 0} (negative ${h?.negative ?? 0}), SLA breaches ${h?.breaches ?? 0}\n`);
    out(`PDF ${r.pdf.length} bytes, archived as ${r.meta.id}\n`);
    for (const d of r.meta.deliveries) out(`${d.channel} ${d.target}: ${d.ok ? 'sent' : `not sent (${d.error})`}\n`);
    if (o.out) {
      fs.mkdirSync(o.out, { recursive: true });
      const base = path.join(o.out, r.meta.id.replace(/[^\w.-]+/g, '_'));
      fs.writeFileSync(`${base}.html`, r.html);
      fs.writeFileSync(`${base}.pdf`, r.pdf);
      out(`${base}.html\n${base}.pdf\n`);
    }
    return 0;
  } finally {
    await app.close();
  }
}

function usage(out: (s: string) => void, message: string): number {
  out(`vigil report: ${message}\n`);
  return 2;
}
