import type { ClusterRecord } from './cluster-record';

const HOUR_MS = 3_600_000;
const TERMS = 32;
const PER_WATCH = 200;

export interface ClosedEntry {
  id: string;
  watchId: string;
  closedAt: number;
  title: string;
  /** The centroid's heaviest terms (termKeys) and their weights, normalised. */
  keys: number[];
  weights: number[];
  /** `keys` as a set, built when first needed (not persisted). */
  keySet?: Set<number>;
}

/** termKeys of the n heaviest word terms of a cluster's centroid. */
function heaviestKeys(c: ClusterRecord, n: number): number[] {
  const cen = c.centroid;
  const idx: number[] = [];
  for (let j = 0; j < cen.size; j++) {
    if (cen.names[j]!.charCodeAt(0) === 64) continue;
    let i = idx.length;
    while (i > 0 && cen.weights[idx[i - 1]!]! < cen.weights[j]!) i--;
    if (i >= n) continue;
    idx.splice(i, 0, j);
    if (idx.length > n) idx.pop();
  }
  return idx.map((j) => cen.keys[j]!);
}

/**
 * Recently closed clusters per watch, so a later flare of the same issue is linked to the
 * incident before it (a new cluster, with previousClusterId) rather than reopening a bucket.
 */
export class ClosedClusters {
  private readonly byWatch = new Map<string, ClosedEntry[]>();

  constructor(private readonly keepHours: number) {}

  remember(c: ClusterRecord, at: number): void {
    const cen = c.centroid;
    const idx = Array.from({ length: cen.size }, (_, i) => i).filter((i) => cen.names[i]!.charCodeAt(0) !== 64);
    idx.sort((a, b) => cen.weights[b]! - cen.weights[a]! || (cen.names[a]! < cen.names[b]! ? -1 : 1));
    const top = idx.slice(0, TERMS);
    let norm = 0;
    for (const i of top) norm += cen.weights[i]! * cen.weights[i]!;
    norm = Math.sqrt(norm) || 1;
    const entry: ClosedEntry = { id: c.id, watchId: c.watchId, closedAt: at, title: c.title(), keys: top.map((i) => cen.keys[i]!), weights: top.map((i) => cen.weights[i]! / norm) };
    const list = this.byWatch.get(c.watchId) ?? [];
    list.push(entry);
    if (list.length > PER_WATCH) list.shift();
    this.byWatch.set(c.watchId, list);
  }

  /**
   * The closed cluster of the same watch nearest to this one's centroid, at `threshold` or above.
   * Only entries holding one of the cluster's heaviest terms can reach it: the others are passed
   * over on a few set lookups instead of a cosine each.
   */
  link(c: ClusterRecord, now: number, threshold: number): ClosedEntry | undefined {
    const list = this.byWatch.get(c.watchId);
    if (!list) return undefined;
    const horizon = now - this.keepHours * HOUR_MS;
    while (list.length && list[0]!.closedAt < horizon) list.shift();
    const cen = c.centroid;
    const norm = c.centroidNorm || 1;
    const heavy = heaviestKeys(c, 4);
    let best: ClosedEntry | undefined;
    let bestSim = threshold;
    for (const e of list) {
      if (e.id === c.id) continue;
      const keys = (e.keySet ??= new Set(e.keys));
      if (!heavy.some((k) => keys.has(k))) continue;
      let dot = 0;
      for (let i = 0; i < e.keys.length; i++) {
        const j = cen.indexOf(e.keys[i]!);
        if (j >= 0) dot += e.weights[i]! * cen.weights[j]!;
      }
      const sim = dot / norm;
      if (sim >= bestSim) {
        bestSim = sim;
        best = e;
      }
    }
    return best;
  }

  export(): ClosedEntry[] {
    return [...this.byWatch.values()].flat().map(({ keySet: _s, ...e }) => ({ ...e, keys: [...e.keys], weights: [...e.weights] }));
  }

  import(entries: readonly ClosedEntry[]): void {
    this.byWatch.clear();
    for (const e of entries) {
      const list = this.byWatch.get(e.watchId) ?? [];
      list.push({ id: e.id, watchId: e.watchId, closedAt: e.closedAt, title: e.title, keys: [...e.keys], weights: [...e.weights] });
      this.byWatch.set(e.watchId, list);
    }
  }
}
