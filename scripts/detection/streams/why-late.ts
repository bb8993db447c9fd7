/**
 * Why Vigil alerts late on storms that were decidable early: for every held-out storm decidable
 * within 2 h of onset (decidable.ts) and alerted after 2 h or not at all, the evidence in the
 * detector's own volume keys, split into the steps between the oracle and Vigil:
 *
 *   oracle       all the watch's posts since onset, true null (hindsight), Poisson;
 *   complaints   only the posts Vigil counts (isComplaint), true null of those;
 *   Vigil's null the same complaints since onset against the baseline Vigil had learnt at onset, Poisson;
 *   + dispersion the same with Vigil's φ for a window of that length (seasonal-baseline.ts tests());
 *   windows      Vigil's best fixed window (15 min–6 h, ending now) and the CUSUM, at the same moment.
 *
 * Each step is a cause: the storm's excess is not complaints; the learnt baseline is off the true
 * null; φ (overdispersion, few days of history) eats the evidence; the fixed windows miss the
 * onset-anchored count. Per storm it also prints the best category key and whether any key was
 * warming up. Reads the volume keys through the detector's private monitor (diagnosis only).
 * Usage: tsx scripts/detection/streams/why-late.ts [--confirmed]
 * --confirmed: a person confirms Vigil's tickets about labelled storms as they go (person.ts).
 */
import type { Signal } from '@vigil/contracts';
import { createDetector } from '../../../libs/detection/src';
import { resolveConfig } from '../../../libs/detection/src/config';
import { complaintCategories, isComplaint } from '../../../libs/detection/src/features';
import { poissonTailScore } from '../../../libs/detection/src/poisson';
import { SeasonalBaseline } from '../../../libs/detection/src/seasonal-baseline';
import { riseThreshold } from '../../../libs/detection/src/sustained-rise';
import type { VolumeEvent, VolumeKeyState, VolumeMonitor } from '../../../libs/detection/src/volume-monitor';
import { cfpbCompanies } from './cfpb';
import { zhFruitHeatwave } from './common-cause';
import { decidableAt, decidableTimes, hindsightBaseline, tailNats } from './decidable';
import { enrich } from './enrich';
import { confirmingPerson } from './person';
import { HOUR } from './rhythm';
import { enSocial, zhDelivery, zhShopping, type Incident, type Scenario } from './scenarios';
import { scoreScenario } from './score';

const CONFIRMED = process.argv.includes('--confirmed');
const cfg = resolveConfig();
const H = riseThreshold(cfg.burst.rise);
const WINDOWS = cfg.burst.windows;
const LN10 = Math.LN10;

interface Checkpoint { at: number; keys: Map<string, VolumeKeyState> }
interface Fired { key: string; at: number; minutes: number; nats: number; rise: boolean }

/** The learnt expectation of a key over [a, b) (its hour profile × weekday factor, per 5 minutes). */
function learntBetween(st: VolumeKeyState, a: number, b: number): number {
  const base = new SeasonalBaseline(st.base);
  let e = 0;
  for (let t = a; t < b; t += 5 * 60_000) e += base.expectedAtHour(Math.floor(t / HOUR)) / 12;
  return e;
}

/** φ that Vigil's tests() uses for a window of `minutes` ending now, and the days its hour rests on. */
function phiOf(st: VolumeKeyState, expected: number, minutes: number, at: number): { phi: number; a: number; days: number } {
  const base = new SeasonalBaseline(st.base);
  const days = st.base.hodN[Math.floor(at / HOUR) % 24]!;
  const hours = Math.max(1, minutes / 60);
  return { phi: (1 + (base.a() * expected) / Math.sqrt(hours)) * (1 + 1 / Math.min(Math.max(1, days), 12)), a: base.a(), days };
}

/** Vigil's windows at `at`, from the key's state at that moment (rolled to `at`). */
function windowsAt(st: VolumeKeyState, at: number) {
  const base = new SeasonalBaseline(structuredClone(st.base));
  base.roll(at);
  const tests = base.tests(WINDOWS.map((w) => w.minutes));
  return tests.map((t, i) => {
    const w = WINDOWS[i]!;
    const fails = [t.observed < w.minCount ? `n<${w.minCount}` : '', t.ratio < w.minRatio ? `ratio<${w.minRatio}` : '', t.score < w.score ? `score<${w.score}` : ''].filter(Boolean);
    return { minutes: w.minutes, observed: t.observed, expected: t.expected, ratio: t.ratio, nats: t.score * LN10, needNats: w.score * LN10, fails };
  });
}

const f1 = (x: number) => (Number.isFinite(x) ? x.toFixed(1) : '∞');
const mins = (t: number | undefined, onset: number) => (t === undefined ? '—' : `${Math.round((t - onset) / 60_000)}`);

function run(s: Scenario): string[] {
  const stream = enrich(s.name, s.posts);
  const dec = decidableTimes(s, H);
  const isC = stream.map((m) => isComplaint(m, cfg));
  const wholeDays = s.incidentsCoverWholeDays === true;
  // The oracle on complaints only: the same test on the posts Vigil counts, with their own hindsight null.
  const cs: Scenario = { ...s, posts: s.posts.filter((_, i) => isC[i]) };
  const candidates = s.incidents.filter((inc) => {
    const d = dec.get(inc);
    return inc.alarm && d !== undefined && d - inc.onset <= 2 * HOUR;
  });
  // Checkpoints: the key states just before onset, at decidable, and at onset + 2 h.
  const want: Array<{ inc: Incident; what: 'onset' | 'dec' | '2h'; at: number }> = [];
  for (const inc of candidates) {
    want.push({ inc, what: 'onset', at: inc.onset - 1 }, { inc, what: 'dec', at: dec.get(inc)! }, { inc, what: '2h', at: inc.onset + 2 * HOUR });
  }
  want.sort((a, b) => a.at - b.at);
  const taken = new Map<string, Checkpoint>();
  const d = createDetector();
  const volume = (d as unknown as { volume: VolumeMonitor }).volume;
  const fired: Fired[] = [];
  const wrap = (evs: VolumeEvent[]) => {
    for (const e of evs) if (e.kind === 'burst') fired.push({ key: e.key, at: e.at, minutes: e.test.minutes, nats: e.test.score * LN10, rise: !WINDOWS.some((w) => w.minutes === e.test.minutes) });
    return evs;
  };
  const obs = volume.observe.bind(volume);
  const tick = volume.tick.bind(volume);
  volume.observe = (...a: Parameters<VolumeMonitor['observe']>) => wrap(obs(...a));
  volume.tick = (now: number) => wrap(tick(now));
  const signals: Signal[] = [];
  const person = CONFIRMED ? confirmingPerson(s, stream, d) : undefined;
  let wi = 0;
  const snap = (at: number) => {
    while (wi < want.length && want[wi]!.at <= at) {
      const w = want[wi++]!;
      const keys = new Map<string, VolumeKeyState>();
      for (const k of volume.export().keys) if (k.watchId === w.inc.watch) keys.set(k.key, k);
      taken.set(`${w.inc.id}|${w.what}`, { at: w.at, keys });
    }
  };
  for (const m of stream) {
    const t = Date.parse(m.publishedAt);
    snap(t - 1);
    person?.upTo(t);
    const xs = d.process(m).signals;
    person?.signals(xs);
    for (const x of xs) signals.push(x);
    snap(t);
  }
  person?.upTo(s.end);
  for (const x of d.advanceTo(s.end + 6 * HOUR).signals) signals.push(x);
  snap(Number.POSITIVE_INFINITY);
  const sc = scoreScenario(s, stream, signals);
  // The same detector on the storm-free stream (every incident's posts out), read at each onset:
  // what the baseline would have learnt had no earlier storm passed through it.
  const clean = new Map<string, VolumeKeyState>();
  {
    const dc = createDetector();
    const vc = (dc as unknown as { volume: VolumeMonitor }).volume;
    const onsets = candidates.map((inc) => inc).sort((a, b) => a.onset - b.onset);
    let k = 0;
    for (let i = 0; i < stream.length; i++) {
      if (s.posts[i]!.incident !== undefined) continue;
      const t = Date.parse(stream[i]!.publishedAt);
      while (k < onsets.length && onsets[k]!.onset <= t) {
        const inc = onsets[k++]!;
        const st = vc.export().keys.find((x) => x.key === `burst:${inc.watch}`);
        if (st) clean.set(inc.id, st);
      }
      dc.process(stream[i]!);
    }
  }

  const lines: string[] = [];
  for (const st of sc.storms) {
    const inc = st.incident;
    if (!candidates.includes(inc)) continue;
    if (st.alerted && st.alertDelayMin! <= 120) continue;
    const decAt = dec.get(inc)!;
    const onsetCp = taken.get(`${inc.id}|onset`)!;
    const decCp = taken.get(`${inc.id}|dec`)!;
    const twoCp = taken.get(`${inc.id}|2h`)!;
    const wk = `burst:${inc.watch}`;
    // Complaint posts of the watch since onset, and the complaint oracle.
    const idx = s.posts.map((_, i) => i).filter((i) => s.posts[i]!.watch === inc.watch);
    const cTimes = idx.filter((i) => isC[i]).map((i) => s.posts[i]!.at).sort((a, b) => a - b);
    const trueC = hindsightBaseline(cs, inc.watch, wholeDays);
    const trueAll = hindsightBaseline(s, inc.watch, wholeDays);
    const cDec = decidableAt(cTimes, inc.onset, inc.end, trueC, H);
    const since = (t: number) => cTimes.filter((x) => x >= inc.onset && x <= t).length;
    const allSince = (t: number) => idx.filter((i) => s.posts[i]!.at >= inc.onset && s.posts[i]!.at <= t).length;
    const evidence = (at: number) => {
      const n = since(at);
      const span = Math.max(at + 1, inc.onset + 15 * 60_000);
      const eTrue = trueC(inc.onset, span);
      const eLearnt = onsetCp.keys.get(wk) ? learntBetween(onsetCp.keys.get(wk)!, inc.onset, span) : NaN;
      const ph = onsetCp.keys.get(wk) ? phiOf(onsetCp.keys.get(wk)!, eLearnt, (span - inc.onset) / 60_000, inc.onset) : { phi: NaN, a: NaN, days: 0 };
      return {
        all: allSince(at), allNull: trueAll(inc.onset, span), n, eTrue, eLearnt, ph,
        natsOracle: tailNats(allSince(at), trueAll(inc.onset, span)),
        natsTrue: tailNats(n, eTrue), natsLearnt: tailNats(n, eLearnt),
        natsPhi: poissonTailScore(Math.floor(n / ph.phi), Math.max(eLearnt, 0.05) / ph.phi) * LN10,
      };
    };
    const keyLine = (cp: Checkpoint, key: string) => {
      const k = cp.keys.get(key);
      if (!k) return `${key}: not seen yet`;
      const ws = windowsAt(k, cp.at);
      const best = ws.reduce((a, b) => (b.nats - b.needNats > a.nats - a.needNats ? b : a));
      return `${key.replace(`burst:${inc.watch}`, 'watch').replace('watch:category:', 'cat ')} [${k.state}${k.phase !== 'quiet' ? `, ${k.phase}` : ''}, ${(k.base.learntHours / 24).toFixed(1)} d learnt, this hour ${k.base.hodN[Math.floor(cp.at / HOUR) % 24]} d, a ${new SeasonalBaseline(k.base).a().toFixed(2)}, daySd ${new SeasonalBaseline(k.base).daySd().toFixed(2)}] ` +
        `best window ${best.minutes} min ${best.observed} vs ${f1(best.expected)} (×${f1(best.ratio)}) ${f1(best.nats)}/${f1(best.needNats)} nats${best.fails.length ? ` fails ${best.fails.join(',')}` : ' hot'}; CUSUM ${f1(k.rise?.s ?? 0)}/${f1(H)} (run ${k.rise ? k.rise.observed : 0} vs ${f1(k.rise?.expected ?? 0)})`;
    };
    // The storm's top category (most storm complaints in the first 2 h).
    const cats = new Map<string, number>();
    for (const i of idx) {
      const p = s.posts[i]!;
      if (p.incident !== inc.id || !isC[i] || p.at >= inc.onset + 2 * HOUR) continue;
      for (const c of complaintCategories(stream[i]!, cfg)) cats.set(c, (cats.get(c) ?? 0) + 1);
    }
    const topCat = [...cats].sort((a, b) => b[1] - a[1])[0];
    const first = fired.filter((f) => f.key.startsWith(wk) && f.at >= inc.onset && f.at <= inc.end).sort((a, b) => a.at - b.at)[0];
    const e2 = evidence(inc.onset + 2 * HOUR);
    const cl = clean.get(inc.id);
    const eClean = cl ? learntBetween(cl, inc.onset, inc.onset + 2 * HOUR) : NaN;
    const ow = onsetCp.keys.get(wk);
    const dowOf = (st: VolumeKeyState | undefined) => (st ? st.base.dow[Math.floor(inc.onset / (24 * HOUR)) % 7]!.toFixed(2) : '-');
    const earlier = s.incidents.filter((x) => x.watch === inc.watch && x.alarm && x.onset < inc.onset).map((x) => `${x.id} ${((inc.onset - x.onset) / (24 * HOUR)).toFixed(1)} d before`);
    const eD = evidence(decAt);
    lines.push(
      `${s.name} ${s.seed} ${inc.id} (${inc.kind}, ${inc.watch}): decidable ${mins(decAt, inc.onset)} min; decidable on complaints ${mins(cDec, inc.onset)} min; ` +
      `alerted ${st.alerted ? `${Math.round(st.alertDelayMin!)} min` : 'never'}; first burst ${first ? `${mins(first.at, inc.onset)} min by ${first.key.replace(`burst:${inc.watch}`, 'watch')} ${first.rise ? 'CUSUM' : `${first.minutes}-min window`} (${f1(first.nats)} nats)` : 'none'}`,
      `    at decidable (${mins(decAt, inc.onset)} min): all posts ${eD.all} vs ${f1(eD.allNull)} true → ${f1(eD.natsOracle)} nats | complaints ${eD.n} vs true ${f1(eD.eTrue)} → ${f1(eD.natsTrue)}; vs learnt ${f1(eD.eLearnt)} → ${f1(eD.natsLearnt)}; with φ ${f1(eD.ph.phi)} → ${f1(eD.natsPhi)}`,
      `    at 2 h:            all posts ${e2.all} vs ${f1(e2.allNull)} true → ${f1(e2.natsOracle)} nats | complaints ${e2.n} vs true ${f1(e2.eTrue)} → ${f1(e2.natsTrue)}; vs learnt ${f1(e2.eLearnt)} (×${f1(e2.eLearnt / e2.eTrue)} of true) → ${f1(e2.natsLearnt)}; with φ ${f1(e2.ph.phi)} (a ${e2.ph.a.toFixed(2)}, ${e2.ph.days} d) → ${f1(e2.natsPhi)}`,
      ...(person ? [`    confirmed by the person before onset: ${person.done.filter((c) => c.watchId === inc.watch && c.at < inc.onset).map((c) => `${c.incident} ${((inc.onset - c.at) / (24 * HOUR)).toFixed(1)} d before`).join(', ') || 'none'}`] : []),
      `    baseline over [onset, onset + 2 h]: true ${f1(e2.eTrue)}, learnt ${f1(e2.eLearnt)} (weekday factor ${dowOf(ow)}), learnt on the storm-free stream ${f1(eClean)} (weekday factor ${dowOf(cl)}); earlier storms of the watch: ${earlier.join(', ') || 'none'}`,
      `    at 2 h  ${keyLine(twoCp, wk)}`,
      topCat ? `    at 2 h  ${keyLine(twoCp, `${wk}:category:${topCat[0]}`)} (${topCat[1]} storm complaints)` : '    no category',
      `    at dec  ${keyLine(decCp, wk)}`,
    );
  }
  return lines;
}

const makers: Array<() => Scenario> = [
  () => zhDelivery(202, 'held-out'), () => zhDelivery(303, 'held-out'), () => zhShopping(404, 'held-out'), () => enSocial(505, 'held-out'),
  () => cfpbCompanies(606), () => zhFruitHeatwave(707, 'held-out'), () => zhFruitHeatwave(808, 'held-out'), () => zhFruitHeatwave(909, 'held-out'),
];
let n = 0;
for (const make of makers) {
  const lines = run(make());
  n += lines.filter((l) => !l.startsWith(' ')).length;
  for (const l of lines) console.log(l);
}
console.log(`\n${n} storms decidable within 2 h of onset and alerted later (threshold ${H.toFixed(1)} nats)`);
