import { termKey } from './hash';

const BITS = 16;
const MASK = (1 << BITS) - 1;

/**
 * Document frequencies in a fixed hashed table, so IDF costs no growing memory.
 * Counts are halved once the document total passes `halfLife`, which keeps the
 * weights tracking what people talk about now rather than months ago.
 */
export class TermStats {
  private df = new Float32Array(1 << BITS);
  private docs = 0;

  constructor(private readonly halfLife = 200_000) {}

  observe(terms: Iterable<string>): void {
    this.observeKeys(Array.from(terms, termKey));
  }

  /** Same as observe() for terms already turned into termKey()s (the low bits pick the cell). */
  observeKeys(keys: readonly number[]): void {
    for (const k of keys) this.df[k & MASK]! += 1;
    this.docs += 1;
    if (this.docs >= this.halfLife) {
      for (let i = 0; i < this.df.length; i++) this.df[i]! *= 0.5;
      this.docs *= 0.5;
    }
  }

  docFreqOfKey(key: number): number {
    return this.df[key & MASK]!;
  }

  idfOfKey(key: number): number {
    return Math.log((this.docs + 1) / (this.df[key & MASK]! + 1)) + 1;
  }

  docFreq(term: string): number {
    return this.docFreqOfKey(termKey(term));
  }

  idf(term: string): number {
    return this.idfOfKey(termKey(term));
  }

  export(): { docs: number; table: string } {
    return { docs: this.docs, table: Buffer.from(this.df.buffer, this.df.byteOffset, this.df.byteLength).toString('base64') };
  }

  import(s: { docs: number; table: string }): void {
    const buf = Buffer.from(s.table, 'base64');
    if (buf.byteLength !== this.df.byteLength) throw new Error('term stats: table size mismatch');
    this.df = new Float32Array(new Uint8Array(buf).buffer);
    this.docs = s.docs;
  }
}
