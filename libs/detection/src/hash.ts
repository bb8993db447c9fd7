/** Small, fast, deterministic 32-bit hashes: replays must hash identically on any machine. */
export function fnv1a(s: string, seed = 0x811c9dc5): number {
  let h = seed >>> 0;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Murmur3 finaliser: spreads the bits of a combined hash. */
export function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Short hex digest for ids: two independent 32-bit hashes. */
export function hashHex(s: string): string {
  const a = fnv1a(s).toString(16).padStart(8, '0');
  const b = fmix32(fnv1a(s, 0x9747b28c)).toString(16).padStart(8, '0');
  return a + b;
}

/**
 * A term's key in centroids, postings and document frequencies: 30 bits, so V8 keeps it
 * a small integer (Map lookups on those are ~3× cheaper than on strings). Two terms
 * sharing a key in one cluster would share a weight; at 30 bits over a cluster's ≤128
 * terms that is a one-in-ten-million event per cluster, and harmless.
 */
export function termKey(term: string): number {
  return fnv1a(term) & 0x3fffffff;
}
