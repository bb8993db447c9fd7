/** Seeded PRNG (mulberry32) for deterministic synthetic streams in tests, eval and bench. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Exponential inter-arrival gap for a Poisson process of `ratePerHour`. */
export function expGapMs(rand: () => number, ratePerHour: number): number {
  return (-Math.log(1 - rand()) / ratePerHour) * 3_600_000;
}
