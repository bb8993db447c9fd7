import type { Answer } from '../api/http';
import { LEVEL_COLOURS } from '../format';
import type { Table } from './export';
import type { KpiReport } from './kpi-view';

export type Overview = Answer<'get', '/api/analytics/mentions'>;
type T = (key: string, values?: Record<string, unknown>) => string;

/** What a chart panel draws and what its CSV/XLSX exports: the same numbers. */
export interface ChartView {
  option: Record<string, unknown>;
  table: Table;
}

const LEVELS = ['general', 'important', 'urgent', 'major'] as const;
const TARGETS = ['acknowledge', 'firstResponse', 'resolve'] as const;
const SENTIMENT = { negative: '#e05252', neutral: '#a0a7b4', positive: '#3aa55d' };
const pct = (v: number | null) => (v === null ? null : Math.round(v * 1000) / 10);

/** Bucket labels: a day or a week as its first date, a month as year-month (in the bucket's own offset). */
export function bucketLabel(key: string, interval: string): string {
  const local = key.slice(0, 10);
  return interval === 'month' ? local.slice(0, 7) : local.slice(5);
}

const base = { animation: false, tooltip: { trigger: 'axis' }, legend: { top: 0 }, grid: { left: 48, right: 16, top: 32, bottom: 28 } };

export function volumeChart(r: KpiReport, t: T): ChartView {
  const labels = r.trend.map((p) => bucketLabel(p.key, r.interval));
  const previous = r.trend.map((_, i) => r.previousTrend[i]?.volume ?? null);
  return {
    option: {
      ...base,
      xAxis: { type: 'category', data: labels },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        { name: t('analytics.series.current'), type: 'bar', itemStyle: { color: '#5b8def' }, data: r.trend.map((p) => p.volume) },
        { name: t('analytics.series.previous'), type: 'line', lineStyle: { type: 'dashed' }, itemStyle: { color: '#999' }, data: previous },
      ],
    },
    table: {
      columns: [t('analytics.period'), t('analytics.series.current'), t('analytics.series.previous')],
      rows: r.trend.map((p, i) => [p.key.slice(0, 10), p.volume, previous[i] ?? null]),
    },
  };
}

export function timesChart(r: KpiReport, t: T): ChartView {
  const series = (['acknowledge', 'firstResponse', 'handling'] as const).map((k) => ({ k, data: r.trend.map((p) => p[k].p50) }));
  return {
    option: {
      ...base,
      xAxis: { type: 'category', data: r.trend.map((p) => bucketLabel(p.key, r.interval)) },
      yAxis: { type: 'value', name: 'min' },
      series: series.map((s) => ({ name: t(`analytics.series.${s.k}`), type: 'line', connectNulls: false, data: s.data })),
    },
    table: {
      columns: [t('analytics.period'), ...series.map((s) => `${t(`analytics.series.${s.k}`)} p50 (min)`)],
      rows: r.trend.map((p, i) => [p.key.slice(0, 10), ...series.map((s) => s.data[i] ?? null)]),
    },
  };
}

export function ratesChart(r: KpiReport, t: T): ChartView {
  const keys = ['sla', 'fcr', 'csat', 'repeat', 'reopen'] as const;
  const data = keys.map((k) => ({ k, data: r.trend.map((p) => pct(p[k].rate)) }));
  return {
    option: {
      ...base,
      xAxis: { type: 'category', data: r.trend.map((p) => bucketLabel(p.key, r.interval)) },
      yAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
      series: data.map((s) => ({ name: t(`analytics.series.${s.k}`), type: 'line', connectNulls: false, data: s.data })),
    },
    table: {
      columns: [t('analytics.period'), ...keys.map((k) => `${t(`analytics.series.${k}`)} %`)],
      rows: r.trend.map((p, i) => [p.key.slice(0, 10), ...data.map((s) => s.data[i] ?? null)]),
    },
  };
}

export function slaChart(r: KpiReport, t: T): ChartView {
  const cell = (level: string, target: string) => r.sla.find((c) => c.level === level && c.target === target);
  return {
    option: {
      ...base,
      xAxis: { type: 'category', data: LEVELS.map((l) => t(`level.${l}`)) },
      yAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
      series: TARGETS.map((target) => ({ name: t(`analytics.targets.${target}`), type: 'bar', data: LEVELS.map((l) => pct(cell(l, target)?.rate ?? null)) })),
    },
    table: {
      columns: [t('analytics.dims.level'), t('analytics.period'), t('analytics.behind.slices.met'), t('analytics.behind.slices.breached'), t('analytics.behind.slices.pending'), '%'],
      rows: r.sla.map((c) => [t(`level.${c.level}`), t(`analytics.targets.${c.target}`), c.met, c.breached, c.pending, pct(c.rate)]),
    },
  };
}

export const SLA_CHART_TARGETS = TARGETS;
export const CHART_LEVELS = LEVELS;

export function backlogChart(r: KpiReport, t: T): ChartView {
  const b = r.backlog.buckets;
  return {
    option: {
      ...base,
      xAxis: { type: 'category', data: b.map((x) => t(`analytics.backlog.${x.bucket}`)), axisLabel: { interval: 0 } },
      yAxis: { type: 'value', minInterval: 1 },
      series: LEVELS.map((l) => ({ name: t(`level.${l}`), type: 'bar', stack: 'all', itemStyle: { color: LEVEL_COLOURS[l] }, data: b.map((x) => x.perLevel[l] ?? 0) })),
    },
    table: { columns: [t('analytics.kpi.backlog'), ...LEVELS.map((l) => t(`level.${l}`)), '∑'], rows: b.map((x) => [t(`analytics.backlog.${x.bucket}`), ...LEVELS.map((l) => x.perLevel[l] ?? 0), x.total]) },
  };
}

/** The groups as a table of the main figures (rates in %, times in minutes). */
export function groupsTable(r: KpiReport, t: T): Table {
  const minutes = (k: string) => `${t(`analytics.kpi.${k}`)} p50 (min)`;
  const rate = (k: string) => `${t(`analytics.kpi.${k}`)} %`;
  return {
    columns: [t(`analytics.dims.${r.groupBy ?? 'level'}`), t('analytics.kpi.volume'), ...['acknowledge', 'firstResponse', 'handling'].map(minutes), ...['sla', 'fcr', 'csat', 'repeat', 'reopen', 'escalations'].map(rate)],
    rows: r.groups.map((g) => {
      const v = g.values;
      const key = r.groupBy === 'level' ? t(`level.${g.key}`) : r.groupBy === 'rootCause' ? t(`analytics.rootCauses.${g.key}`) : g.key;
      return [key, v.volume, v.acknowledge.p50, v.firstResponse.p50, v.handling.p50, pct(v.sla.rate), pct(v.fcr.rate), pct(v.csat.rate), pct(v.repeat.rate), pct(v.reopen.rate), pct(v.escalations.rate)];
    }),
  };
}

/** Tickets resolved in the period by root cause, beside the period before (every kind, "not recorded" last). */
export function rootCauseChart(r: KpiReport, t: T): ChartView {
  const names = r.rootCauses.map((c) => t(`analytics.rootCauses.${c.key}`));
  return {
    option: {
      ...base,
      grid: { left: 96, right: 24, top: 32, bottom: 20 },
      tooltip: { trigger: 'axis' },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', inverse: true, data: names },
      series: [
        { name: t('analytics.series.current'), type: 'bar', itemStyle: { color: '#5b8def' }, data: r.rootCauses.map((c) => c.count) },
        { name: t('analytics.series.previous'), type: 'bar', itemStyle: { color: '#c0c4cc' }, data: r.rootCauses.map((c) => c.previous) },
      ],
    },
    table: { columns: [t('analytics.dims.rootCause'), t('analytics.series.current'), t('analytics.series.previous')], rows: r.rootCauses.map((c, i) => [names[i]!, c.count, c.previous]) },
  };
}

const ranked = (names: string[], values: number[], colour = '#5b8def') => ({
  animation: false,
  tooltip: { trigger: 'axis' },
  grid: { left: 110, right: 24, top: 8, bottom: 20 },
  xAxis: { type: 'value', minInterval: 1 },
  yAxis: { type: 'category', inverse: true, data: names },
  series: [{ type: 'bar', itemStyle: { color: colour }, data: values }],
});

/** The complaint map as a ranked bar: provinces (zh) or countries (en), with their cities or states in the table. */
export function placesChart(o: Overview, which: 'zh' | 'en', t: T): ChartView {
  const regions = o.regions[which].slice(0, 15);
  return {
    option: ranked(
      regions.map((r) => r.name),
      regions.map((r) => r.count),
      '#e05252',
    ),
    table: {
      columns: [t('analytics.places.region'), t('analytics.places.count'), t('analytics.places.parts')],
      rows: o.regions[which].map((r) => [r.name, r.count, r.parts.map((p) => `${p.name} ${p.count}`).join(', ')]),
    },
  };
}

export function hotWordsChart(o: Overview, t: T): ChartView {
  const words = o.hotWords.slice(0, 20);
  return {
    option: {
      animation: false,
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 90, right: 24, top: 28, bottom: 20 },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', inverse: true, data: words.map((w) => w.term) },
      series: [
        { name: t('analytics.words.count'), type: 'bar', itemStyle: { color: '#e05252' }, data: words.map((w) => w.count) },
        { name: t('analytics.words.previous'), type: 'bar', itemStyle: { color: '#c0c4cc' }, data: words.map((w) => w.previous) },
      ],
    },
    table: { columns: [t('analytics.words.term'), t('analytics.words.count'), t('analytics.words.previous')], rows: o.hotWords.map((w) => [w.term, w.count, w.previous]) },
  };
}

const watchName = (w: Overview['shareOfVoice'][number], t: T) => (w.competitor ? `${w.watchId} (${t('analytics.share.competitor')})` : w.watchId);

export function shareChart(o: Overview, t: T): ChartView {
  return {
    option: {
      animation: false,
      tooltip: { trigger: 'item', formatter: '{b}: {c} ({d}%)' },
      legend: { top: 0 },
      series: [{ type: 'pie', radius: ['35%', '65%'], top: 24, data: o.shareOfVoice.map((w) => ({ name: watchName(w, t), value: w.total })) }],
    },
    table: {
      columns: [t('analytics.share.watch'), t('analytics.share.competitor'), t('analytics.share.total'), t('analytics.share.share'), t('sentiment.negative'), t('sentiment.neutral'), t('sentiment.positive')],
      rows: o.shareOfVoice.map((w) => [w.watchId, w.competitor, w.total, pct(w.share), w.negative, w.neutral, w.positive]),
    },
  };
}

export function sentimentChart(o: Overview, t: T): ChartView {
  const names = o.shareOfVoice.map((w) => watchName(w, t));
  return {
    option: {
      animation: false,
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 130, right: 24, top: 28, bottom: 20 },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', inverse: true, data: names },
      series: (['negative', 'neutral', 'positive'] as const).map((s) => ({ name: t(`sentiment.${s}`), type: 'bar', stack: 'all', itemStyle: { color: SENTIMENT[s] }, data: o.shareOfVoice.map((w) => w[s]) })),
    },
    table: shareChart(o, t).table,
  };
}
