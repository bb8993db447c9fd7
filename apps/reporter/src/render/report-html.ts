import { ALL_WATCHES, SEVERITY_LEVELS, SlaTarget, type KpiValues } from '@vigil/contracts';
import type { ReportTicket, ReportTicketList } from '@vigil/search';
import { isEmpty, type ReportData } from '../data/report-data';
import { esc } from './html';
import { fill, REPORT_MESSAGES, type ReportMessages } from './report-messages';
import { REPORT_CSS } from './report-style';
import { barChart } from './svg-charts';

/** The report's title: kind, watch and period, in its language. */
export function reportTitle(d: Pick<ReportData, 'kind' | 'watch' | 'language' | 'label'>): string {
  const m = REPORT_MESSAGES[d.language];
  return `${m.kind[d.kind]} · ${d.watch === ALL_WATCHES ? m.allWatches : d.watch} · ${d.label}`;
}

type Row = (string | number)[];
const table = (head: string[], rows: Row[], cls = '') =>
  `<table class="${cls}"><thead><tr>${head.map((h) => `<th>${esc(h)}</th>`).join('')}</tr></thead><tbody>${rows.map((r) => `<tr>${r.map((c) => `<td${typeof c === 'number' ? ' class="num"' : ''}>${esc(c)}</td>`).join('')}</tr>`).join('')}</tbody></table>`;
const section = (id: string, title: string, body: string) => `<section id="${id}"><h2>${esc(title)}</h2>${body}</section>`;
const pct = (v: number | null) => (v === null ? '—' : `${Math.round(v * 1000) / 10}%`);

/**
 * A report as one self-contained HTML page (styles inline, charts as SVG, no script, no
 * external resource), which Chromium prints to PDF as it is. Every value from posts and
 * people is escaped.
 */
export function renderReportHtml(d: ReportData): string {
  const m = REPORT_MESSAGES[d.language];
  const local = (iso: string, withTime = false) =>
    new Date(iso).toLocaleString(d.language, { timeZone: d.period.timeZone, year: 'numeric', month: '2-digit', day: '2-digit', ...(withTime ? { hour: '2-digit', minute: '2-digit', hour12: false } : {}) });
  const prevLabel = `${local(d.kpis.previous.from)} – ${local(new Date(Date.parse(d.kpis.previous.to) - 1).toISOString())}`;
  const head = [
    `<header><h1>${esc(reportTitle(d))}</h1>`,
    `<dl><dt>${esc(m.watch)}</dt><dd>${esc(d.watch === ALL_WATCHES ? m.allWatches : d.watch)}</dd>`,
    `<dt>${esc(m.period)}</dt><dd>${esc(d.label)} (${esc(d.period.timeZone)})</dd>`,
    `<dt>${esc(m.previous)}</dt><dd>${esc(prevLabel)}</dd>`,
    `<dt>${esc(m.generated)}</dt><dd>${esc(local(d.generatedAt, true))}</dd>`,
    `<dt>${esc(m.plan)}</dt><dd>${esc(d.planName)}</dd></dl></header>`,
  ].join('');
  const body = isEmpty(d)
    ? `<p class="empty" data-empty="true">${esc(m.empty)}</p>${section('backlog', m.sections.backlog, backlog(d, m))}`
    : [
        section('kpis', m.sections.kpis, kpiTable(d, m)),
        d.kind === 'daily' ? section('opened', m.sections.opened, ticketTable(d.opened, m, local)) : '',
        section('trends', m.sections.trends, trends(d, m)),
        section('sla', m.sections.sla, slaTable(d, m)),
        section('top', m.sections.top, topIncidents(d, m, local)),
        section('breaches', m.sections.breaches, ticketTable(d.breached, m, local, true)),
        section('hotspots', m.sections.hotspots, hotSpots(d, m)),
        section('satisfaction', m.sections.satisfaction, satisfaction(d, m)),
        section('root-causes', m.sections.rootCauses, rootCauses(d, m)),
        section('lessons', m.sections.lessons, lessons(d.lessons, m)),
        section('backlog', m.sections.backlog, backlog(d, m)),
        section('definitions', m.sections.definitions, `<dl class="defs">${Object.entries(m.def).map(([k, v]) => `<dt>${esc(m.kpi[k as keyof ReportMessages['kpi']])}</dt><dd>${esc(v)}</dd>`).join('')}</dl>`),
      ].join('');
  return `<!doctype html><html lang="${esc(d.language)}"><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:"><title>${esc(reportTitle(d))}</title><style>${REPORT_CSS}</style></head><body>${head}${body}<footer>${esc(m.footer)}</footer></body></html>`;
}

function kpiTable(d: ReportData, m: ReportMessages): string {
  const c = d.kpis.current;
  const p = d.kpis.previousValues;
  const times = (v: KpiValues['handling']) => (v.p50 === null ? '—' : `${m.minutes(v.p50)} / ${m.minutes(v.p90 ?? v.p50)}`);
  const ratio = (r: { count: number; of: number; rate: number | null }) => `${pct(r.rate)} (${r.count}/${r.of})`;
  const change = (now: number | null, before: number | null, rate = false) =>
    now === null || before === null ? '—' : rate ? `${now >= before ? '+' : ''}${Math.round((now - before) * 1000) / 10} pp` : before === 0 ? (now === 0 ? '0' : '+') : `${now >= before ? '+' : ''}${Math.round(((now - before) / before) * 100)}%`;
  const rows: Row[] = [
    [m.kpi.volume, c.volume, p.volume, change(c.volume, p.volume)],
    [m.kpi.acknowledge, times(c.acknowledge), times(p.acknowledge), change(c.acknowledge.p50, p.acknowledge.p50)],
    [m.kpi.firstResponse, times(c.firstResponse), times(p.firstResponse), change(c.firstResponse.p50, p.firstResponse.p50)],
    [m.kpi.handling, times(c.handling), times(p.handling), change(c.handling.p50, p.handling.p50)],
    [m.kpi.sla, ratio(c.sla), ratio(p.sla), change(c.sla.rate, p.sla.rate, true)],
    [m.kpi.fcr, ratio(c.fcr), ratio(p.fcr), change(c.fcr.rate, p.fcr.rate, true)],
    [m.kpi.csat, ratio(c.csat), ratio(p.csat), change(c.csat.rate, p.csat.rate, true)],
    [m.kpi.repeat, ratio(c.repeat), ratio(p.repeat), change(c.repeat.rate, p.repeat.rate, true)],
    [m.kpi.reopen, ratio(c.reopen), ratio(p.reopen), change(c.reopen.rate, p.reopen.rate, true)],
    [m.kpi.escalations, ratio(c.escalations), ratio(p.escalations), change(c.escalations.rate, p.escalations.rate, true)],
  ];
  return table([m.col.figure, m.col.now, m.col.before, m.col.change], rows, 'kpis');
}

function trends(d: ReportData, m: ReportMessages): string {
  const labels = d.kpis.trend.map((t) => t.key.slice(5, 10));
  const tickets = barChart(labels, [{ values: d.kpis.trend.map((t) => t.volume), colour: '#5b8def' }, { values: d.kpis.previousTrend.map((t) => t.volume), colour: '#c0c4cc' }], { caption: `${m.ticketsTrend} (${m.col.now} / ${m.col.before})` });
  const posts = barChart(
    d.mentionTrend.map((t) => t.key.slice(5, 10)),
    [
      { values: d.mentionTrend.map((t) => t.total), colour: '#a0a7b4' },
      { values: d.mentionTrend.map((t) => t.negative), colour: '#e05252' },
    ],
    { caption: m.postsTrend },
  );
  return tickets + posts;
}

function slaTable(d: ReportData, m: ReportMessages): string {
  const rows = SEVERITY_LEVELS.flatMap((level) =>
    SlaTarget.options.flatMap((target) => {
      const cell = d.kpis.sla.find((c) => c.level === level && c.target === target);
      if (!cell || cell.met + cell.breached + cell.pending === 0) return [];
      return [[m.level[level], m.target[target], cell.met, cell.breached, cell.pending, pct(cell.rate)] as Row];
    }),
  );
  return rows.length ? table([m.col.level, m.col.target, m.col.met, m.col.breached, m.col.pending, m.col.rate], rows) : `<p>${esc(m.none)}</p>`;
}

function more(list: { total: number }, shown: number, m: ReportMessages): string {
  return list.total > shown ? `<p class="more">${esc(fill(m.more, { n: list.total - shown, total: list.total }))}</p>` : '';
}

function ticketTable(list: ReportTicketList, m: ReportMessages, local: (iso: string, t?: boolean) => string, withTargets = false): string {
  if (!list.tickets.length) return `<p>${esc(m.none)}</p>`;
  const breached = (t: ReportTicket) =>
    SlaTarget.options
      .filter((x) => t.analytics?.sla[x] === 'breached')
      .map((x) => m.target[x])
      .join(', ');
  const rows = list.tickets.map((t) => [t.id, t.title, m.level[t.level], m.state[t.state], local(t.openedAt, true), ...(withTargets ? [breached(t)] : [])] as Row);
  return table([m.col.ticket, m.col.title, m.col.level, m.col.state, m.col.opened, ...(withTargets ? [m.col.breached] : [])], rows) + more(list, list.tickets.length, m);
}

function topIncidents(d: ReportData, m: ReportMessages, local: (iso: string, t?: boolean) => string): string {
  if (!d.top.items.length) return `<p>${esc(m.none)}</p>`;
  const items = d.top.items.map((t) => {
    const steps = t.events.map((e) => `<li><span class="when">${esc(local(e.at, true))}</span> ${esc(m.event[e.type] ?? e.type)}${e.type === 'transitioned' && typeof e.after?.state === 'string' ? ` → ${esc(m.state[e.after.state as keyof ReportMessages['state']] ?? e.after.state)}` : ''}${e.type === 'resolved' && typeof e.after?.rootCause === 'string' ? ` (${esc(m.col.rootCause)}: ${esc(m.rootCauseKind[e.after.rootCause] ?? e.after.rootCause)})` : ''}${e.note ? ` <span class="note">${esc(e.note.slice(0, 140))}</span>` : ''}</li>`).join('');
    const figures = [
      t.analytics?.handlingMinutes !== undefined ? `${m.handlingShort}: ${m.minutes(t.analytics.handlingMinutes)}` : '',
      t.satisfaction ? `${m.col.score}: ${t.satisfaction.score}` : '',
    ].filter(Boolean);
    const review = t.review ? `<p class="review"><b>${esc(m.col.review)}:</b> ${esc(t.review.rootCause)}${t.review.lessons ? ` — ${esc(t.review.lessons)}` : ''}</p>` : '';
    return `<article class="incident"><h3>${esc(t.id)} · ${esc(t.title)}</h3><p class="facts">${esc(m.col.peak)}: ${esc(m.level[t.peakLevel])} · ${esc(m.col.state)}: ${esc(m.state[t.state])} · ${esc(m.col.opened)}: ${esc(local(t.openedAt, true))}${figures.length ? ` · ${esc(figures.join(' · '))}` : ''}</p><ol class="steps">${steps}</ol>${review}</article>`;
  });
  return items.join('') + more(d.top, d.top.items.length, m);
}

function hotSpots(d: ReportData, m: ReportMessages): string {
  const regions = (list: ReportData['mentions']['regions']['zh'], caption: string) =>
    list.length ? `<h3>${esc(caption)}</h3>${table([m.col.region, m.col.count, ''], list.slice(0, 10).map((r) => [r.name, r.count, r.parts.slice(0, 5).map((p) => `${p.name} ${p.count}`).join(', ')]))}` : '';
  const words = d.mentions.hotWords.length ? `<h3>${esc(m.col.word)}</h3>${table([m.col.word, m.col.now, m.col.before], d.mentions.hotWords.slice(0, 15).map((w) => [w.term, w.count, w.previous]))}` : '';
  const categories = d.kpis.groups.length ? `<h3>${esc(m.col.category)}</h3>${table([m.col.category, m.col.tickets], d.kpis.groups.slice(0, 10).map((g) => [g.key, g.values.volume]))}` : '';
  const body = regions(d.mentions.regions.zh, m.placesZh) + regions(d.mentions.regions.en, m.placesEn) + words + categories;
  return body || `<p>${esc(m.none)}</p>`;
}

function satisfaction(d: ReportData, m: ReportMessages): string {
  const c = d.kpis.current.csat;
  if (!c.of) return `<p>${esc(m.none)}</p>`;
  return `<p class="big">${esc(pct(c.rate))} <small>(${c.count}/${c.of}, ${esc(fill(m.avg, { v: c.average?.toFixed(2) ?? '—' }))})</small></p>${table([m.col.score, m.col.count], ['5', '4', '3', '2', '1'].map((s) => [s, d.scores[s] ?? 0]))}`;
}

/** Tickets resolved in the period by the root cause chosen when resolving, beside the period before. */
function rootCauses(d: ReportData, m: ReportMessages): string {
  const rows = d.kpis.rootCauses.filter((r) => r.count || r.previous);
  if (!rows.length) return `<p>${esc(m.none)}</p>`;
  const total = rows.reduce((s, r) => s + r.count, 0);
  const share = (n: number) => (total ? `${Math.round((n / total) * 1000) / 10}%` : '—');
  const names = rows.map((r) => m.rootCauseKind[r.key] ?? r.key);
  const chart = barChart(names, [{ values: rows.map((r) => r.count), colour: '#5b8def' }, { values: rows.map((r) => r.previous), colour: '#c0c4cc' }], { caption: `${m.col.rootCause} (${m.col.now} / ${m.col.before})` });
  const body = table([m.col.rootCause, m.col.now, '%', m.col.before], rows.map((r, i) => [names[i], r.count, share(r.count), r.previous] as Row), 'root-causes');
  return `${chart}${body}<p class="note">${esc(m.rootCausesNote)}</p>`;
}

function lessons(list: ReportTicketList, m: ReportMessages): string {
  if (!list.tickets.length) return `<p>${esc(m.none)}</p>`;
  // The kind chosen when it was resolved (偶发/流程/系统/产品/第三方) before the review's own words.
  const cause = (t: ReportTicket) => [t.resolution ? m.rootCauseKind[t.resolution.rootCause] ?? t.resolution.rootCause : '', t.review?.rootCause ?? ''].filter(Boolean).join(' · ');
  const rows = list.tickets.map((t) => [t.id, t.review?.category ?? '', cause(t), t.review?.lessons ?? '', (t.review?.actionsTaken ?? []).join('；')] as Row);
  return table([m.col.ticket, m.col.category, m.col.rootCause, m.col.lessons, m.col.actions], rows, 'lessons') + more(list, list.tickets.length, m);
}

function backlog(d: ReportData, m: ReportMessages): string {
  const rows = d.kpis.backlog.buckets.map((b) => [m.backlog[b.bucket], ...SEVERITY_LEVELS.map((l) => b.perLevel[l] ?? 0), b.total] as Row);
  const total = d.kpis.backlog.buckets.reduce((s, b) => s + b.total, 0);
  return `<p>${esc(m.kpi.backlog)}: <b>${total}</b></p>${table([m.col.age, ...SEVERITY_LEVELS.map((l) => m.level[l]), m.col.total], rows)}`;
}
