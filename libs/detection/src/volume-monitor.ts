import type { BaselineState, BaselineStatus, RiskCueKind } from '@vigil/contracts';
import type { DetectionConfig } from './config';
import type { ConfirmedIncidents } from './confirmed-incidents';
import type { CoverageBook } from './coverage';
import { isoTime } from './iso-time';
import { RING_STEPS, SeasonalBaseline, type SeasonalState, type WindowTest } from './seasonal-baseline';
import { BLOCK_MINUTES, addRiseBlock, createRise, resetRise, riseFires, riseScore, type RiseState } from './sustained-rise';

export type VolumeDimension = 'watch' | 'category';

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
  /** The cluster the post joined (the detector fills it in). */
  cluster?: string;
  /** The post's text and language (referenced), for a title when no cluster speaks for the burst. */
  text?: string;
  language?: string;
}

export interface VolumeKeyState {
  key: string;
  watchId: string;
  dim: VolumeDimension;
  value: string;
  base: SeasonalState;
  /** Sources whose posts this key counts (bounded): whose coverage gaps matter to it. */
  sources: string[];
  phase: 'quiet' | 'active' | 'refractory';
  hotRun: number;
  lastHotStep: number;
  coolRun: number;
  lastClosedStep: number;
  /** The window that fired, watched for cooling. */
  firedMinutes: number;
  episodeStart: number;
  refractoryUntil: number;
  lastPost: number;
  state: BaselineState;
  stateSince: number;
  reason: string;
  recent: RecentPost[];
  /** The sustained-rise test's state (absent in snapshots from before it: it starts at the next block). */
  rise?: RiseState;
}

export interface VolumeSnapshot {
  keys: VolumeKeyState[];
  lastTickStep: number;
}

export interface VolumeEvent {
  kind: 'burst' | 'burst_cooling';
  key: string;
  watchId: string;
  dim: VolumeDimension;
  value: string;
  at: number;
  episodeStart: number;
  test: WindowTest;
  /** 1 − p: how sure the detector is the rise is real. */
  confidence: number;
  posts: RecentPost[];
}

const STEP_MS = 5 * 60_000;
const BLOCK_MS = BLOCK_MINUTES * 60_000;
/** Blocks still in the baseline's ring of 5-minute steps. */
const RING_BLOCKS = Math.floor((RING_STEPS * 5) / BLOCK_MINUTES);
const HOUR_MS = 3_600_000;
const MAX_RECENT = 30;
const MAX_SOURCES = 32;
/** How often (hours learnt) a warming-up key's progress is stored. */
const REPORT_LEARNING_HOURS = 6;

/**
 * Per-watch and per-category volume against a learnt seasonal baseline. A key fires when any of
 * its windows (a sharp 15-minute spike up to a 6-hour sustained rise) is both surprising under
 * the baseline (score) and large enough to matter (ratio, count). A key whose history is too short,
 * or whose sources had a coverage gap within the longest window, is warming up: it learns, it
 * never fires, and its state is readable (statuses()).
 */
export class VolumeMonitor {
  private readonly keys = new Map<string, VolumeKeyState>();
  private readonly active = new Set<string>();
  private lastTickStep = -1;
  /** Keys whose status changed since the last takeStatusChanges(). */
  private readonly changed = new Set<string>();
  private readonly learningReported = new Map<string, number>();
  /** The windows' lengths, ascending (tests() walks the ring once for all of them). */
  private readonly windowMinutes: number[];

  constructor(
    private readonly cfg: DetectionConfig['burst'],
    private readonly coverage: CoverageBook,
    private readonly confirmed?: ConfirmedIncidents,
  ) {
    const sorted = [...cfg.windows].sort((a, b) => a.minutes - b.minutes);
    if (sorted.some((w, i) => w !== cfg.windows[i])) throw new Error('burst.windows must be in ascending order of minutes');
    this.windowMinutes = sorted.map((w) => w.minutes);
  }

  private get longestMinutes(): number {
    return this.windowMinutes[this.windowMinutes.length - 1] ?? 0;
  }

  /** Count a post for its keys; returns the bursts it sets off. */
  observe(at: number, sourceId: string, keys: ReadonlyArray<readonly [string, VolumeDimension, string]>, rp: RecentPost): VolumeEvent[] {
    const out: VolumeEvent[] = [];
    for (const [watchId, dim, value] of keys) {
      const st = this.keyFor(watchId, dim, value, at);
      if (!st.sources.includes(sourceId) && st.sources.length < MAX_SOURCES) st.sources.push(sourceId);
      const base = new SeasonalBaseline(st.base);
      this.roll(st, base, at);
      base.add(at);
      st.lastPost = Math.max(st.lastPost, at);
      st.recent.push(rp);
      if (st.recent.length > MAX_RECENT) st.recent.shift();
      const ev = this.judge(st, base, at);
      if (ev) out.push(ev);
    }
    return out;
  }

  private keyFor(watchId: string, dim: VolumeDimension, value: string, at: number): VolumeKeyState {
    const key = dim === 'watch' ? `burst:${watchId}` : `burst:${watchId}:${dim}:${value}`;
    let st = this.keys.get(key);
    if (st) return st;
    st = {
      key, watchId, dim, value, base: SeasonalBaseline.create(at), sources: [],
      phase: 'quiet', hotRun: 0, lastHotStep: -2, coolRun: 0, lastClosedStep: Math.floor(at / STEP_MS) - 1, firedMinutes: 60,
      episodeStart: 0, refractoryUntil: 0, lastPost: at, state: 'warming_up', stateSince: at, reason: 'no history yet', recent: [],
    };
    this.keys.set(key, st);
    this.changed.add(key);
    if (this.keys.size > this.cfg.maxKeys * 1.1) this.evictKeys();
    return st;
  }

  private roll(st: VolumeKeyState, base: SeasonalBaseline, now: number): void {
    const skip = this.coverage.size ? (h: number) => this.coverage.overlaps(st.sources, h, h + HOUR_MS) : undefined;
    base.roll(now, skip, st.phase === 'active' ? this.cfg.learnCapDuringBurst : undefined, this.incidentHours(st.watchId));
  }

  private incidentHours(watchId: string): ((h: number) => boolean) | undefined {
    const c = this.confirmed;
    return c?.has(watchId) ? (h: number) => c.overlaps(watchId, h, h + HOUR_MS) : undefined;
  }

  /** Incidents of these watches were confirmed: their keys unlearn the hours of the last day the incidents cover. */
  incidentsConfirmed(watchIds: readonly string[]): void {
    const ws = new Set(watchIds);
    for (const st of this.keys.values()) {
      if (!ws.has(st.watchId)) continue;
      const pred = this.incidentHours(st.watchId);
      if (pred) new SeasonalBaseline(st.base).unlearn(pred);
    }
  }

  /** Warming up, a coverage gap, or ready; updates the key's visible state. */
  private assess(st: VolumeKeyState, base: SeasonalBaseline, now: number): BaselineState {
    let state: BaselineState = 'ready';
    let reason = 'baseline learnt';
    if (!base.hasHistory(this.cfg.warmupHours)) {
      state = 'warming_up';
      const days = (base.s.learntHours / 24).toFixed(1);
      reason = `${days} of ${(this.cfg.warmupHours / 24).toFixed(0)} days of history (and 2 days of this hour) needed before a rise is judged`;
    } else if (this.coverage.size && this.coverage.overlaps(st.sources, now - this.longestMinutes * 60_000, now)) {
      state = 'coverage_gap';
      reason = 'a source of this key missed posts in the last hours; rises are not judged until its windows are clear';
    }
    if (state !== st.state) {
      st.state = state;
      st.stateSince = now;
      st.reason = reason;
      this.changed.add(st.key);
    } else st.reason = reason;
    // While a key learns, its progress is stored every REPORT_LEARNING_HOURS so the dashboard can
    // say how far it is (the report marks live here, not in snapshots: after a restore it reports once more).
    if (state === 'warming_up') {
      const mark = Math.floor(base.s.learntHours / REPORT_LEARNING_HOURS);
      if (this.learningReported.get(st.key) !== mark) {
        this.learningReported.set(st.key, mark);
        this.changed.add(st.key);
      }
    } else this.learningReported.delete(st.key);
    return state;
  }

  private judge(st: VolumeKeyState, base: SeasonalBaseline, at: number): VolumeEvent | undefined {
    if (st.phase === 'refractory' && at >= st.refractoryUntil) {
      st.phase = 'quiet';
      st.hotRun = 0;
    }
    if (st.phase !== 'quiet') {
      this.holdRise(st, base);
      return undefined;
    }
    const ready = this.assess(st, base, at) === 'ready';
    const rising = this.advanceRise(st, base, ready);
    if (!ready) return undefined;
    let best: WindowTest | undefined;
    let bestImmediate = false;
    const ws = this.cfg.windows;
    const tests = base.tests(this.windowMinutes, 0, (i, o, e) => o >= ws[i]!.minCount && o >= ws[i]!.minRatio * e);
    for (let i = 0; i < ws.length; i++) {
      const w = ws[i]!;
      const t = tests[i]!;
      if (t.observed < w.minCount || t.ratio < w.minRatio) continue;
      if (t.score < w.score) continue;
      if (!best || t.score > best.score) {
        best = t;
        bestImmediate = w.sustainSteps <= 1 || t.score >= w.score + this.cfg.immediateMargin;
      }
    }
    const step = base.s.step;
    if (best) {
      if (st.lastHotStep !== step) {
        st.hotRun = st.lastHotStep === step - 1 ? st.hotRun + 1 : 1;
        st.lastHotStep = step;
      }
      if (bestImmediate || st.hotRun >= 2) {
        this.holdRise(st, base);
        return this.fire(st, step, at, best);
      }
    }
    return rising ? this.fireRise(st, base, at) : undefined;
  }

  private fire(st: VolumeKeyState, step: number, at: number, t: WindowTest): VolumeEvent {
    st.phase = 'active';
    st.coolRun = 0;
    st.lastClosedStep = step - 1;
    st.firedMinutes = t.minutes;
    st.episodeStart = (step + 1) * STEP_MS - t.minutes * 60_000;
    this.active.add(st.key);
    return this.event('burst', st, at, t);
  }

  private riseOn(st: VolumeKeyState): boolean {
    return this.cfg.rise.enabled && this.cfg.rise.dimensions.includes(st.dim);
  }

  /** No rise is summed while the key is warming up, in a coverage gap, or in a burst: it starts again at the next block. */
  private holdRise(st: VolumeKeyState, base: SeasonalBaseline): void {
    if (!this.riseOn(st)) return;
    const current = Math.floor((base.s.step * STEP_MS) / BLOCK_MS);
    if (st.rise) resetRise(st.rise, current);
    else st.rise = createRise(current);
  }

  /** Judge the blocks closed since the last call; true when the sustained rise has reached its threshold. */
  private advanceRise(st: VolumeKeyState, base: SeasonalBaseline, ready: boolean): boolean {
    if (!this.riseOn(st)) return false;
    if (!ready || !st.rise) {
      this.holdRise(st, base);
      return false;
    }
    const r = st.rise;
    const current = Math.floor((base.s.step * STEP_MS) / BLOCK_MS);
    if (current <= r.nextBlock) return false;
    // Blocks that left the ring had no posts (a post would have rolled the ring): they only pull the sum down.
    if (current - r.nextBlock > RING_BLOCKS) resetRise(r, current - RING_BLOCKS);
    while (r.nextBlock < current) addRiseBlock(r, base.block(r.nextBlock), this.cfg.rise);
    return riseFires(r, this.cfg.rise);
  }

  /** The run since the sum last stood at 0 is the burst's window (the cooling watch is capped to the ring). */
  private fireRise(st: VolumeKeyState, base: SeasonalBaseline, at: number): VolumeEvent {
    const r = st.rise!;
    const minutes = (r.nextBlock - r.runStart) * BLOCK_MINUTES;
    const t: WindowTest = { minutes, observed: r.observed, expected: r.expected, ratio: r.expected > 0 ? r.observed / r.expected : Infinity, score: riseScore(r) };
    const step = base.s.step;
    const ev = this.fire(st, step, at, t);
    st.episodeStart = r.runStart * BLOCK_MS;
    st.firedMinutes = Math.min(RING_STEPS * 5, Math.max(60, minutes));
    ev.episodeStart = st.episodeStart;
    resetRise(r, r.nextBlock);
    return ev;
  }

  /** Event time passes: close steps and hours for every key, cool active ones. */
  tick(now: number): VolumeEvent[] {
    const step = Math.floor(now / STEP_MS);
    if (step === this.lastTickStep) return [];
    this.lastTickStep = step;
    const out: VolumeEvent[] = [];
    for (const st of this.keys.values()) {
      const base = new SeasonalBaseline(st.base);
      this.roll(st, base, now);
      if (st.phase === 'active') {
        const ev = this.cool(st, base, step);
        if (ev) out.push(ev);
      } else if (st.phase === 'quiet') {
        const ready = this.assess(st, base, now) === 'ready';
        if (this.advanceRise(st, base, ready)) out.push(this.fireRise(st, base, now));
      } else this.holdRise(st, base);
    }
    return out;
  }

  private cool(st: VolumeKeyState, base: SeasonalBaseline, step: number): VolumeEvent | undefined {
    const from = Math.max(st.lastClosedStep + 1, step - 12);
    for (let s = from; s < step; s++) {
      const t = base.test(st.firedMinutes, step - s);
      st.coolRun = t.ratio < this.cfg.coolRatio ? st.coolRun + 1 : 0;
      st.lastClosedStep = s;
      if (st.coolRun >= this.cfg.coolSteps) {
        const at = (s + 1) * STEP_MS;
        st.phase = 'refractory';
        st.refractoryUntil = at + this.cfg.refractoryMinutes * 60_000;
        this.active.delete(st.key);
        return this.event('burst_cooling', st, at, t);
      }
    }
    st.lastClosedStep = Math.max(st.lastClosedStep, step - 1);
    return undefined;
  }

  private event(kind: VolumeEvent['kind'], st: VolumeKeyState, at: number, t: WindowTest): VolumeEvent {
    const from = at - t.minutes * 60_000;
    return {
      kind, key: st.key, watchId: st.watchId, dim: st.dim, value: st.value, at, episodeStart: st.episodeStart, test: t,
      confidence: Math.max(0, Math.min(1, 1 - Math.pow(10, -t.score))),
      posts: st.recent.filter((r) => r.at >= from && r.at <= at),
    };
  }

  /** Active watch-level burst of a watch, if any (its key). */
  activeFor(watchId: string): VolumeKeyState | undefined {
    const st = this.keys.get(`burst:${watchId}`);
    if (st?.phase === 'active') return st;
    for (const k of this.active) {
      const x = this.keys.get(k);
      if (x?.watchId === watchId) return x;
    }
    return undefined;
  }

  /** What a watch usually gets in an hour like this one (0 for a watch not seen yet). */
  watchPerHour(watchId: string): number {
    const st = this.keys.get(`burst:${watchId}`);
    return st ? new SeasonalBaseline(st.base).roughPerHour() : 0;
  }

  get(key: string): VolumeKeyState | undefined {
    return this.keys.get(key);
  }

  /** Statuses of the keys whose state changed since the last call (for the stored status). */
  takeStatusChanges(now: number): BaselineStatus[] {
    const out: BaselineStatus[] = [];
    for (const k of this.changed) {
      const st = this.keys.get(k);
      if (st) out.push(this.status(st, now));
    }
    this.changed.clear();
    return out;
  }

  statuses(now: number): BaselineStatus[] {
    return [...this.keys.values()].map((st) => this.status(st, now));
  }

  private status(st: VolumeKeyState, now: number): BaselineStatus {
    const base = new SeasonalBaseline(st.base);
    return {
      key: st.key, watchId: st.watchId, dimension: st.dim, value: st.value, state: st.state, reason: st.reason,
      since: isoTime(st.stateSince), firstSeen: isoTime(st.base.firstSeen), learntHours: st.base.learntHours, neededHours: this.cfg.warmupHours,
      expectedPerHour: Math.round(base.expectedPerHour() * 100) / 100, dispersion: Math.round(base.dispersion() * 100) / 100, at: isoTime(now),
    };
  }

  /** Down to 90 % of maxKeys: quiet keys idle longest go first. */
  private evictKeys(): void {
    const quiet = [...this.keys.values()].filter((k) => k.phase !== 'active').sort((a, b) => a.lastPost - b.lastPost || (a.key < b.key ? -1 : 1));
    const drop = this.keys.size - Math.floor(this.cfg.maxKeys * 0.9);
    for (const k of quiet.slice(0, drop)) {
      this.keys.delete(k.key);
      this.learningReported.delete(k.key);
    }
  }

  get size(): number {
    return this.keys.size;
  }

  /** Post texts stay out of the snapshot (saved after every batch): a restored burst is titled by its numbers. */
  export(): VolumeSnapshot {
    const keys = [...this.keys.values()].map((k) => ({ ...k, recent: k.recent.map(({ text: _t, language: _l, ...rest }) => rest) }));
    return { keys: structuredClone(keys), lastTickStep: this.lastTickStep };
  }

  import(s: VolumeSnapshot): void {
    this.keys.clear();
    this.active.clear();
    for (const k of structuredClone(s.keys)) {
      this.keys.set(k.key, k);
      if (k.phase === 'active') this.active.add(k.key);
    }
    this.lastTickStep = s.lastTickStep;
  }
}
