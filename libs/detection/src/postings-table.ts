import { fmix32 } from './hash';

/**
 * 32-bit key → the newest `perKey` cluster handles, in a fixed table of typed arrays.
 *
 * It replaces a two-generation Map<key, string[]>: with 100k–200k band keys those Maps
 * cost most of the detector's time in cache misses, hashing and GC, and got slower as they
 * filled. Here every key has two possible slots (a 2-way set, neighbours in memory); a new
 * key takes an empty one or evicts the one written longest ago, so memory is fixed at
 * construction and eviction is LRU within the set. Keys are hashes (LSH band keys, hashed
 * terms): two different terms with the same 32-bit hash share a list, which only adds a
 * candidate that the similarity check then rejects.
 */
export class PostingsTable {
  private readonly sets: number;
  private readonly keys: Int32Array;
  private readonly used: Uint8Array;
  private readonly stamps: Float64Array;
  private readonly lens: Uint8Array;
  private readonly ids: Int32Array;
  private clock = 0;
  private count = 0;

  /** At most `maxKeys` keys (rounded down to an even number of slots). */
  constructor(
    private readonly perKey: number,
    maxKeys: number,
  ) {
    if (perKey < 1 || perKey > 255) throw new RangeError(`postings: perKey must be 1..255, got ${perKey}`);
    this.sets = Math.max(1, Math.floor(maxKeys / 2));
    const slots = this.sets * 2;
    this.keys = new Int32Array(slots);
    this.used = new Uint8Array(slots);
    this.stamps = new Float64Array(slots);
    this.lens = new Uint8Array(slots);
    this.ids = new Int32Array(slots * perKey);
  }

  /** Record `id` as the newest under `key` (moved to the end if already there). */
  add(key: number, id: number): void {
    const slot = this.slotFor(key | 0, true);
    this.stamps[slot] = ++this.clock;
    const base = slot * this.perKey;
    const len = this.lens[slot]!;
    if (len > 0 && this.ids[base + len - 1] === id) return;
    let at = -1;
    for (let i = 0; i < len; i++) {
      if (this.ids[base + i] === id) {
        at = i;
        break;
      }
    }
    if (at < 0 && len === this.perKey) at = 0; // full: the oldest goes
    if (at >= 0) {
      this.ids.copyWithin(base + at, base + at + 1, base + len);
      this.ids[base + len - 1] = id;
    } else {
      this.ids[base + len] = id;
      this.lens[slot] = len + 1;
    }
  }

  /** Calls `fn` for each handle under `key`, oldest first. */
  forEach(key: number, fn: (id: number) => void): void {
    const slot = this.slotFor(key | 0, false);
    if (slot < 0) return;
    const base = slot * this.perKey;
    const len = this.lens[slot]!;
    for (let i = 0; i < len; i++) fn(this.ids[base + i]!);
  }

  /** Handles under `key`, oldest first (a copy; for tests and tools, not the hot path). */
  get(key: number): number[] {
    const out: number[] = [];
    this.forEach(key, (id) => out.push(id));
    return out;
  }

  get size(): number {
    return this.count;
  }

  clear(): void {
    this.used.fill(0);
    this.lens.fill(0);
    this.stamps.fill(0);
    this.count = 0;
    this.clock = 0;
  }

  private slotFor(key: number, create: boolean): number {
    const a = (fmix32(key) % this.sets) * 2;
    const b = a + 1;
    if (this.used[a] && this.keys[a] === key) return a;
    if (this.used[b] && this.keys[b] === key) return b;
    if (!create) return -1;
    let slot: number;
    if (!this.used[a]) slot = a;
    else if (!this.used[b]) slot = b;
    else slot = this.stamps[a]! <= this.stamps[b]! ? a : b;
    if (!this.used[slot]) {
      this.used[slot] = 1;
      this.count++;
    }
    this.keys[slot] = key;
    this.lens[slot] = 0;
    return slot;
  }
}
