import { reactive, ref } from 'vue';
import { defineStore } from 'pinia';
import { api, ok, type Answer } from '../api/http';
import { browserTimeZone, periodOf, type Period, type Preset } from '../analytics/period';
import type { KpiReport, Slice, TicketKpi } from '../analytics/kpi-view';
import type { Overview } from '../analytics/chart-options';

export type Dimension = 'level' | 'team' | 'category' | 'channel' | 'watch' | 'rootCause';
export const DIMENSIONS: Dimension[] = ['watch', 'team', 'level', 'category', 'channel', 'rootCause'];
export type Behind = Answer<'get', '/api/analytics/tickets/behind'>;

export interface AnalyticsForm {
  preset: Preset;
  from: string;
  to: string;
  /** One value per dimension, '' for all. */
  dims: Record<Dimension, string>;
  groupBy: Dimension | '';
}

/** What a click on a figure asks for: the figure, a part of it, and a narrower cut. */
export interface Drill {
  kpi: TicketKpi;
  slice: Slice;
  target?: 'acknowledge' | 'firstResponse' | 'resolve';
  bucket?: 'lt1h' | 'h1to4' | 'h4to24' | 'd1to3' | 'd3to7' | 'gt7d';
  dimension?: Dimension;
  value?: string;
  page: number;
}

const PAGE = 20;

export const useAnalyticsStore = defineStore('analytics', () => {
  const form = reactive<AnalyticsForm>({ preset: 'last7', from: '', to: '', dims: { level: '', team: '', category: '', channel: '', watch: '', rootCause: '' }, groupBy: 'level' });
  const period = ref<Period>();
  const report = ref<KpiReport>();
  const overview = ref<Overview>();
  const dimensions = ref<Record<Dimension, string[]>>();
  const loading = ref(false);
  const error = ref<string>();
  const drill = ref<Drill>();
  const behind = ref<Behind>();
  const behindError = ref<string>();

  const dimFilters = () => Object.fromEntries(DIMENSIONS.filter((d) => form.dims[d]).map((d) => [d, form.dims[d]])) as Partial<Record<Dimension, string>>;

  async function loadDimensions(): Promise<void> {
    try {
      dimensions.value = (await ok(api.GET('/api/analytics/dimensions'))) as Record<Dimension, string[]>;
    } catch {
      // The filters then offer "all" only; the figures still load.
    }
  }

  async function run(now = new Date()): Promise<void> {
    const p = periodOf(form.preset, now, { from: form.from, to: form.to });
    if (!p) {
      error.value = 'from/to';
      return;
    }
    loading.value = true;
    error.value = undefined;
    period.value = p;
    drill.value = undefined;
    const dims = dimFilters();
    try {
      const [r, o] = await Promise.all([
        ok(api.GET('/api/analytics/tickets', { params: { query: { ...p, tz: browserTimeZone(), ...dims, groupBy: form.groupBy || undefined } } })),
        ok(api.GET('/api/analytics/mentions', { params: { query: { ...p, watch: dims.watch, category: dims.category, channel: dims.channel } } })),
      ]);
      report.value = r;
      overview.value = o;
    } catch (e) {
      error.value = (e as Error).message;
    } finally {
      loading.value = false;
    }
  }

  async function open(d: Omit<Drill, 'page'> & { page?: number }): Promise<void> {
    if (!period.value) return;
    drill.value = { page: 1, ...d };
    behindError.value = undefined;
    try {
      const q = drill.value;
      behind.value = await ok(
        api.GET('/api/analytics/tickets/behind', {
          params: { query: { ...period.value, tz: browserTimeZone(), ...dimFilters(), kpi: q.kpi, slice: q.slice, target: q.target, bucket: q.bucket, dimension: q.dimension, value: q.value, page: q.page, size: PAGE } },
        }),
      );
    } catch (e) {
      behindError.value = (e as Error).message;
    }
  }

  const close = () => {
    drill.value = undefined;
    behind.value = undefined;
  };

  return { form, period, report, overview, dimensions, loading, error, drill, behind, behindError, loadDimensions, run, open, close };
});
