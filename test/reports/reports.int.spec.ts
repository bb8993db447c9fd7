// Real parts: Elasticsearch, the reporter module (its schedule, archive and use cases), Debian's
// Chromium printing the PDFs (playwright-core), poppler's pdftotext reading them back, a local
// SMTP server (smtp-server) and a local webhook receiver, and the api serving the archive. A
// week of tickets and posts is seeded as the responder and the indexer write them
// (test/support/analytics-seed.ts); the figures expected below are worked out from those stories.
import fs from 'node:fs';
import path from 'node:path';
import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '@vigil/common';
import type { ReportMeta } from '@vigil/contracts';
import { parsePlan, periodBetween, planHash, type Plan } from '@vigil/plan';
import { SearchClient } from '@vigil/search';
import { GenerateReportUseCase, loadReporterConfig, MakeDueReportsUseCase, PlanSource, ReporterModule } from '@vigil/reporter';
import { seedStories, seedStoryMentions, storyMentions, weekOfStories } from '../support/analytics-seed';
import { startApi, type ApiKit } from '../support/api-kit';
import { TestFeedServer } from '../support/feed-server';
import { pdfText } from '../support/pdf-text';
import { runReport } from '../../apps/cli/src/report/report.command';
import { seedPlan } from '../support/plan-factory';
import { DEFAULT_PLAN_TEXT, defaultPlan } from '../support/plan-fixtures';
import { SmtpSink } from '../support/smtp-sink';
import { testEnv } from '../support/test-env';

/** Monday 9 March 2026, 00:00 in Shanghai: the seeded week is 2–8 March. */
const WEEK_END = Date.parse('2026-03-09T00:00:00+08:00');
const sh = (local: string) => new Date(`${local}+08:00`);

/** The default plan with its reports section replaced, as the responder would publish it. */
function planWithReports(hookUrl: string, reports: string): { text: string; plan: Plan } {
  const text = DEFAULT_PLAN_TEXT.slice(0, DEFAULT_PLAN_TEXT.indexOf('\nreports:')) + `\nreports:\n${reports.replace('HOOK', hookUrl)}`;
  const r = parsePlan(text, 'plan.yaml');
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return { text, plan: r.plan };
}

describe('reports: a week made into HTML and PDF, archived, delivered, retried', () => {
  const hooks = new TestFeedServer();
  const smtp = new SmtpSink();
  const notices: unknown[] = [];
  // Kept for people to look at, beside the browser tests' screenshots.
  const out = path.resolve(__dirname, '..', 'artifacts', 'reports');
  let env: NodeJS.ProcessEnv;
  let app: INestApplicationContext;
  let plan: Plan;
  const clock = new ManualClock(sh('2026-03-09T10:00:00'));

  const writePdf = (name: string, pdf: Buffer) => {
    const file = path.join(out, `${name}.pdf`);
    fs.writeFileSync(file, pdf);
    return pdfText(file);
  };

  beforeAll(async () => {
    fs.mkdirSync(out, { recursive: true });
    await hooks.start();
    hooks.routes.set('/hook/report', (req, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        notices.push(JSON.parse(body));
        res.writeHead(200).end('{}');
      });
    });
    await smtp.start();
    const edited = planWithReports(
      `${hooks.url}/hook/report`,
      [
        '  daily:   { enabled: false }',
        '  weekly:  { at: "09:30", roles: [cs_lead, pr_spokesperson] }',
        '  monthly: { enabled: false }',
        '  languages: [zh-CN]',
        '  webhooks: [{ id: ops-room, url: "HOOK" }]',
      ].join('\n'),
    );
    env = testEnv({ SMTP_HOST: '127.0.0.1', SMTP_PORT: String(smtp.port), SMTP_STARTTLS: 'false', SMTP_FROM: 'vigil@test.local', REPORT_WEBHOOK_ALLOW_HOSTS: `127.0.0.1:${new URL(hooks.url).port}`, REPORT_TICK_MS: '0', REPORT_LINK_BASE: 'http://vigil.test' });
    app = await NestFactory.createApplicationContext(ReporterModule.forRoot(loadReporterConfig(env), { clock }), { logger: false });
    await app.init();
    const search = app.get(SearchClient);
    await seedPlan(search, { text: edited.text, hash: planHash(edited.text), plan: edited.plan as unknown as Record<string, unknown> });
    await seedStories(search, defaultPlan(), weekOfStories(WEEK_END));
    await seedStoryMentions(search, storyMentions(WEEK_END, 14, 8));
    plan = (await app.get(PlanSource).current())!;
    expect(plan.reports.weekly.roles).toEqual(['cs_lead', 'pr_spokesperson']);
  }, 180_000);

  afterAll(async () => {
    await app?.close();
    await hooks.stop();
    await smtp.stop();
  });

  it('the weekly report in Chinese: the week beside the week before, incidents and their handling, breaches, lessons; HTML and PDF', async () => {
    const r = await app.get(GenerateReportUseCase).execute(plan, { kind: 'weekly', watch: '_all', language: 'zh-CN', period: periodBetween(plan, 'weekly', '2026-03-02', '2026-03-08'), requestedBy: 'test' });
    if (r.status !== 'done') throw new Error(JSON.stringify(r));
    expect(r.meta).toMatchObject({ id: 'weekly:_all:2026-03-02:2026-03-08:zh-CN', status: 'done', attempts: 1, empty: false, headline: { tickets: 12, breaches: 3, slaRate: 0.8519, csat: 0.6667 } });
    expect(r.html).toContain('<h1>周报 · 全部监测方案 · 2026-03-02 – 2026-03-08</h1>');
    expect(r.pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const text = writePdf('weekly-zh', r.pdf);
    // Key figures: this week, the week before, the change.
    expect(text).toMatch(/新开工单\s+12\s+4\s+\+200%/);
    expect(text).toMatch(/时效达成率\s+85\.2% \(23\/27\)\s+83\.3% \(10\/12\)\s+\+1\.9 pp/);
    expect(text).toMatch(/一次性解决率\s+71\.4% \(5\/7\)/);
    expect(text).toMatch(/满意度（4–5 分占比）\s+66\.7% \(4\/6\)/);
    expect(text).toMatch(/重复投诉率\s+8\.3% \(1\/12\)/);
    // The most serious incident first, with how it was handled and its review.
    expect(text.indexOf('CR-2026-000104 · 骑手态度恶劣被投诉至媒体')).toBeGreaterThan(text.indexOf('重点事件及处置'));
    expect(text).toContain('媒体问询统一由公关回复');
    // The tickets that breached an SLA target, and the lessons of the reviews.
    for (const id of ['CR-2026-000103', 'CR-2026-000108', 'CR-2026-000110']) expect(text.slice(text.indexOf('超时工单'))).toContain(id);
    expect(text).toContain('午高峰运力预案需要提前到 11 点启动');
    expect(text).toContain('平均分 3.83');
    // Hot spots: Guangdong's cities, the week's words.
    expect(text).toMatch(/广东\s+\d+\s+深圳 \d+, 广州 \d+/);
  });

  it('was delivered: an e-mail with the PDF to the roles’ contacts, a notice to the webhook with the links and the roles', async () => {
    const meta = (await app.get(SearchClient).es.get<ReportMeta>({ index: app.get(SearchClient).names.reports, id: 'weekly:_all:2026-03-02:2026-03-08:zh-CN', _source_excludes: ['html', 'pdf'] }))._source!;
    expect(meta.deliveries.map((d) => [d.channel, d.target, d.ok])).toEqual([
      ['email', 'cs-lead@example.com', true],
      ['email', 'pr@example.com', true],
      ['webhook', 'ops-room', true],
    ]);
    expect(smtp.mails).toHaveLength(1);
    expect(smtp.mails[0].to.sort()).toEqual(['cs-lead@example.com', 'pr@example.com']);
    expect(smtp.mails[0].raw).toMatch(/Content-Type: application\/pdf/);
    expect(notices).toEqual([
      expect.objectContaining({
        type: 'vigil.report',
        id: 'weekly:_all:2026-03-02:2026-03-08:zh-CN',
        links: expect.objectContaining({ pdf: 'http://vigil.test/api/reports/weekly%3A_all%3A2026-03-02%3A2026-03-08%3Azh-CN/pdf' }),
        roles: [expect.objectContaining({ id: 'cs_lead', nameZh: '客服主管' }), expect.objectContaining({ id: 'pr_spokesperson' })],
      }),
    ]);
  });

  it('in English for one watch', async () => {
    const r = await app.get(GenerateReportUseCase).execute(plan, { kind: 'weekly', watch: 'freshdash', language: 'en', period: periodBetween(plan, 'weekly', '2026-03-02', '2026-03-08'), requestedBy: 'test', deliver: false });
    if (r.status !== 'done') throw new Error(JSON.stringify(r));
    const text = writePdf('weekly-en', r.pdf);
    expect(text).toContain('Weekly report · freshdash · 2026-03-02 – 2026-03-08');
    expect(text).toMatch(/Tickets opened\s+12\s+4\s+\+200%/);
    expect(text).toMatch(/SLA attainment\s+85\.2% \(23\/27\)/);
  });

  it('a period with no data gives an empty report that says so', async () => {
    const r = await app.get(GenerateReportUseCase).execute(plan, { kind: 'weekly', watch: '_all', language: 'zh-CN', period: periodBetween(plan, 'weekly', '2025-01-06', '2025-01-12'), requestedBy: 'test', deliver: false });
    if (r.status !== 'done') throw new Error(JSON.stringify(r));
    expect(r.meta.empty).toBe(true);
    expect(writePdf('empty', r.pdf)).toContain('没有可报告的数据');
  });

  it('a failed render is kept with its error and retried by the schedule when its time comes', async () => {
    const broken = await NestFactory.createApplicationContext(ReporterModule.forRoot(loadReporterConfig({ ...env, CHROMIUM_PATH: '/nonexistent/chromium' }), { clock }), { logger: false });
    await broken.init();
    const first = await broken.get(MakeDueReportsUseCase).execute();
    await broken.close();
    // The week's report for every watch with posts or tickets, and for all of them together: the made one is skipped.
    const failed = first.filter((x) => x.status === 'failed');
    expect(failed.map((x) => x.status === 'failed' && x.meta.id)).toEqual(['weekly:freshdash:2026-03-02:2026-03-08:zh-CN']);
    const id = 'weekly:freshdash:2026-03-02:2026-03-08:zh-CN';
    const search = app.get(SearchClient);
    const stored = async () => (await search.es.get<ReportMeta>({ index: search.names.reports, id, _source_excludes: ['html', 'pdf'] }))._source!;
    expect(await stored()).toMatchObject({ status: 'failed', attempts: 1, nextAttemptAt: sh('2026-03-09T10:05:00').toISOString() });
    expect((await stored()).error).toMatch(/chromium/i);
    // Not before its time; then made.
    expect((await app.get(MakeDueReportsUseCase).execute()).map((x) => x.status)).toEqual(['skipped', 'skipped']);
    clock.set(sh('2026-03-09T10:06:00'));
    const retried = await app.get(MakeDueReportsUseCase).execute();
    expect(retried.map((x) => x.status)).toEqual(['skipped', 'done']);
    expect(await stored()).toMatchObject({ status: 'done', attempts: 2 });
  });

  it('vigil report makes one by hand, writes its files, and refuses bad arguments', async () => {
    const lines: string[] = [];
    const say = (x: string) => lines.push(x);
    const dir = path.join(out, 'cli');
    const code = await runReport('weekly', { watch: 'freshdash', from: '2026-03-02', to: '2026-03-08', lang: 'en', out: dir }, say, env);
    expect(code).toBe(0);
    expect(lines.join('')).toContain('weekly:freshdash:2026-03-02:2026-03-08:en');
    expect(lines.join('')).toMatch(/tickets 12, posts \d+/);
    expect(pdfText(path.join(dir, 'weekly_freshdash_2026-03-02_2026-03-08_en.pdf'))).toContain('Weekly report · freshdash');
    expect(fs.readFileSync(path.join(dir, 'weekly_freshdash_2026-03-02_2026-03-08_en.html'), 'utf8')).toContain('<h1>Weekly report');
    expect(await runReport('yearly', {}, say, env)).toBe(2);
    expect(await runReport('weekly', { from: '2026-03-02' }, say, env)).toBe(2);
    expect(await runReport('weekly', { from: '2026-03-08', to: '2026-03-02' }, say, env)).toBe(2);
    expect(await runReport('weekly', { from: '2026-03-02', to: '2026-03-08', lang: 'fr' }, say, env)).toBe(2);
    expect(lines.join('')).toMatch(/unknown report "yearly"[\s\S]*--from and --to go together[\s\S]*is before --from[\s\S]*unknown language "fr"/);
  });

  it('the api lists the archive and serves the files', async () => {
    let api: ApiKit | undefined;
    try {
      api = await startApi({ ...env, VIGIL_ADMIN_PASSWORD: 'admin-password-1', API_JWT_SECRET: 'r'.repeat(40) });
      const token = await api.login('admin', 'admin-password-1');
      const auth = { headers: { authorization: `Bearer ${token}` } };
      const list = (await (await fetch(`${api.base}/api/reports?kind=weekly`, auth)).json()) as { total: number; reports: ReportMeta[] };
      expect(list.reports.map((x) => [x.id, x.status])).toEqual(
        expect.arrayContaining([
          ['weekly:_all:2026-03-02:2026-03-08:zh-CN', 'done'],
          ['weekly:freshdash:2026-03-02:2026-03-08:en', 'done'],
          ['weekly:freshdash:2026-03-02:2026-03-08:zh-CN', 'done'],
          ['weekly:_all:2025-01-06:2025-01-12:zh-CN', 'done'],
        ]),
      );
      const id = encodeURIComponent('weekly:_all:2026-03-02:2026-03-08:zh-CN');
      const pdf = await fetch(`${api.base}/api/reports/${id}/pdf`, auth);
      expect(pdf.headers.get('content-type')).toBe('application/pdf');
      expect(Buffer.from(await pdf.arrayBuffer()).subarray(0, 5).toString()).toBe('%PDF-');
      const html = await fetch(`${api.base}/api/reports/${id}/html`, auth);
      expect(html.headers.get('content-security-policy')).toMatch(/sandbox/);
      expect(await html.text()).toContain('周报');
      expect((await fetch(`${api.base}/api/reports/${encodeURIComponent('weekly:none:2026-01-01:2026-01-07:en')}/pdf`, auth)).status).toBe(404);
      expect((await fetch(`${api.base}/api/reports/bad id/pdf`, auth)).status).toBe(400);
    } finally {
      await api?.close();
    }
  });
});
