import { fmix32, fnv1a, fnv1aRange, FNV_OFFSET, FNV_PRIME } from './hash';

/**
 * MinHash signature of a shingle set. The k hash functions are derived from two base
 * hashes (Kirsch–Mitzenmacher) so one post costs two string hashes per shingle.
 */
export function minhash(shingles: readonly string[], k: number): number[] {
  return minhashOfHashes(shingles.map((s) => fnv1a(s)), k);
}

/**
 * minhash() over shingles already hashed with fnv1a (see shingleHashes). The signature is a
 * plain array of unsigned 32-bit values, not a Uint32Array: a typed array over 64 bytes
 * keeps its data off the V8 heap, and allocating and freeing one cost ~1 µs, ten times an
 * on-heap array (measured), once per post.
 *
 * The loop is fmix32 written out over int32s, the i-th hash h1 + i·h2 built by addition,
 * and minima kept in a reused Int32Array with the sign bit flipped (so a signed compare
 * orders them as unsigned): the same values as fmix32((h1 + Math.imul(i, h2)) >>> 0)
 * without a double conversion per step, which makes the loop about 30 % cheaper (measured).
 */
export function minhashOfHashes(hashes: readonly number[], k: number): number[] {
  if (minima.length < k) minima = new Int32Array(k);
  const m = minima;
  m.fill(0x7fffffff, 0, k);
  for (let s = 0; s < hashes.length; s++) {
    const h1 = hashes[s]! | 0;
    const h2 = fmix32(h1 ^ 0x5bd1e995) | 1;
    let x = h1;
    for (let i = 0; i < k; i++) {
      let h = x;
      x = (x + h2) | 0;
      h ^= h >>> 16;
      h = Math.imul(h, 0x85ebca6b);
      h ^= h >>> 13;
      h = Math.imul(h, 0xc2b2ae35);
      h ^= h >>> 16;
      h ^= 0x80000000;
      if (h < m[i]!) m[i] = h;
    }
  }
  const sig: number[] = [];
  for (let i = 0; i < k; i++) sig.push((m[i]! ^ 0x80000000) >>> 0);
  return sig;
}

let minima = new Int32Array(64);

/** Share of equal positions: an unbiased estimate of the Jaccard similarity. */
export function estimateJaccard(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const n = Math.min(a.length, b.length);
  if (n === 0) return 0;
  let eq = 0;
  for (let i = 0; i < n; i++) if (a[i] === b[i]) eq++;
  return eq / n;
}

/** One hash per band: posts agreeing on all rows of any band become candidates. */
export function bandKeys(sig: ArrayLike<number>, bands: number): number[] {
  const rows = Math.floor(sig.length / bands);
  const keys: number[] = [];
  for (let b = 0; b < bands; b++) {
    let h = fmix32(b + 0x27d4eb2d);
    for (let r = 0; r < rows; r++) h = fmix32((h ^ sig[b * rows + r]!) >>> 0);
    keys.push(h);
  }
  return keys;
}

const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;

/**
 * Shingles: character bigrams inside Chinese tokens (robust to segmentation differences),
 * word bigrams for other text (word order distinguishes copies from mere topic overlap).
 */
export function shingles(tokens: readonly string[]): string[] {
  const out: string[] = [];
  let prevWord: string | undefined;
  for (const raw of tokens) {
    const t = raw.toLowerCase();
    if (!t) continue;
    if (CJK.test(t)) {
      if (t.length <= 2) out.push(t);
      else for (let i = 0; i + 1 < t.length; i++) out.push(t.slice(i, i + 2));
      prevWord = undefined;
    } else {
      out.push(prevWord ? `${prevWord} ${t}` : t);
      prevWord = t;
    }
  }
  return out;
}

/**
 * fnv1a of each of shingles(tokens), hashed in place: no substring or "a b" string per
 * shingle (the detector's per-post garbage was a fifth of its time).
 */
export function shingleHashes(tokens: readonly string[]): number[] {
  const out: number[] = [];
  let prev = 0; // fnv1a state after the previous word
  let hasPrev = false; // false at the start and after a Chinese token
  for (const raw of tokens) {
    const t = raw.toLowerCase();
    if (!t) continue;
    if (CJK.test(t)) {
      if (t.length <= 2) out.push(fnv1aRange(FNV_OFFSET, t, 0, t.length) >>> 0);
      else for (let i = 0; i + 1 < t.length; i++) out.push(fnv1aRange(FNV_OFFSET, t, i, i + 2) >>> 0);
      hasPrev = false;
    } else {
      const own = fnv1aRange(FNV_OFFSET, t, 0, t.length);
      out.push((hasPrev ? fnv1aRange(Math.imul(prev ^ 0x20, FNV_PRIME), t, 0, t.length) : own) >>> 0);
      prev = own;
      hasPrev = true;
    }
  }
  return out;
}
