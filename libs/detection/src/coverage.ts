/**
 * What the collector knows about its own coverage: stretches of time in which a source may have
 * missed posts (it failed, or hit its paging limit). A dip inside a gap is not quiet, and the
 * catch-up after it is not a storm: the detector neither learns nor judges across one.
 */
export interface CoverageGapInput {
  sourceId: string;
  from: string | number;
  to: string | number;
  /** Still going on: the source has not succeeded since; treated as lasting until now. */
  open?: boolean;
}

interface Gap { from: number; to: number; open: boolean }

const MAX_GAPS_PER_SOURCE = 50;

export class CoverageBook {
  private readonly gaps = new Map<string, Gap[]>();

  /** Replaces what is known of these sources (the collector's current view); other sources are kept. */
  set(input: readonly CoverageGapInput[]): void {
    const next = new Map<string, Gap[]>();
    for (const g of input) {
      const from = typeof g.from === 'number' ? g.from : Date.parse(g.from);
      const to = typeof g.to === 'number' ? g.to : Date.parse(g.to);
      if (!Number.isFinite(from) || !Number.isFinite(to)) continue;
      const list = next.get(g.sourceId) ?? [];
      list.push({ from: Math.min(from, to), to: Math.max(from, to), open: g.open ?? false });
      next.set(g.sourceId, list);
    }
    for (const [id, list] of next) this.gaps.set(id, list.sort((a, b) => a.from - b.from).slice(-MAX_GAPS_PER_SOURCE));
  }

  /** Does any of these sources have a gap overlapping [from, to)? */
  overlaps(sources: readonly string[], from: number, to: number): boolean {
    if (this.gaps.size === 0) return false;
    for (const id of sources) {
      const list = this.gaps.get(id);
      if (!list) continue;
      for (const g of list) if (g.from < to && (g.open || g.to > from)) return true;
    }
    return false;
  }

  get size(): number {
    return this.gaps.size;
  }

  export(): CoverageGapInput[] {
    const out: CoverageGapInput[] = [];
    for (const [sourceId, list] of this.gaps) for (const g of list) out.push({ sourceId, from: g.from, to: g.to, open: g.open });
    return out;
  }
}
