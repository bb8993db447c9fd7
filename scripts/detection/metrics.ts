/** Clustering agreement measures against reference labels. */
function comb2(n: number): number {
  return (n * (n - 1)) / 2;
}

/** Adjusted Rand index (Hubert & Arabie): 0 = chance, 1 = identical partitions. */
export function adjustedRandIndex(pred: readonly string[], truth: readonly string[]): number {
  const n = pred.length;
  const cont = new Map<string, number>();
  const a = new Map<string, number>();
  const b = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    const k = `${pred[i]}\u0000${truth[i]}`;
    cont.set(k, (cont.get(k) ?? 0) + 1);
    a.set(pred[i]!, (a.get(pred[i]!) ?? 0) + 1);
    b.set(truth[i]!, (b.get(truth[i]!) ?? 0) + 1);
  }
  let index = 0;
  for (const v of cont.values()) index += comb2(v);
  let sa = 0;
  for (const v of a.values()) sa += comb2(v);
  let sb = 0;
  for (const v of b.values()) sb += comb2(v);
  const expected = (sa * sb) / comb2(n);
  const max = (sa + sb) / 2;
  return max === expected ? 0 : (index - expected) / (max - expected);
}

/** Share of items whose cluster's majority label is their own label. */
export function purity(pred: readonly string[], truth: readonly string[]): number {
  const byCluster = new Map<string, Map<string, number>>();
  for (let i = 0; i < pred.length; i++) {
    const m = byCluster.get(pred[i]!) ?? new Map<string, number>();
    m.set(truth[i]!, (m.get(truth[i]!) ?? 0) + 1);
    byCluster.set(pred[i]!, m);
  }
  let hit = 0;
  for (const m of byCluster.values()) hit += Math.max(...m.values());
  return hit / pred.length;
}

/** Purity restricted to clusters of at least `minSize` items (what would be signalled). */
export function purityOfClustersAtLeast(pred: readonly string[], truth: readonly string[], minSize: number): { purity: number; covered: number } {
  const sizes = new Map<string, number>();
  for (const p of pred) sizes.set(p, (sizes.get(p) ?? 0) + 1);
  const idx = pred.map((p, i) => i).filter((i) => sizes.get(pred[i]!)! >= minSize);
  if (!idx.length) return { purity: 0, covered: 0 };
  return { purity: purity(idx.map((i) => pred[i]!), idx.map((i) => truth[i]!)), covered: idx.length / pred.length };
}

/** Pair counting: of pairs put together, the share with one label (precision); of same-label pairs, the share put together (recall). */
export function pairwise(pred: readonly string[], truth: readonly string[]): { precision: number; recall: number } {
  const cont = new Map<string, number>();
  const a = new Map<string, number>();
  const b = new Map<string, number>();
  for (let i = 0; i < pred.length; i++) {
    const k = `${pred[i]}\u0000${truth[i]}`;
    cont.set(k, (cont.get(k) ?? 0) + 1);
    a.set(pred[i]!, (a.get(pred[i]!) ?? 0) + 1);
    b.set(truth[i]!, (b.get(truth[i]!) ?? 0) + 1);
  }
  let same = 0;
  for (const v of cont.values()) same += comb2(v);
  let together = 0;
  for (const v of a.values()) together += comb2(v);
  let labelled = 0;
  for (const v of b.values()) labelled += comb2(v);
  return { precision: together ? same / together : 1, recall: labelled ? same / labelled : 1 };
}
