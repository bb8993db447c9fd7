import type { Signal } from '@vigil/contracts';
import type { ClusterRecord } from './cluster-record';
import type { DetectionConfig } from './config';

export type GroupComplaint = NonNullable<Signal['groupComplaint']>;
type Concentration = GroupComplaint['concentration'][number];

/**
 * 群体投诉: several people about one issue with something in common (a place, a
 * product, an order batch, a moment) or saying they act together. Returns undefined
 * when the cluster is not one; one loud author never is, however often they post.
 */
export function assessGroupComplaint(c: ClusterRecord, cfg: DetectionConfig['group']): GroupComplaint | undefined {
  if (c.distinctAuthors < cfg.minAuthors) return undefined;
  const concentration: Concentration[] = [];
  const need = Math.max(cfg.minAuthors, Math.ceil(c.size * cfg.concentrationShare));
  const top = (m: Record<string, number>): [string, number] | undefined => {
    let best: [string, number] | undefined;
    for (const [k, n] of Object.entries(m)) if (!best || n > best[1] || (n === best[1] && k < best[0])) best = [k, n];
    return best;
  };
  const place = top(c.counts.places);
  if (place && place[1] >= need) concentration.push({ kind: 'place', value: place[0] });
  const product = top(c.counts.products);
  if (product && product[1] >= need) concentration.push({ kind: 'product', value: product[0] });
  const batch = top(c.counts.orderBatches);
  if (batch && batch[1] >= need) concentration.push({ kind: 'order_batch', value: batch[0] });
  const inWindow = postsInTightestWindow(c.recentTimes, cfg.timeWindowMinutes * 60_000);
  if (inWindow >= Math.max(cfg.minAuthors, Math.ceil(c.recentTimes.length * cfg.concentrationShare))) {
    concentration.push({ kind: 'time', value: `${inWindow} posts within ${cfg.timeWindowMinutes} min` });
  }
  const collective = c.counts.riskCues['collective_action'] ?? 0;
  if (collective > 0) concentration.push({ kind: 'cue', value: `collective_action×${collective}` });
  if (concentration.length === 0) return undefined;

  // Coordination: near-copies posted by new or low-follower accounts in a tight window.
  const others = Math.max(1, c.size - 1);
  const coordShare = c.coordinatedPosts / others;
  const span = c.coordinatedFirst !== undefined && c.coordinatedLast !== undefined ? c.coordinatedLast - c.coordinatedFirst : Infinity;
  const coordinated = coordShare >= cfg.coordinatedShare && span <= cfg.coordinationWindowMinutes * 60_000;
  const what = concentration.map((x) => `${x.kind}=${x.value}`).join(', ');
  const pct = (x: number) => `${Math.round(x * 100)}%`;
  const explanation = coordinated
    ? `Likely coordinated: ${c.coordinatedPosts} of ${c.size} posts are near-copies from new or low-follower accounts within ${Math.round(span / 60_000)} min (${pct(coordShare)}); ${c.distinctAuthors} authors; concentration ${what}.`
    : `Organic group complaint: ${c.distinctAuthors} distinct authors, ${c.size} posts, concentration ${what}; near-copies ${pct(c.nearDuplicates / others)}, new/low-follower accounts ${pct(c.suspiciousAccounts / c.size)}.`;
  return { nature: coordinated ? 'coordinated' : 'organic', concentration, explanation };
}

function postsInTightestWindow(times: readonly number[], spanMs: number): number {
  let sorted = true;
  for (let i = 1; i < times.length && sorted; i++) sorted = times[i]! >= times[i - 1]!;
  const t = sorted ? times : [...times].sort((a, b) => a - b);
  let best = 0;
  let lo = 0;
  for (let hi = 0; hi < t.length; hi++) {
    while (t[hi]! - t[lo]! > spanMs) lo++;
    best = Math.max(best, hi - lo + 1);
  }
  return best;
}
