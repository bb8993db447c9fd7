/**
 * Throughput and memory of the detector over a long synthetic replay.
 * Usage: npm run bench:detection [-- posts=1000000] [--no-lsh]
 * It runs the tsc output in dist/, as the detector service does: under tsx the same code
 * measured 20–25 % slower back to back.
 * With --expose-gc the memory lines also show the live heap after a full GC (outside the timed part).
 */
import * as os from 'node:os';
import { createDetector } from '../../libs/detection/src';
import { makeMention } from '../../test/support/mention-factory';
import { mulberry32 } from '../../test/support/prng';
import type { EnrichedMention } from '@vigil/contracts';
import { SpeedLog } from '../machine-speed';

const args = process.argv.slice(2);
const N = Number(args.find((a) => /^\d+$/.test(a)) ?? 1_000_000);
const useLsh = !args.includes('--no-lsh');
const rand = mulberry32(42);
const CHARS = '的一是不了人我在有他这中大来上个国到说们为子和你地出道也时年得就那要下以生会自着去之过家学对可里后小么心多天而能好都然没日于起还发成事只作当想看文无开手十用主行方又如前所本见经头面公同三已老从动两长知民样现分将外但身些与高意进把法此实回二理美点月明其种声全工己话儿者向情部正名定女问力机给等几很业最间新什打便位因重被走电四第门相次东政海口使教西再平真听世气信北少关并内加化由却代军产入先山五太水万市眼体别处总才场师书比住员九笑性通目华报立马命张活难神数件安表原车白应路期叫死常提感金何更反合放做系计或司利受光王果亲界及今京务制解各任至清物台象记边共风战干接它许八特觉望直服毛林题建南度统色字请交爱让认算论百吃义科怎元社术结六功指思非流每青管夫连远资队跟带花快条院变联言权往展该领传近留红治决周保达办运武半候七必城父强步完革深区即求品士转量空甚众技轻程告江语英基派满式李息写呢识极令黄德收脸钱党倒未持取设始版双历越史商千片容研像找友孩站广改议形委早房音火际则首单据导影失拿网香似斯专石若兵弟谁校读志飞观争究包组造落视济喜离虽坏兴切证'.split('');
/** Zipf-ish pick: low indexes are common words, the tail is long, as in real text. */
const zipf = (n: number) => Math.floor(Math.pow(rand(), 2.2) * n);
const ZH = Array.from({ length: 4000 }, (_, i) => CHARS[i % CHARS.length]! + CHARS[Math.floor(i / CHARS.length) % CHARS.length]!);
const SYL = ['ka', 'lo', 'mi', 'ter', 'den', 'sho', 'ra', 'ple', 'vin', 'cor', 'bu', 'sta', 'gre', 'fol', 'nu', 'pa', 'lin', 'dor', 'ex', 'tri'];
const EN = Array.from({ length: 4000 }, (_, i) => SYL[i % 20]! + SYL[Math.floor(i / 20) % 20]! + SYL[Math.floor(i / 400) % 20]!);
const PLACES = Array.from({ length: 300 }, (_, i) => `小区${i}`);
const CATS = ['delivery', 'service', 'billing', 'quality', 'outage', 'privacy'];
const START = Date.parse('2026-01-01T00:00:00Z');
// 1 M posts over ~20 days: about 35 posts a minute, well past the idle-eviction horizon.
const GAP_MS = (20 * 86_400_000) / 1_000_000;

/** Build mentions in chunks so the generator's own garbage does not dominate the memory figures. */
function chunk(from: number, n: number): EnrichedMention[] {
  const out: EnrichedMention[] = [];
  for (let i = from; i < from + n; i++) {
    const zh = rand() < 0.6;
    const vocab = zh ? ZH : EN;
    // Issue families: each has a core of 6 words; a post takes 4 of them plus common and rare words.
    const fam = zipf(5000);
    const core = Array.from({ length: 6 }, (_, k) => vocab[(fam * 131 + k * 977) % vocab.length]!);
    const words = [...core.filter(() => rand() < 0.67), ...Array.from({ length: 4 + Math.floor(rand() * 6) }, () => vocab[zipf(vocab.length)]!)];
    out.push(
      makeMention({
        ext: `b-${i}`,
        text: words.join(zh ? '，' : ' ') + (zh ? '' : ` ${fam}`),
        at: START + i * GAP_MS,
        author: `u${Math.floor(rand() * 200_000)}`,
        followers: Math.floor(rand() * 5000),
        sentiment: rand() < 0.8 ? -0.7 : 0.1,
        categories: [CATS[fam % CATS.length]!],
        places: rand() < 0.3 ? [{ name: PLACES[fam % PLACES.length]!, kind: 'compound' }] : [],
        cues: rand() < 0.01 ? ['media', 'regulator'] : [],
        emotion: rand(),
      }),
    );
  }
  return out;
}

const d = createDetector({ clustering: { useLsh }, burst: { rise: { enabled: !args.includes('--no-rise') } } });
const CHUNK = 10_000;
let processed = 0;
let busyMs = 0;
let cpuMs = 0;
let signals = 0;
let peakRss = 0;
let peakHeap = 0;
let peakLive = 0;
const speed = new SpeedLog();
const every = Math.max(CHUNK, Math.floor(N / 20 / CHUNK) * CHUNK);
console.log(`bench:detection  posts=${N}  useLsh=${useLsh}  (one core, synthetic zh/en complaint replay over ${Math.round((N * GAP_MS) / 86_400_000)} days)`);
console.log('posts      | posts/s wall | posts/CPU-s | heapUsed MB | live heap MB | rss MB | clusters | burst keys | seen');
while (processed < N) {
  const batch = chunk(processed, Math.min(CHUNK, N - processed));
  const t0 = process.hrtime.bigint();
  const c0 = process.cpuUsage();
  for (const m of batch) signals += d.process(m).signals.length;
  const c1 = process.cpuUsage(c0);
  cpuMs += (c1.user + c1.system) / 1000;
  busyMs += Number(process.hrtime.bigint() - t0) / 1e6;
  processed += batch.length;
  // Outside the timed part: how fast the machine itself was, chunk by chunk.
  speed.sample();
  const mem = process.memoryUsage();
  peakRss = Math.max(peakRss, mem.rss);
  peakHeap = Math.max(peakHeap, mem.heapUsed);
  if (processed % every === 0 || processed === N) {
    // Live heap after a full collection (outside the timed part), when run with --expose-gc.
    const gc = (globalThis as { gc?: () => void }).gc;
    if (gc) gc();
    const live = process.memoryUsage().heapUsed;
    peakLive = Math.max(peakLive, live);
    const st = d.stats();
    console.log(
      `${String(processed).padEnd(10)} | ${String(Math.round(processed / (busyMs / 1000))).padStart(12)} | ${String(Math.round(processed / (cpuMs / 1000))).padStart(11)} | ${(mem.heapUsed / 2 ** 20).toFixed(0).padStart(11)} | ${(live / 2 ** 20).toFixed(0).padStart(12)} | ${(mem.rss / 2 ** 20).toFixed(0).padStart(6)} | ${String(st.clusters).padStart(8)} | ${String(st.burstKeys).padStart(10)} | ${st.seen}`,
    );
  }
}
console.log(`\nthroughput: ${Math.round(N / (busyMs / 1000))} posts/s wall-clock, ${Math.round(N / (cpuMs / 1000))} posts per CPU-second (detector time only: ${(busyMs / 1000).toFixed(1)} s wall, ${(cpuMs / 1000).toFixed(1)} s CPU incl. GC threads; target >= 6000)`);
console.log(`machine speed during the run (scripts/machine-speed.ts reference loop): ${speed}`);
console.log(`load average during the run: ${os.loadavg().map((x) => x.toFixed(2)).join(' ')} on ${os.cpus().length} cores (wall figures suffer when the machine is shared)`);
console.log(`peak live heap (after GC) ${(peakLive / 2 ** 20).toFixed(0)} MB, peak heapUsed ${(peakHeap / 2 ** 20).toFixed(0)} MB, peak RSS ${(peakRss / 2 ** 20).toFixed(0)} MB, signals ${signals}`);
