import { fmix32 } from './hash';

/**
 * 32-bit key → the newest `perKey` cluster handles, in a fixed table of typed arrays.
 *
 * A fixed table because Maps of lists (key → ids) with 100k–200k band keys spend most of
 * the detector's time in cache misses, hashing and GC, and slow down as they fill
 * (measured). Every key has two possible slots (a 2-way set, neighbours in memory); a new
 * key takes an empty one or evicts the one written longest ago, so memory is fixed at
 * construction and eviction is LRU within the set. Keys are hashes (LSH band keys, hashed
 * terms): two different terms with the same 32-bit hash share a list, which only adds a
 * candidate that the similarity check then rejects.
 */
export class PostingsTable {
  private readonly sets: number;
  /**
   * One record per slot, interleaved: [key, stamp, length, ids…], padded to 8 ints, so a
   * 2-way set with four ids per key is one 64-byte cache line. As separate arrays (keys,
   * used flags, stamps, lengths, ids) each lookup touched five lines of a table far
   * larger than the cache. A slot is in use when its length is above zero (add() always
   * leaves at least one id).
   */
  private readonly data: Int32Array;
  private readonly stride: number;
  private clock = 0;
  private count = 0;

  /** At most `maxKeys` keys (rounded down to an even number of slots). */
  constructor(
    private readonly perKey: number,
    maxKeys: number,
  ) {
    if (perKey < 1 || perKey > 255) throw new RangeError(`postings: perKey must be 1..255, got ${perKey}`);
    this.sets = Math.max(1, Math.floor(maxKeys / 2));
    this.stride = (perKey + HEADER + 7) & ~7;
    this.data = new Int32Array(this.sets * 2 * this.stride);
  }

  /** Record `id` as the newest under `key` (moved to the end if already there). */
  add(key: number, id: number): void {
    const s = this.slotFor(key | 0, true);
    const d = this.data;
    if (this.clock === 0x7fffffff) this.renumber();
    d[s + STAMP] = ++this.clock;
    const ids = s + HEADER;
    const len = d[s + LEN]!;
    if (len > 0 && d[ids + len - 1] === id) return;
    let at = -1;
    for (let i = 0; i < len; i++) {
      if (d[ids + i] === id) {
        at = i;
        break;
      }
    }
    if (at < 0 && len === this.perKey) at = 0; // full: the oldest goes
    if (at >= 0) {
      for (let i = ids + at; i < ids + len - 1; i++) d[i] = d[i + 1]!;
      d[ids + len - 1] = id;
    } else {
      d[ids + len] = id;
      d[s + LEN] = len + 1;
    }
  }

  /** Calls `fn` for each handle under `key`, oldest first. */
  forEach(key: number, fn: (id: number) => void): void {
    const s = this.slotFor(key | 0, false);
    if (s < 0) return;
    const d = this.data;
    const end = s + HEADER + d[s + LEN]!;
    for (let i = s + HEADER; i < end; i++) fn(d[i]!);
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
    this.data.fill(0);
    this.count = 0;
    this.clock = 0;
  }

  /** Offset of the key's slot record, or -1; with `create`, the slot it takes (emptied). */
  private slotFor(key: number, create: boolean): number {
    const d = this.data;
    const a = (fmix32(key) % this.sets) * 2 * this.stride;
    const b = a + this.stride;
    if (d[a + LEN] !== 0 && d[a] === key) return a;
    if (d[b + LEN] !== 0 && d[b] === key) return b;
    if (!create) return -1;
    let slot: number;
    if (d[a + LEN] === 0) slot = a;
    else if (d[b + LEN] === 0) slot = b;
    else slot = d[a + STAMP]! <= d[b + STAMP]! ? a : b;
    if (d[slot + LEN] === 0) this.count++;
    d[slot] = key;
    d[slot + LEN] = 0;
    return slot;
  }

  /**
   * Stamps are 32-bit: after 2^31 writes, shift them all down by 2^30. Only the order of
   * the two stamps of a set matters; stamps older than 2^30 writes become equal (0), which
   * at worst evicts the one of two long-idle keys that is not the older.
   */
  private renumber(): void {
    const d = this.data;
    for (let s = 0; s < d.length; s += this.stride) d[s + STAMP] = Math.max(0, d[s + STAMP]! - 0x40000000);
    this.clock -= 0x40000000;
  }
}

const STAMP = 1;
const LEN = 2;
const HEADER = 3;
