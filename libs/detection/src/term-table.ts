/**
 * A cluster centroid: termKey() → summed weight, with the term's name, kept in insertion
 * order like a Map (a prune rewrites it heaviest first).
 *
 * Not a Map: a Map stores a double weight as a heap number, so every weight update would
 * allocate one, and it rehashes into new tables as the centroid grows; with ~190 k clusters
 * opened per million posts, Maps of weights and names were the largest share of the
 * detector's garbage (measured). Here the weights live in a plain array of doubles (stored
 * unboxed) and the index is open addressing over dense positions. Plain arrays, not typed arrays: a typed array over 64 bytes keeps its data
 * off the V8 heap, and allocating one cost ~1 µs, ten times an on-heap array (measured).
 *
 * The dense order matters: norms and centroid dot products are summed in it, so keeping
 * the Map's order keeps the floating-point results (and so the clustering) identical.
 */
export class TermTable {
  /** Dense arrays, positions 0..size-1 (termKey()s are 30 bits: small integers in V8). */
  keys: number[] = [];
  weights: number[] = [];
  names: string[] = [];
  size = 0;
  /** Dense position + 1 per hash slot (0 = empty); at most half full. */
  private slots: number[];

  constructor(capacity = 16) {
    let n = 16;
    while (n < capacity * 2) n *= 2;
    this.slots = zeros(n);
  }

  /** Dense position of `key`, or -1. */
  indexOf(key: number): number {
    const { slots, keys } = this;
    const mask = slots.length - 1;
    for (let i = slotOf(key, mask); ; i = (i + 1) & mask) {
      const p = slots[i]!;
      if (p === 0) return -1;
      if (keys[p - 1] === key) return p - 1;
    }
  }

  /** Add `w` to the term's weight; a new term is appended with `name` (an existing key keeps its first name, as a Map would). */
  add(key: number, name: string, w: number): void {
    const { slots, keys } = this;
    const mask = slots.length - 1;
    let i = slotOf(key, mask);
    for (; ; i = (i + 1) & mask) {
      const p = slots[i]!;
      if (p === 0) break;
      if (keys[p - 1] === key) {
        this.weights[p - 1] += w;
        return;
      }
    }
    if ((this.size + 1) * 2 > slots.length) {
      this.slots = zeros(slots.length * 2);
      this.rehash();
      this.add(key, name, w);
      return;
    }
    slots[i] = ++this.size;
    keys.push(key);
    this.weights.push(w);
    this.names.push(name);
  }

  /** Sum of squared weights, in dense order. */
  sumOfSquares(): number {
    const { weights } = this;
    let n = 0;
    for (let i = 0; i < this.size; i++) n += weights[i]! * weights[i]!;
    return n;
  }

  /** Keep the `keep` heaviest terms (ties by name), heaviest first. */
  retainTop(keep: number): void {
    if (this.size <= keep) return;
    const { weights, names } = this;
    const order: number[] = [];
    for (let i = 0; i < this.size; i++) order.push(i);
    order.sort((a, b) => weights[b]! - weights[a]! || (names[a]! < names[b]! ? -1 : 1));
    const keys: number[] = [];
    const ws: number[] = [];
    const ns: string[] = [];
    for (let j = 0; j < keep; j++) {
      const i = order[j]!;
      keys.push(this.keys[i]!);
      ws.push(weights[i]!);
      ns.push(names[i]!);
    }
    this.keys = keys;
    this.weights = ws;
    this.names = ns;
    this.size = keep;
    this.rehash();
  }

  private rehash(): void {
    const { slots, keys } = this;
    slots.fill(0);
    const mask = slots.length - 1;
    for (let p = 0; p < this.size; p++) {
      let i = slotOf(keys[p]!, mask);
      while (slots[i] !== 0) i = (i + 1) & mask;
      slots[i] = p + 1;
    }
  }
}

/** Keys are FNV hashes already; a multiply and a fold spread them over the table. */
function slotOf(key: number, mask: number): number {
  const h = Math.imul(key, 0x9e3779b1);
  return (h ^ (h >>> 16)) & mask;
}

function zeros(n: number): number[] {
  const a: number[] = [];
  for (let i = 0; i < n; i++) a.push(0);
  return a;
}
