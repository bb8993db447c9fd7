/**
 * Live clusters by integer handle, for the postings tables' lookups: a record sits at
 * slot `handle & mask`, and a slot also keeps its handle in a typed array, so a stale
 * handle (an evicted or merged cluster's, still in some posting list) is rejected
 * without touching any record, and without the hash per lookup a Map would cost
 * (~16 lookups per post). New handles skip occupied slots; the ring stays at most half
 * full (it doubles, and doubling keeps distinct slots distinct).
 * Handles are never reused and stay below 2^31 (the postings store them as int32):
 * at 200 k new clusters per million posts that is some ten billion posts.
 */
export class HandleRing<T extends { handle: number }> {
  private items: Array<T | undefined>;
  private handles: Int32Array;
  private mask: number;
  private live = 0;
  private last = 0;

  constructor(capacity = 1024) {
    let n = 16;
    while (n < capacity * 2) n *= 2;
    this.items = new Array<T | undefined>(n).fill(undefined);
    this.handles = new Int32Array(n);
    this.mask = n - 1;
  }

  /** Give `item` a new handle and hold it. */
  insert(item: T): void {
    if ((this.live + 1) * 2 > this.items.length) this.grow();
    let h = this.last + 1;
    while (this.handles[h & this.mask] !== 0) h++;
    if (h > 0x7fffffff) throw new RangeError('cluster handles exhausted');
    this.last = h;
    item.handle = h;
    this.items[h & this.mask] = item;
    this.handles[h & this.mask] = h;
    this.live++;
  }

  get(handle: number): T | undefined {
    const slot = handle & this.mask;
    return this.handles[slot] === handle ? this.items[slot] : undefined;
  }

  delete(handle: number): void {
    const slot = handle & this.mask;
    if (this.handles[slot] !== handle) return;
    this.items[slot] = undefined;
    this.handles[slot] = 0;
    this.live--;
  }

  clear(): void {
    this.items.fill(undefined);
    this.handles.fill(0);
    this.live = 0;
  }

  get size(): number {
    return this.live;
  }

  private grow(): void {
    const items = this.items;
    const handles = this.handles;
    const n = items.length * 2;
    this.items = new Array<T | undefined>(n).fill(undefined);
    this.handles = new Int32Array(n);
    this.mask = n - 1;
    for (let i = 0; i < items.length; i++) {
      const h = handles[i]!;
      if (h === 0) continue;
      this.items[h & this.mask] = items[i];
      this.handles[h & this.mask] = h;
    }
  }
}
