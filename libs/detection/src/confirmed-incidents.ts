/**
 * Incidents a person confirmed (a ticket closed or marked as a real incident): per watch, the
 * stretch of time the incident lasted. A person knows what the detector cannot: those hours were
 * a storm, not the brand's normal, so the baseline does not learn from them (seasonal-baseline.ts
 * takes them as ordinary hours at the level it expected) and unlearns those of the last day it
 * had already learnt before the confirmation came.
 */
export interface ConfirmedIncidentInput {
  /** The ticket (or other record) the confirmation belongs to: a later input with the same id replaces it. */
  id: string;
  watchId: string;
  from: string | number;
  /** Absent while the incident goes on (the ticket is still open): it lasts until now. */
  to?: string | number;
}

interface Window { id: string; from: number; to: number }

const MAX_PER_WATCH = 50;
const time = (x: string | number) => (typeof x === 'number' ? x : Date.parse(x));

export class ConfirmedIncidents {
  private readonly byWatch = new Map<string, Window[]>();

  /** Adds or replaces (by id) windows; returns the watches whose windows changed. */
  set(input: readonly ConfirmedIncidentInput[]): string[] {
    const changed = new Set<string>();
    for (const w of input) {
      const from = time(w.from);
      const to = w.to === undefined ? Number.POSITIVE_INFINITY : time(w.to);
      if (!Number.isFinite(from) || Number.isNaN(to)) continue;
      for (const [watch, list] of this.byWatch) {
        const i = list.findIndex((x) => x.id === w.id);
        if (i >= 0 && watch !== w.watchId) {
          list.splice(i, 1);
          changed.add(watch);
        }
      }
      const list = this.byWatch.get(w.watchId) ?? [];
      const next = { id: w.id, from: Math.min(from, to), to: Math.max(from, to) };
      const i = list.findIndex((x) => x.id === w.id);
      if (i >= 0) list[i] = next;
      else list.push(next);
      list.sort((a, b) => a.from - b.from);
      if (list.length > MAX_PER_WATCH) list.splice(0, list.length - MAX_PER_WATCH);
      this.byWatch.set(w.watchId, list);
      changed.add(w.watchId);
    }
    return [...changed];
  }

  has(watchId: string): boolean {
    return (this.byWatch.get(watchId)?.length ?? 0) > 0;
  }

  /** Does a confirmed incident of this watch overlap [from, to)? */
  overlaps(watchId: string, from: number, to: number): boolean {
    const list = this.byWatch.get(watchId);
    if (!list) return false;
    for (const w of list) if (w.from < to && w.to > from) return true;
    return false;
  }

  export(): ConfirmedIncidentInput[] {
    const out: ConfirmedIncidentInput[] = [];
    for (const [watchId, list] of this.byWatch) {
      for (const w of list) out.push({ id: w.id, watchId, from: w.from, ...(Number.isFinite(w.to) ? { to: w.to } : {}) });
    }
    return out;
  }
}
