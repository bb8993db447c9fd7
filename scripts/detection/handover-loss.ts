/**
 * What a partition handover loses by not handing over one-post clusters (issue 19). The eval's
 * real-text streams (streams/scenarios.ts, the same as `npm run eval:detection` part C) go through
 * one detector uninterrupted, and through detectors handed over every `--every` hours of event
 * time the way the detector app does it: the snapshot without its clusters, plus the clusters the
 * app has in Elasticsearch (size ≥ persistMinSize, active), restored into a new detector; and a
 * variant that also hands over the one-post clusters whose post is at most `--keep` minutes old;
 * and one that hands over every cluster (what the restore itself changes, one-post clusters aside).
 * Prints, per stream and variant: signals of the uninterrupted run missing / new, storms found and
 * alerted, the median delay, tickets (on quiet days), and how many one-post clusters were dropped
 * at the handovers.
 * Usage: tsx scripts/detection/handover-loss.ts [--every 1,6] [--keep 60] [--quick]
 */
import type { ClusterDoc, EnrichedMention, Signal } from '@vigil/contracts';
import { createDetector, type Detector } from '../../libs/detection/src';
import { enrich } from './streams/enrich';
import { HOUR } from './streams/rhythm';
import { enSocial, zhDelivery, zhShopping, type Scenario } from './streams/scenarios';
import { scoreScenario } from './streams/score';

const arg = (name: string, dflt: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1]! : dflt;
};
const EVERY_HOURS = arg('every', '1,6').split(',').map(Number);
const KEEP_MINUTES = Number(arg('keep', '60'));
const quick = process.argv.includes('--quick');

interface Run {
  signals: Signal[];
  dropped: number;
  kept: number;
}

/** `keepMs`: undefined = what the app does (no one-post cluster handed over); else those whose post is at most that old are handed over too. */
function run(s: Scenario, stream: readonly EnrichedMention[], everyMs?: number, keepMs?: number): Run {
  let d: Detector = createDetector();
  const persistMin = d.config.clustering.persistMinSize;
  const signals: Signal[] = [];
  let dropped = 0;
  let kept = 0;
  let next = stream.length ? Date.parse(stream[0]!.publishedAt) + (everyMs ?? Infinity) : Infinity;
  for (const m of stream) {
    const at = Date.parse(m.publishedAt);
    if (everyMs !== undefined && at >= next) {
      next = at + everyMs;
      const snap = d.snapshot();
      const handed: ClusterDoc[] = [];
      for (const c of snap.clusters) {
        if (c.status !== 'active') continue;
        if (c.size >= persistMin) handed.push(c);
        else if (keepMs !== undefined && at - Date.parse(c.lastSeen) <= keepMs) {
          handed.push(c);
          kept++;
        } else dropped++;
      }
      d = createDetector();
      d.restore({ ...snap, clusters: handed });
    }
    for (const x of d.process(m).signals) signals.push(x);
  }
  for (const x of d.advanceTo(s.end + 6 * HOUR).signals) signals.push(x);
  return { signals, dropped, kept };
}

const median = (xs: number[]) => {
  if (!xs.length) return NaN;
  const v = [...xs].sort((a, b) => a - b);
  return v[Math.floor(v.length / 2)]!;
};

function main(): void {
  const scenarios = [() => zhDelivery(101, 'dev'), ...(quick ? [] : [() => zhDelivery(202, 'held-out'), () => zhShopping(404, 'held-out'), () => enSocial(505, 'held-out')])];
  console.log(`handover every ${EVERY_HOURS.join(' / ')} h of event time; variant "keep ${KEEP_MINUTES} min": one-post clusters whose post is at most ${KEEP_MINUTES} min old handed over too`);
  console.log('stream | run | signals (missing / new vs uninterrupted) | storms found / alerted of labelled | median delay min | tickets (on quiet days) | one-post clusters dropped (kept) at handovers');
  for (const make of scenarios) {
    const s = make();
    const stream = enrich(s.name, s.posts);
    const base = run(s, stream);
    const baseIds = new Set(base.signals.map((x) => x.id));
    const line = (name: string, r: Run) => {
      const ids = new Set(r.signals.map((x) => x.id));
      const missing = [...baseIds].filter((id) => !ids.has(id)).length;
      const added = [...ids].filter((id) => !baseIds.has(id)).length;
      const sc = scoreScenario(s, stream, r.signals);
      const found = sc.storms.filter((x) => x.found).length;
      const alerted = sc.storms.filter((x) => x.alerted).length;
      const delay = median(sc.storms.filter((x) => x.found && x.delayMin !== undefined).map((x) => x.delayMin!));
      console.log(`${s.name} ${s.seed} | ${name} | ${ids.size} (${missing} / ${added}) | ${found} / ${alerted} of ${sc.storms.length} | ${delay.toFixed(0)} | ${sc.tickets} (${sc.quietTickets}) | ${r.dropped}${r.kept ? ` (${r.kept})` : ''}`);
    };
    line('uninterrupted', base);
    for (const h of EVERY_HOURS) {
      line(`every ${h} h, as the app`, run(s, stream, h * HOUR));
      line(`every ${h} h, keep ${KEEP_MINUTES} min`, run(s, stream, h * HOUR, KEEP_MINUTES * 60_000));
      line(`every ${h} h, every cluster`, run(s, stream, h * HOUR, Infinity));
    }
  }
}

main();
