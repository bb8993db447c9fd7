import type { Answer } from '../api/http';

export type KpiReport = Answer<'get', '/api/analytics/tickets'>;
export type KpiValues = KpiReport['current'];
export type TicketKpi = 'volume' | 'acknowledge' | 'firstResponse' | 'handling' | 'sla' | 'fcr' | 'csat' | 'repeat' | 'reopen' | 'escalations' | 'backlog' | 'rootCause' | 'precision';
export type Slice = 'all' | 'yes' | 'no' | 'met' | 'breached' | 'pending';
type T = (key: string, values?: Record<string, unknown>) => string;

/** How a figure reads: its value, the line under it, and which way is better. */
export interface Tile {
  kpi: TicketKpi;
  kind: 'count' | 'minutes' | 'rate';
  value(v: KpiValues, r: KpiReport): number | null;
  sub?(v: KpiValues, t: T): string;
  /** Lower is better for times and bad rates; `none` for volume, where up is neither. */
  better: 'higher' | 'lower' | 'none';
  /** The part of the figure a click lists first. */
  slice: Slice;
  /** The backlog is a count now, not of the period: no comparison. */
  compare: boolean;
}

export const TILES: Tile[] = [
  { kpi: 'volume', kind: 'count', value: (v) => v.volume, better: 'none', slice: 'all', compare: true },
  { kpi: 'acknowledge', kind: 'minutes', value: (v) => v.acknowledge.p50, sub: (v, t) => p90(v.acknowledge.p90, t), better: 'lower', slice: 'all', compare: true },
  { kpi: 'firstResponse', kind: 'minutes', value: (v) => v.firstResponse.p50, sub: (v, t) => p90(v.firstResponse.p90, t), better: 'lower', slice: 'all', compare: true },
  { kpi: 'handling', kind: 'minutes', value: (v) => v.handling.p50, sub: (v, t) => p90(v.handling.p90, t), better: 'lower', slice: 'all', compare: true },
  { kpi: 'sla', kind: 'rate', value: (v) => v.sla.rate, sub: (v, t) => t('analytics.sub.of', { n: v.sla.count, of: v.sla.of }), better: 'higher', slice: 'breached', compare: true },
  { kpi: 'fcr', kind: 'rate', value: (v) => v.fcr.rate, sub: (v, t) => t('analytics.sub.of', { n: v.fcr.count, of: v.fcr.of }), better: 'higher', slice: 'no', compare: true },
  { kpi: 'csat', kind: 'rate', value: (v) => v.csat.rate, sub: (v, t) => (v.csat.average === null ? t('analytics.sub.of', { n: 0, of: 0 }) : t('analytics.sub.avg', { v: v.csat.average.toFixed(2) })), better: 'higher', slice: 'no', compare: true },
  { kpi: 'repeat', kind: 'rate', value: (v) => v.repeat.rate, sub: (v, t) => t('analytics.sub.of', { n: v.repeat.count, of: v.repeat.of }), better: 'lower', slice: 'yes', compare: true },
  { kpi: 'reopen', kind: 'rate', value: (v) => v.reopen.rate, sub: (v, t) => t('analytics.sub.of', { n: v.reopen.count, of: v.reopen.of }), better: 'lower', slice: 'yes', compare: true },
  { kpi: 'escalations', kind: 'rate', value: (v) => v.escalations.rate, sub: (v, t) => t('analytics.sub.steps', { n: v.escalations.steps }), better: 'lower', slice: 'yes', compare: true },
  { kpi: 'precision', kind: 'rate', value: (v) => v.precision.rate, sub: (v, t) => t('analytics.sub.of', { n: v.precision.count, of: v.precision.of }), better: 'higher', slice: 'no', compare: true },
  { kpi: 'backlog', kind: 'count', value: (_v, r) => r.backlog.buckets.reduce((s, b) => s + b.total, 0), better: 'lower', slice: 'all', compare: false },
];

function p90(v: number | null, t: T): string {
  return v === null ? '' : t('analytics.sub.p90', { v: formatMinutes(v, t) });
}

/** 12 min, 3.5 h, 2.1 d. */
export function formatMinutes(m: number | null, t: T): string {
  if (m === null) return '—';
  if (m < 60) return t('analytics.units.min', { n: Math.round(m * 10) / 10 });
  if (m < 1440) return t('analytics.units.h', { n: Math.round((m / 60) * 10) / 10 });
  return t('analytics.units.d', { n: Math.round((m / 1440) * 10) / 10 });
}

export function formatValue(kind: Tile['kind'], v: number | null, t: T): string {
  if (v === null) return '—';
  if (kind === 'rate') return `${Math.round(v * 1000) / 10}%`;
  if (kind === 'minutes') return formatMinutes(v, t);
  return String(v);
}

/**
 * The change against the period before: percentage points for rates, the ratio for the rest;
 * `good` says whether it moved the right way (undefined where neither way is better).
 */
export function delta(tile: Tile, now: number | null, before: number | null): { text: string; good?: boolean } | undefined {
  if (now === null || before === null || now === before) return undefined;
  const up = now > before;
  const good = tile.better === 'none' ? undefined : up === (tile.better === 'higher');
  if (tile.kind === 'rate') return { text: `${up ? '▲' : '▼'} ${Math.abs(Math.round((now - before) * 1000) / 10)} pp`, good };
  if (before === 0) return { text: up ? '▲' : '▼', good };
  return { text: `${up ? '▲' : '▼'} ${Math.abs(Math.round(((now - before) / before) * 100))}%`, good };
}
