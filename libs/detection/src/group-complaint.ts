import type { Signal } from '@vigil/contracts';
import type { ClusterRecord } from './cluster-record';
import type { DetectionConfig } from './config';
import type { EntityBackground } from './entity-background';
import type { EntityKind } from './hash';

export type GroupComplaint = NonNullable<Signal['groupComplaint']>;
type Concentration = GroupComplaint['concentration'][number];

const KINDS: ReadonlyArray<[EntityKind, Concentration['kind']]> = [['places', 'place'], ['products', 'product'], ['orderBatches', 'order_batch'], ['anchors', 'anchor']];

/**
 * 群体投诉: many people about one incident who share something concrete — a compound or site
 * (never only a city: those places are not even counted), a product that is not the brand's
 * everyday one, an order batch, a flight, line or store. The cluster gives "the same issue";
 * the shared value must be held by at least half of its posts and by minAuthors of them, and
 * must be rare in the watch's other complaints. A moment in time or a cue alone is not enough:
 * strangers posting in the same hour are a storm, not a group. One loud author never is either.
 * A coordinated campaign (near-copies from new or low-follower accounts within minutes) is
 * reported as one whatever it shares: the copies are the concentration.
 */
export function assessGroupComplaint(c: ClusterRecord, cfg: DetectionConfig['group'], background?: EntityBackground): GroupComplaint | undefined {
  if (c.distinctAuthors < cfg.minAuthors) return undefined;
  const concentration: Concentration[] = [];
  const need = Math.max(cfg.minAuthors, Math.ceil(c.size * cfg.concentrationShare));
  for (const [kind, label] of KINDS) {
    const top = topOf(c.counts[kind] ?? {});
    if (!top || top[1] < need) continue;
    const share = background?.share(c.watchId, kind, top[0]);
    if (share !== undefined && share > cfg.maxBackgroundShare) continue;
    concentration.push({ kind: label, value: top[0] });
  }
  // Coordination: near-copies posted by new or low-follower accounts in a tight window. A campaign
  // like that is flagged as such even without a shared place: the copies are what they share.
  const others = Math.max(1, c.size - 1);
  const coordShare = c.coordinatedPosts / others;
  const span = c.coordinatedFirst !== undefined && c.coordinatedLast !== undefined ? c.coordinatedLast - c.coordinatedFirst : Infinity;
  const coordinated = coordShare >= cfg.coordinatedShare && span <= cfg.coordinationWindowMinutes * 60_000;
  if (concentration.length === 0 && !coordinated) return undefined;
  const inWindow = postsInTightestWindow(c.recentTimes, cfg.timeWindowMinutes * 60_000);
  if (inWindow >= Math.max(cfg.minAuthors, Math.ceil(c.recentTimes.length * cfg.concentrationShare))) {
    concentration.push({ kind: 'time', value: `${inWindow} posts within ${cfg.timeWindowMinutes} min` });
  }
  const collective = c.counts.riskCues['collective_action'] ?? 0;
  if (collective > 0) concentration.push({ kind: 'cue', value: `collective_action×${collective}` });

  const what = concentration.map((x) => `${x.kind}=${x.value}`).join(', ');
  const pct = (x: number) => `${Math.round(x * 100)}%`;
  const explanation = coordinated
    ? `Likely coordinated: ${c.coordinatedPosts} of ${c.size} posts are near-copies from new or low-follower accounts within ${Math.round(span / 60_000)} min (${pct(coordShare)}); ${c.distinctAuthors} authors; concentration ${what}.`
    : `Organic group complaint: ${c.distinctAuthors} distinct authors, ${c.size} posts, concentration ${what}; near-copies ${pct(c.nearDuplicates / others)}, new/low-follower accounts ${pct(c.suspiciousAccounts / c.size)}.`;
  return { nature: coordinated ? 'coordinated' : 'organic', concentration, explanation };
}

function topOf(m: Record<string, number>): [string, number] | undefined {
  let best: [string, number] | undefined;
  for (const [k, n] of Object.entries(m)) if (!best || n > best[1] || (n === best[1] && k < best[0])) best = [k, n];
  return best;
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
