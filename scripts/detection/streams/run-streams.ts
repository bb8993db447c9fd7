/**
 * Section C of eval:detection: real streams. Every scenario is replayed through Vigil's detector
 * and, in the same process on the same enriched posts, through a plain per-brand spike rule
 * (spike-baseline.ts); both are scored the same way (score.ts), tickets by the plan's decision.
 * Each synthetic scenario also runs as a storm-free control (the same background, no incidents).
 */
import { CRISIS_TRIGGERS, type EnrichedMention, type Signal } from '@vigil/contracts';
import { createDetector } from '../../../libs/detection/src';
import { resolveConfig } from '../../../libs/detection/src/config';
import { MIN_BLOCK_EXPECTED, riseThreshold } from '../../../libs/detection/src/sustained-rise';
import { complaintsFloored, decidableTimes, fromDecidable, type FromDecidable } from './decidable';
import { cfpbCompanies } from './cfpb';
import { zhFruitHeatwave } from './common-cause';
import { enrich } from './enrich';
import { HOUR } from './rhythm';
import { enSocial, zhDelivery, zhShopping, type Incident, type Scenario } from './scenarios';
import { confirmingPerson } from './person';
import { ALARM_KINDS, scoreScenario, type ScenarioScore } from './score';
import { runSpikeRule, SPIKE_RULE } from './spike-baseline';
import { RESOLVE_AFTER_HOURS } from './tickets';

export interface DetectorUnderTest {
  name: string;
  run(s: Scenario, stream: readonly EnrichedMention[]): Signal[];
}

export const vigil: DetectorUnderTest = {
  name: 'Vigil',
  run(s, stream) {
    const d = createDetector();
    const out: Signal[] = [];
    for (const m of stream) for (const x of d.process(m).signals) out.push(x);
    for (const x of d.advanceTo(s.end + 6 * HOUR).signals) out.push(x);
    return out;
  },
};

/** Vigil with the sustained-rise test off (the windows alone): the detector before it, in the same run. */
export const vigilWindowsOnly: DetectorUnderTest = {
  name: 'Vigil −rise',
  run(s, stream) {
    const d = createDetector({ burst: { rise: { enabled: false } } });
    const out: Signal[] = [];
    for (const m of stream) for (const x of d.process(m).signals) out.push(x);
    for (const x of d.advanceTo(s.end + 6 * HOUR).signals) out.push(x);
    return out;
  },
};

/** Vigil with a person who confirms its tickets about labelled storms as real incidents (person.ts). */
export const vigilConfirmed: DetectorUnderTest = {
  name: 'Vigil +conf',
  run(s, stream) {
    const d = createDetector();
    const person = confirmingPerson(s, stream, d);
    const out: Signal[] = [];
    const take = (xs: Signal[]) => {
      for (const x of xs) out.push(x);
      person.signals(xs);
    };
    for (const m of stream) {
      person.upTo(Date.parse(m.publishedAt));
      take(d.process(m).signals);
    }
    person.upTo(s.end);
    take(d.advanceTo(s.end + 6 * HOUR).signals);
    return out;
  },
};

export const spikeRule: DetectorUnderTest = {
  name: 'spike rule',
  run: (_s, stream) => runSpikeRule(stream),
};

export interface Row {
  scenario: string; seed: number; split: string; control: boolean; detector: string; score: ScenarioScore; posts: number;
  /** When each storm of the scenario became decidable on counts (decidable.ts, complaints, floored); the same for every detector. */
  decidable: ReadonlyMap<Incident, number | undefined>;
  /** The same on the first definition (all posts, no floor), printed beside it for one release. */
  decidableAllPosts: ReadonlyMap<Incident, number | undefined>;
}

/** Vigil's own false-alarm rate (the sustained-rise threshold) is the oracle's. */
const CFG = resolveConfig();
const DECIDABLE_NATS = riseThreshold(CFG.burst.rise);
const DEC_OLD = 'decidable (all posts, no floor)';
const DEC_NEW = 'decidable (complaints, floored)';

function fmtDecidable(d: FromDecidable): string {
  const within = d.delays.filter((x) => x <= 60).length;
  return `decidable ${d.decidable}/${d.storms} (median ${fmtMin(med(d.decidableAfterOnset)).trim()} after onset); alerted ${d.alerted}/${d.decidable} of them, median ${fmtMin(med(d.delays)).trim()} after decidable, within 1 h ${within} (${pct(within, d.decidable)} of decidable); decidable within 2 h of onset ${d.decidableIn2h}, of them alerted within 2 h ${d.alertedIn2hOfThose}; never decidable but alerted ${d.undecidableAlerted}/${d.storms - d.decidable}`;
}

const med = (xs: number[]) => (xs.length ? [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)]! : NaN);
const fmtMin = (x: number) => (Number.isNaN(x) ? '   -' : x >= 120 ? `${(x / 60).toFixed(1)} h` : `${Math.round(x)} min`);
const pct = (n: number, d: number) => (d ? `${Math.round((100 * n) / d)}%` : '-');

function describe(s: Scenario): string {
  const kinds = new Map<string, number>();
  for (const i of s.incidents) kinds.set(i.kind, (kinds.get(i.kind) ?? 0) + 1);
  return `${s.posts.length.toLocaleString('en')} posts, ${s.watches.length} watches, incidents: ${[...kinds].map(([k, n]) => `${n} ${k}`).join(', ') || 'none'}; warm-up ${s.warmupDays} days`;
}

function printRow(r: Row): void {
  const sc = r.score;
  const found = sc.storms.filter((x) => x.found);
  const within = found.filter((x) => x.delayMin! <= 120).length;
  const alerted = sc.storms.filter((x) => x.alerted);
  const alertedIn = alerted.filter((x) => x.alertDelayMin! <= 120).length;
  const perBrand = Object.values(sc.ticketsPerQuietDay);
  const mean = perBrand.length ? perBrand.reduce((a, b) => a + b, 0) / perBrand.length : 0;
  const [worstWatch, worst] = Object.entries(sc.ticketsPerQuietDay).sort((a, b) => b[1] - a[1])[0] ?? ['-', 0];
  const det = Object.values(sc.detectorTicketsPerQuietDay);
  const detMean = det.length ? det.reduce((a, b) => a + b, 0) / det.length : 0;
  const meanOf = (r: Record<string, number>) => { const v = Object.values(r); return v.length ? v.reduce((a, b) => a + b, 0) / v.length : 0; };
  const prec = ALARM_KINDS.map((k) => {
    const p = sc.precision[k];
    return `${k.replace('cluster_', 'c_').replace('group_complaint', 'group').replace('risk_flag', 'risk')} ${p ? `${pct(p[0], p[1])}/${p[1]}` : '-'}`;
  }).join('  ');
  const storms = r.control
    ? '(storm-free control)'.padEnd(57)
    : `signalled ${String(found.length).padStart(2)}/${String(sc.storms.length).padEnd(2)} ≤2h ${String(within).padStart(2)} ${fmtMin(med(found.map((x) => x.delayMin!))).padStart(7)}, alerted ${String(alerted.length).padStart(2)} ≤2h ${String(alertedIn).padStart(2)} ${fmtMin(med(alerted.map((x) => x.alertDelayMin!))).padStart(7)}`;
  console.log(
    `  ${r.detector.padEnd(11)} ${storms} | tickets/brand/quiet day ${mean.toFixed(2)} (worst ${worstWatch} ${worst.toFixed(2)}; crisis ${meanOf(sc.crisisTicketsPerQuietDay).toFixed(2)}, service ${meanOf(sc.serviceTicketsPerQuietDay).toFixed(2)}; without single-post tickets ${detMean.toFixed(2)}) | tickets ${sc.tickets} (${sc.ticketsOnIncidents} on incidents), alerts/ticket ${sc.alertsPerTicket.toFixed(1)} | ${prec}`,
  );
  if (!r.control && sc.storms.length) {
    console.log(`  ${''.padEnd(11)} from ${DEC_OLD}: ${fmtDecidable(fromDecidable(sc.storms, r.decidableAllPosts))}`);
    console.log(`  ${''.padEnd(11)} from ${DEC_NEW}: ${fmtDecidable(fromDecidable(sc.storms, r.decidable))}`);
  }
  for (const f of sc.falseEvents) console.log(`  ${''.padEnd(11)} non-incident ${f.incident.id}: ${f.signals} alarm signal(s)`);
  const byTrigger = Object.entries(sc.quietSinglePostTriggers).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  if (byTrigger.length) console.log(`  ${''.padEnd(11)} quiet-day single-post tickets (${sc.quietRiskFlagTickets}) by the plan's trigger: ${byTrigger.map(([t, n]) => `${t} ${n}`).join(', ')}`);
}

function perKind(rows: Row[]): void {
  const kinds = new Map<string, Map<string, number[]>>();
  const totals = new Map<string, Map<string, [number, number]>>();
  for (const r of rows) {
    if (r.control) continue;
    for (const st of r.score.storms) {
      const k = st.incident.kind;
      const t = (totals.get(r.detector) ?? totals.set(r.detector, new Map()).get(r.detector)!);
      const x = t.get(k) ?? [0, 0];
      x[1]++;
      if (st.alerted) {
        x[0]++;
        const d = (kinds.get(r.detector) ?? kinds.set(r.detector, new Map()).get(r.detector)!);
        d.set(k, [...(d.get(k) ?? []), st.alertDelayMin!]);
      }
      t.set(k, x);
    }
  }
  for (const [det, t] of totals) {
    console.log(`    ${det.padEnd(11)} ` + [...t].map(([k, [f, n]]) => {
      const delays = kinds.get(det)?.get(k) ?? [];
      return `${k} ${f}/${n} (≤2h ${delays.filter((d) => d <= 120).length}, median ${fmtMin(med(delays)).trim()})`;
    }).join('; '));
  }
}

export interface StreamsOptions { quick: boolean; detectors?: DetectorUnderTest[] }

export function evalStreams(opts: StreamsOptions): Row[] {
  const detectors = opts.detectors ?? [vigil, vigilConfirmed, vigilWindowsOnly, spikeRule];
  console.log('\n=== C. Real streams: per-brand replays of real texts and real dates, Vigil beside itself without the sustained-rise test and a per-brand spike rule ===');
  console.log(`spike rule (ElastAlert2 "spike" per watch, negative posts): timeframe ${SPIKE_RULE.timeframeMinutes} min, spike_height ${SPIKE_RULE.spikeHeight}, threshold_cur ${SPIKE_RULE.thresholdCur}, threshold_ref ${SPIKE_RULE.thresholdRef}, realert ${SPIKE_RULE.realertMinutes} min`);
  console.log(`tickets: libs/plan decideOnSignal with the default plan over each detector's signals; a ticket counts as resolved ${RESOLVE_AFTER_HOURS} h after it opened (a later signal on its key goes through the plan's reopen rule, a reopen counts as a ticket)`);
  console.log('columns: storms signalled / labelled, within 2 h of onset, median delay; alerted (a ticket opened, reopened, raised or escalated by a signal about it; the own ticket of a single complaint does not find a storm), within 2 h, median delay | tickets per brand per quiet day (mean over brands, worst brand) | tickets after warm-up (opened by a signal about an incident), alerts per ticket | precision per signal kind (about a labelled incident / signals)');
  const scenarios: Array<() => Scenario> = [
    () => zhDelivery(101, 'dev'),
    ...(opts.quick ? [] : [() => zhDelivery(202, 'held-out'), () => zhDelivery(303, 'held-out')]),
    () => zhShopping(404, 'held-out'),
    () => enSocial(505, 'held-out'),
    () => cfpbCompanies(606),
    () => zhFruitHeatwave(707, 'held-out'),
    ...(opts.quick ? [] : [() => zhFruitHeatwave(808, 'held-out'), () => zhFruitHeatwave(909, 'held-out')]),
  ];
  const rows: Row[] = [];
  for (const make of scenarios) {
    const t0 = Date.now();
    const s = make();
    const stream = enrich(s.name, s.posts);
    const decidable = decidableTimes(s, DECIDABLE_NATS, complaintsFloored(stream, CFG));
    const decidableAllPosts = decidableTimes(s, DECIDABLE_NATS);
    console.log(`\n${s.name} seed ${s.seed} (${s.split}): ${s.description}`);
    console.log(`  ${describe(s)}`);
    for (const det of detectors) {
      const score = scoreScenario(s, stream, det.run(s, stream));
      const row: Row = { scenario: s.name, seed: s.seed, split: s.split, control: false, detector: det.name, score, posts: s.posts.length, decidable, decidableAllPosts };
      rows.push(row);
      printRow(row);
    }
    if (s.name !== 'cfpb') {
      const keep = s.posts.map((p) => p.incident === undefined);
      const control: Scenario = { ...s, posts: s.posts.filter((_, i) => keep[i]), incidents: [] };
      const cstream = stream.filter((_, i) => keep[i]);
      for (const det of detectors) {
        const score = scoreScenario(control, cstream, det.run(control, cstream));
        const row: Row = { scenario: s.name, seed: s.seed, split: s.split, control: true, detector: det.name, score, posts: control.posts.length, decidable: new Map(), decidableAllPosts: new Map() };
        rows.push(row);
        printRow(row);
      }
    }
    const missed = rows.filter((r) => r.seed === s.seed && !r.control && r.detector === detectors[0]!.name).flatMap((r) => r.score.storms.filter((x) => !x.found));
    for (const m of missed) console.log(`    ${detectors[0]!.name} missed ${m.incident.id}: ${m.incident.note}`);
    console.log(`  (${((Date.now() - t0) / 1000).toFixed(0)} s)`);
  }
  console.log('\nstorms by kind, all scenarios (alerted / labelled, within 2 h of onset, median delay to the first alert):');
  perKind(rows);
  console.log('\nsummary (held-out scenarios; tickets per brand per quiet day averaged over scenario × brand):');
  for (const det of detectors) {
    const mine = rows.filter((r) => r.detector === det.name && r.split === 'held-out');
    const storms = mine.filter((r) => !r.control).flatMap((r) => r.score.storms);
    const found = storms.filter((x) => x.found);
    const alerted = storms.filter((x) => x.alerted);
    const perBrand = mine.flatMap((r) => Object.values(r.score.ticketsPerQuietDay));
    const perBrandDet = mine.flatMap((r) => Object.values(r.score.detectorTicketsPerQuietDay));
    const perBrandCrisis = mine.flatMap((r) => Object.values(r.score.crisisTicketsPerQuietDay));
    const perBrandService = mine.flatMap((r) => Object.values(r.score.serviceTicketsPerQuietDay));
    const avg = (xs: number[]) => (xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length)).toFixed(2);
    const triggers: Record<string, number> = {};
    let quietDays = 0;
    for (const r of mine) {
      quietDays += r.score.quietDays;
      for (const [t, n] of Object.entries(r.score.quietSinglePostTriggers)) triggers[t] = (triggers[t] ?? 0) + n;
    }
    const groups = mine.filter((r) => !r.control).reduce((acc, r) => [acc[0] + (r.score.precision.group_complaint?.[0] ?? 0), acc[1] + (r.score.precision.group_complaint?.[1] ?? 0)], [0, 0]);
    console.log(
      `  ${det.name.padEnd(11)} storms signalled ${found.length}/${storms.length} (within 2 h ${found.filter((x) => x.delayMin! <= 120).length}, median ${fmtMin(med(found.map((x) => x.delayMin!)))}), alerted ${alerted.length}/${storms.length} (within 2 h ${alerted.filter((x) => x.alertDelayMin! <= 120).length}, median ${fmtMin(med(alerted.map((x) => x.alertDelayMin!)))}); tickets per brand per quiet day ${(perBrand.reduce((a, b) => a + b, 0) / Math.max(1, perBrand.length)).toFixed(2)} (worst ${Math.max(0, ...perBrand).toFixed(2)}; ${(perBrandDet.reduce((a, b) => a + b, 0) / Math.max(1, perBrandDet.length)).toFixed(2)} without single-post tickets); group-complaint precision ${pct(groups[0], groups[1])} of ${groups[1]}`,
    );
    console.log(`  ${''.padEnd(11)} crisis tickets per brand per quiet day ${avg(perBrandCrisis)} (worst ${Math.max(0, ...perBrandCrisis).toFixed(2)}; target ≤ 1) — the detector's and single posts with a crisis trigger (${[...CRISIS_TRIGGERS].join(', ')}); service tickets (one complaint, service triggers only) ${avg(perBrandService)} (worst ${Math.max(0, ...perBrandService).toFixed(2)})`);
    const sum = (pick: (r: Row) => ReadonlyMap<Incident, number | undefined>) => mine.filter((r) => !r.control).map((r) => fromDecidable(r.score.storms, pick(r))).reduce((a, b) => ({
      storms: a.storms + b.storms, decidable: a.decidable + b.decidable, decidableAfterOnset: [...a.decidableAfterOnset, ...b.decidableAfterOnset],
      alerted: a.alerted + b.alerted, delays: [...a.delays, ...b.delays], undecidableAlerted: a.undecidableAlerted + b.undecidableAlerted,
      decidableIn2h: a.decidableIn2h + b.decidableIn2h, alertedIn2hOfThose: a.alertedIn2hOfThose + b.alertedIn2hOfThose,
    }), { storms: 0, decidable: 0, decidableAfterOnset: [], alerted: 0, delays: [], decidableIn2h: 0, alertedIn2hOfThose: 0, undecidableAlerted: 0 } as FromDecidable);
    console.log(`  ${''.padEnd(11)} from ${DEC_OLD} (a Poisson test on the watch's posts with the hindsight null, known onset, ${DECIDABLE_NATS.toFixed(1)} nats): ${fmtDecidable(sum((r) => r.decidableAllPosts))}`);
    console.log(`  ${''.padEnd(11)} from ${DEC_NEW} (the same on the complaints Vigil counts, null ≥ ${MIN_BLOCK_EXPECTED} per 15-min block): ${fmtDecidable(sum((r) => r.decidable))}`);
    const byTrigger = Object.entries(triggers).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
    if (byTrigger.length) console.log(`  ${''.padEnd(11)} single-post tickets per brand per quiet day by the plan's trigger (all held-out rows, controls included): ${byTrigger.map(([t, n]) => `${t} ${(n / Math.max(1, quietDays)).toFixed(2)}`).join(', ')}`);
  }
  return rows;
}

