import type { RiskCueKind } from '@vigil/contracts';
import { Baseline, type BaselineState } from './baseline';
import type { DetectionConfig } from './config';
import type { PostFeatures } from './features';
import { poissonTailScore } from './poisson';

export type BurstDimension = DetectionConfig['burst']['dimensions'][number];

/** What a burst signal needs to know about the posts of its window (bounded). */
export interface RecentPost {
  id: string;
  at: number;
  author: number;
  reach: number;
  money: number;
  cues: RiskCueKind[];
  channel: string;
  emotion: number;
  sentiment: number;
  places: string[];
  categories: string[];
  products: string[];
}

export interface KeyState {
  key: string;
  dim: BurstDimension;
  value: string;
  base: BaselineState;
  phase: 'quiet' | 'active' | 'refractory';
  hotRun: number;
  lastHotStep: number;
  coolRun: number;
  lastClosedStep: number;
  episodeStart?: number;
  refractoryUntil: number;
  recent: RecentPost[];
}

export interface BurstSnapshot {
  keys: KeyState[];
  lastTickStep: number;
  origin: number;
}

export interface BurstEvent {
  kind: 'burst' | 'burst_cooling';
  key: string;
  dim: BurstDimension;
  value: string;
  at: number;
  episodeStart: number;
  score: number;
  observed: number;
  baseline: number;
  windowStart: number;
  windowEnd: number;
  posts: RecentPost[];
}

const MAX_RECENT = 20;
const HOUR_MS = 3_600_000;

/**
 * Per-key burst state machine: quiet → active (hot for sustainSteps steps, or one very
 * hot step) → refractory (after coolSteps cool steps; emits burst_cooling) → quiet.
 * Entering needs a high score, leaving a low one for several steps: hysteresis, so a
 * flapping key stays one episode instead of firing again and again.
 */
export class BurstDetector {
  private readonly keys = new Map<string, KeyState>();
  /** The same states by dimension and value: a post's lookups need not build the key string. */
  private readonly byDim = new Map<BurstDimension, Map<string, KeyState>>();
  private readonly active = new Set<string>();
  private lastTickStep = -1;
  /** First event time seen: warm-up is about how long the stream has been watched, not the key. */
  private origin = Number.NaN;

  constructor(private readonly cfg: DetectionConfig['burst']) {}

  private get stepMs(): number {
    return this.cfg.stepMinutes * 60_000;
  }

  /** `prior`: earlier event times of a key seen for the first time (a cluster tracked from its second post). */
  observe(p: PostFeatures, dims: Array<[BurstDimension, string]>, prior?: readonly number[]): BurstEvent[] {
    if (Number.isNaN(this.origin)) this.origin = p.at;
    const out: BurstEvent[] = [];
    // One summary shared by all of the post's keys.
    const rp: RecentPost = {
      id: p.id, at: p.at, author: p.authorHash, reach: p.reach, money: p.maxMoney, cues: p.cues, channel: p.channel,
      emotion: p.emotion, sentiment: p.sentiment, places: p.places, categories: p.categories, products: p.products,
    };
    for (const [dim, value] of dims) {
      if (!this.cfg.dimensions.includes(dim)) continue;
      const ev = this.observeKey(p, rp, dim, value, dim === 'cluster' ? prior : undefined);
      if (ev) out.push(ev);
    }
    return out;
  }

  private observeKey(p: PostFeatures, rp: RecentPost, dim: BurstDimension, value: string, prior?: readonly number[]): BurstEvent | undefined {
    let values = this.byDim.get(dim);
    if (!values) this.byDim.set(dim, (values = new Map()));
    let st = values.get(value);
    if (!st) {
      const key = `burst:${dim}:${value}`;
      st = {
        key, dim, value,
        base: new Baseline(this.cfg, p.at).s,
        phase: 'quiet', hotRun: 0, lastHotStep: -2, coolRun: 0,
        lastClosedStep: Math.floor(p.at / this.stepMs) - 1, refractoryUntil: 0, recent: [],
      };
      if (prior) {
        const seed = new Baseline(this.cfg, p.at, st.base);
        for (const t of prior) if (t <= p.at) seed.add(t);
      }
      this.keys.set(key, st);
      values.set(value, st);
      if (this.keys.size > this.cfg.maxKeys * 1.1) this.evictKeys();
    }
    const key = st.key;

    const base = new Baseline(this.cfg, p.at, st.base);
    base.roll(p.at, st.phase === 'active' ? base.expectedPerHour() : undefined);
    base.add(p.at);
    st.recent.push(rp);
    if (st.recent.length > MAX_RECENT) st.recent.shift();

    if (st.phase === 'refractory' && p.at >= st.refractoryUntil) {
      st.phase = 'quiet';
      st.hotRun = 0;
    }
    if (st.phase !== 'quiet') return undefined;

    const observed = base.windowCount();
    // Most keys, most of the time, are below the minimum count: no need to score them.
    if (observed < (this.cfg.minCount[dim] ?? 5)) return undefined;
    if (dim !== 'cluster' && p.at - this.origin < this.cfg.warmupHours * HOUR_MS) return undefined;
    const expected = base.expectedInWindow();
    const score = poissonTailScore(observed, expected);
    if (score < this.cfg.enterScore) return undefined;
    const step = st.base.step;
    if (st.lastHotStep !== step) {
      st.hotRun = st.lastHotStep === step - 1 ? st.hotRun + 1 : 1;
      st.lastHotStep = step;
    }
    if (st.hotRun < this.cfg.sustainSteps && score < this.cfg.immediateScore) return undefined;

    st.phase = 'active';
    st.coolRun = 0;
    st.lastClosedStep = step - 1;
    st.episodeStart = base.windowStartMs();
    this.active.add(key);
    return this.event('burst', st, base, p.at, score, observed, expected);
  }

  /** Close the steps up to `now` for active keys; returns burst_cooling events. */
  tick(now: number): BurstEvent[] {
    const step = Math.floor(now / this.stepMs);
    if (step === this.lastTickStep) return [];
    this.lastTickStep = step;
    const out: BurstEvent[] = [];
    for (const key of [...this.active]) {
      const st = this.keys.get(key);
      if (!st || st.phase !== 'active') {
        this.active.delete(key);
        continue;
      }
      const base = new Baseline(this.cfg, now, st.base);
      base.roll(now, base.expectedPerHour());
      const ringSpan = st.base.stepCounts.length - this.cfg.windowSteps;
      const expected = base.expectedInWindow();
      const minCount = this.cfg.minCount[st.dim] ?? 5;
      for (let s = Math.max(st.lastClosedStep + 1, step - ringSpan); s < step; s++) {
        const ago = step - s;
        const observed = base.windowCount(ago);
        const score = poissonTailScore(observed, expected);
        st.coolRun = score < this.cfg.exitScore || observed < Math.ceil(minCount / 2) ? st.coolRun + 1 : 0;
        st.lastClosedStep = s;
        if (st.coolRun >= this.cfg.coolSteps) {
          const at = base.windowEndMs(ago);
          st.phase = 'refractory';
          st.refractoryUntil = at + this.cfg.refractoryMinutes * 60_000;
          this.active.delete(key);
          out.push(this.event('burst_cooling', st, base, at, score, observed, expected, ago));
          break;
        }
      }
      st.lastClosedStep = Math.max(st.lastClosedStep, step - 1);
    }
    return out;
  }

  private event(kind: BurstEvent['kind'], st: KeyState, base: Baseline, at: number, score: number, observed: number, expected: number, ago = 0): BurstEvent {
    const windowStart = base.windowStartMs(ago);
    const windowEnd = base.windowEndMs(ago);
    return {
      kind, key: st.key, dim: st.dim, value: st.value, at,
      episodeStart: st.episodeStart ?? windowStart,
      score, observed, baseline: expected, windowStart, windowEnd,
      posts: st.recent.filter((r) => r.at >= windowStart && r.at < windowEnd),
    };
  }

  /** Down to 90 % of maxKeys, quiet keys that have seen the fewest recent steps first. */
  private evictKeys(): void {
    const quiet = [...this.keys.values()].filter((k) => k.phase !== 'active').sort((a, b) => a.base.step - b.base.step || (a.key < b.key ? -1 : 1));
    const drop = this.keys.size - Math.floor(this.cfg.maxKeys * 0.9);
    for (const k of quiet.slice(0, drop)) {
      this.keys.delete(k.key);
      this.byDim.get(k.dim)?.delete(k.value);
    }
  }

  phaseOf(key: string): KeyState['phase'] | undefined {
    return this.keys.get(key)?.phase;
  }

  get size(): number {
    return this.keys.size;
  }

  export(): BurstSnapshot {
    return { keys: structuredClone([...this.keys.values()]), lastTickStep: this.lastTickStep, origin: this.origin };
  }

  import(s: BurstSnapshot): void {
    this.origin = s.origin;
    this.keys.clear();
    this.byDim.clear();
    this.active.clear();
    for (const k of structuredClone(s.keys)) {
      this.keys.set(k.key, k);
      let values = this.byDim.get(k.dim);
      if (!values) this.byDim.set(k.dim, (values = new Map()));
      values.set(k.value, k);
      if (k.phase === 'active') this.active.add(k.key);
    }
    this.lastTickStep = s.lastTickStep;
  }
}
