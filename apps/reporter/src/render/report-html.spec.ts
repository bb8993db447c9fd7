import { describe, expect, it } from 'vitest';
import type { KpiValues, TicketKpiReport } from '@vigil/contracts';
import type { ReportData } from '../data/report-data';
import { renderReportHtml } from './report-html';

const none = { count: 0, p50: null, p90: null };
const zero = { of: 0, count: 0, rate: null };
const values = (volume: number): KpiValues => ({ volume, acknowledge: none, firstResponse: none, handling: none, sla: zero, fcr: zero, reopen: zero, repeat: zero, escalations: { ...zero, steps: 0 }, csat: { ...zero, average: null }, precision: zero });
const XSS = '<img src=x onerror=alert(1)>';

function data(over: Partial<ReportData> = {}, volume = 1): ReportData {
  const kpis: TicketKpiReport = {
    filter: { from: '2026-03-09T16:00:00.000Z', to: '2026-03-10T16:00:00.000Z', tz: 'Asia/Shanghai', watch: [], team: [], level: [], category: [], channel: [], rootCause: [] },
    previous: { from: '2026-03-08T16:00:00.000Z', to: '2026-03-09T16:00:00.000Z' },
    current: values(volume),
    previousValues: values(0),
    interval: 'day',
    trend: [{ key: '2026-03-10T00:00:00.000+08:00', ...values(volume) }],
    previousTrend: [{ key: '2026-03-09T00:00:00.000+08:00', ...values(0) }],
    sla: [],
    backlog: { asOf: '2026-03-11T01:00:00.000Z', buckets: [{ bucket: 'lt1h', total: 1, perLevel: { general: 0, important: 1, urgent: 0, major: 0 } }] },
    groups: [],
    rootCauses: [
      { key: 'incidental', count: 0, previous: 0 },
      { key: 'process', count: 3, previous: 1 },
      { key: 'system', count: 0, previous: 0 },
      { key: 'product', count: 0, previous: 0 },
      { key: 'third_party', count: 1, previous: 0 },
      { key: 'not_recorded', count: 0, previous: 2 },
    ],
  };
  const ticket = { id: 'CR-2026-000001', title: `退款 ${XSS}`, level: 'important' as const, peakLevel: 'important' as const, state: 'open' as const, openedAt: '2026-03-10T02:00:00.000Z', reopenCount: 0, evidence: { signalCount: 1, maxSize: 3 } };
  return {
    kind: 'daily',
    watch: '_all',
    language: 'zh-CN',
    label: '2026-03-10',
    planName: 'plan',
    period: { from: kpis.filter.from, to: kpis.filter.to, timeZone: 'Asia/Shanghai' },
    generatedAt: '2026-03-11T01:00:00.000Z',
    kpis,
    mentions: { filter: { from: kpis.filter.from, to: kpis.filter.to, watch: [], category: [], channel: [] }, mentions: volume ? 3 : 0, negative: 2, places: [], regions: { zh: [], en: [] }, hotWords: [{ term: XSS, count: 2, previous: 0 }], hotWordsSample: { probability: 1, posts: 2 }, ubiquitous: [], shareOfVoice: [] },
    mentionTrend: [],
    top: { total: volume, items: volume ? [{ ...ticket, events: [{ eventId: 'e1', ticketId: ticket.id, seq: 1, type: 'opened', actor: 'system:detector', at: ticket.openedAt, note: XSS }] }] : [] },
    breached: { total: 0, tickets: [] },
    lessons: { total: 0, tickets: [] },
    opened: { total: 51, tickets: volume ? [ticket] : [] },
    scores: { 1: 0, 2: 0, 3: 0, 4: 0, 5: 0 },
    ...over,
  };
}

describe('report HTML', () => {
  it('the daily digest lists the new tickets and says how many more there were', () => {
    const html = renderReportHtml(data());
    expect(html).toContain('<h1>危机日报 · 全部监测方案 · 2026-03-10</h1>');
    expect(html).toContain('<section id="opened"><h2>新开工单</h2>');
    expect(html).toContain('另有 50 条未列出（共 51 条）。');
  });

  it('text from posts and people is escaped everywhere, and the page runs nothing', () => {
    const html = renderReportHtml(data());
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain("default-src 'none'");
  });

  it('the root cause chosen when resolving shows in the handling steps and beside the review in the lessons', () => {
    const d = data();
    const top = d.top.items[0]!;
    const resolved = { ...top, state: 'closed' as const, resolution: { rootCause: 'third_party' as const, note: '支付渠道补发', by: 'agent', at: '2026-03-10T05:00:00.000Z' }, review: { rootCause: '支付渠道接口超时', category: 'refund', actionsTaken: ['补发退款'], lessons: '接口需要监控' } };
    const events = [...top.events, { eventId: 'e2', ticketId: top.id, seq: 2, type: 'resolved' as const, actor: 'agent', at: '2026-03-10T05:00:00.000Z', after: { state: 'resolved', rootCause: 'third_party' } }];
    const html = renderReportHtml({ ...d, top: { total: 1, items: [{ ...resolved, events }] }, lessons: { total: 1, tickets: [resolved] } });
    expect(html).toContain('解决 (根因: 第三方)');
    expect(html).toContain('<td>第三方 · 支付渠道接口超时</td>');
  });

  it('root causes: the kinds with tickets now or before, each with its share of this period', () => {
    const html = renderReportHtml(data());
    const section = html.slice(html.indexOf('<section id="root-causes">'), html.indexOf('<section id="lessons">'));
    expect(section).toContain('<h2>根因分布</h2>');
    expect(section).toContain('<tr><td>流程</td><td class="num">3</td><td>75%</td><td class="num">1</td></tr>');
    expect(section).toContain('<tr><td>第三方</td><td class="num">1</td><td>25%</td><td class="num">0</td></tr>');
    expect(section).toContain('<tr><td>未记录</td><td class="num">0</td><td>0%</td><td class="num">2</td></tr>');
    expect(section).not.toContain('偶发');
    expect(renderReportHtml({ ...data(), language: 'en' })).toContain('<tr><td>third party</td><td class="num">1</td><td>25%</td><td class="num">0</td></tr>');
  });

  it('an empty period says so instead of empty tables', () => {
    const html = renderReportHtml(data({}, 0));
    expect(html).toContain('data-empty="true"');
    expect(html).toContain('没有可报告的数据');
    expect(html).not.toContain('id="kpis"');
  });
});
