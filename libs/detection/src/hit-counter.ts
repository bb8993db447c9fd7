/**
 * Counts hits per integer key for one post at a time, in typed arrays reused across
 * posts (open addressing; a per-post stamp instead of clearing). The clusterer calls it
 * ~50 times per post, where a Map would cost a fresh hash table per post and boxed lookups.
 */
export class HitCounter {
  private keys = new Int32Array(0);
  private counts = new Int32Array(0);
  private stamps = new Int32Array(0);
  /** Slots in first-hit order, so callers can break ties by discovery order. */
  private order = new Int32Array(0);
  private mask = 0;
  private stamp = 0;
  private n = 0;

  /** Start a new post that will add at most `maxDistinct` distinct keys. */
  reset(maxDistinct: number): void {
    let cap = 16;
    while (cap < maxDistinct * 2) cap *= 2;
    if (cap > this.keys.length) {
      this.keys = new Int32Array(cap);
      this.counts = new Int32Array(cap);
      this.stamps = new Int32Array(cap);
      this.order = new Int32Array(cap / 2);
      this.mask = cap - 1;
      this.stamp = 0;
    }
    if (this.stamp === 0x7fffffff) {
      this.stamps.fill(0);
      this.stamp = 0;
    }
    this.stamp++;
    this.n = 0;
  }

  add(key: number, by: number): void {
    const { keys, stamps, mask, stamp } = this;
    let i = (Math.imul(key, 0x9e3779b1) >>> 16) & mask;
    while (stamps[i] === stamp) {
      if (keys[i] === key) {
        this.counts[i]! += by;
        return;
      }
      i = (i + 1) & mask;
    }
    if (this.n >= this.order.length) throw new RangeError('HitCounter: more distinct keys than reset() was promised');
    stamps[i] = stamp;
    keys[i] = key;
    this.counts[i] = by;
    this.order[this.n++] = i;
  }

  get size(): number {
    return this.n;
  }

  /** The j-th distinct key in first-hit order. */
  keyAt(j: number): number {
    return this.keys[this.order[j]!]!;
  }

  countAt(j: number): number {
    return this.counts[this.order[j]!]!;
  }
}
