/** Small, fast, deterministic 32-bit hashes: replays must hash identically on any machine. */
export const FNV_OFFSET = 0x811c9dc5;
export const FNV_PRIME = 0x01000193;

export function fnv1a(s: string, seed = FNV_OFFSET): number {
  return fnv1aRange(seed, s, 0, s.length) >>> 0;
}

/** The FNV-1a state `h` carried over s[from, to): lets callers hash parts of a string without slicing it. */
export function fnv1aRange(h: number, s: string, from: number, to: number): number {
  for (let i = from; i < to; i++) h = Math.imul(h ^ s.charCodeAt(i), FNV_PRIME);
  return h;
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

/** Seeds per entity kind, so a place and a product spelled alike get different keys. */
const ENTITY_SEEDS = { places: 0x2f1c3b5d, products: 0x6a09e667, orderBatches: 0x3c6ef372, anchors: 0x510e527f } as const;
export type EntityKind = keyof typeof ENTITY_SEEDS;
export const ENTITY_KINDS = Object.keys(ENTITY_SEEDS) as readonly EntityKind[];

/**
 * A place's, product's or order batch's key for sharedEntities(): compared as numbers,
 * not looked up by string in a cluster's counts (a 32-bit collision only adds an
 * entity bonus to one comparison, at odds of ~1 in 4 billion per pair).
 */
export function entityKey(kind: EntityKind, value: string): number {
  return fnv1a(value, ENTITY_SEEDS[kind]);
}

/** Mixed into a post's index keys so clusters of different watches never share a posting (0 for the implicit watch). */
export function watchSalt(watchId: string): number {
  return watchId === '_all' ? 0 : fnv1a(`watch:${watchId}`) & 0x3fffffff;
}
