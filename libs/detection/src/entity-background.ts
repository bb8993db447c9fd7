import type { EntityKind } from './hash';

const MAX_VALUES = 400;
const HALVE_AT = 20_000;
const MAX_WATCHES = 2_000;

interface Table { posts: Record<EntityKind, number>; values: Map<string, number> }

/**
 * How common each place, product, order batch and anchor is among a watch's complaints that name
 * one of that kind: a product in half of a brand's posts is the brand's flagship, not what a
 * group of households shares. Bounded per watch (the most counted values), halved as it ages.
 */
export class EntityBackground {
  private readonly tables = new Map<string, Table>();

  observe(watch: string, kind: EntityKind, values: readonly string[]): void {
    if (!values.length) return;
    let t = this.tables.get(watch);
    if (!t) {
      if (this.tables.size >= MAX_WATCHES) this.tables.delete(this.tables.keys().next().value!);
      t = { posts: { places: 0, products: 0, orderBatches: 0, anchors: 0 }, values: new Map() };
      this.tables.set(watch, t);
    }
    t.posts[kind] += 1;
    for (const v of values) {
      const k = `${kind}\u0000${v}`;
      t.values.set(k, (t.values.get(k) ?? 0) + 1);
    }
    if (t.values.size > MAX_VALUES * 1.25) {
      const keep = [...t.values.entries()].sort((a, b) => b[1] - a[1]).slice(0, MAX_VALUES);
      t.values = new Map(keep);
    }
    if (t.posts[kind] >= HALVE_AT) {
      for (const kk of Object.keys(t.posts) as EntityKind[]) t.posts[kk] *= 0.5;
      for (const [k, n] of t.values) t.values.set(k, n * 0.5);
    }
  }

  /** Share of the watch's posts naming a `kind` that name this value; undefined below `minPosts`. */
  share(watch: string, kind: EntityKind, value: string, minPosts = 50): number | undefined {
    const t = this.tables.get(watch);
    if (!t || t.posts[kind] < minPosts) return undefined;
    return (t.values.get(`${kind}\u0000${value}`) ?? 0) / t.posts[kind];
  }
}
