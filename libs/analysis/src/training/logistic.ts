/**
 * Logistic regression over sparse, hashed features, trained with AdaGrad: the one trainer behind
 * the shipped models, the evaluation folds and a deployment's own update (`vigil train`).
 * Pure and deterministic: same examples and options, same weights.
 */
import type { LinearModel } from '../features';

export interface SparseExample {
  /** Feature ids (duplicates count as term frequency). */
  ids: Int32Array;
  /** One value per id; absent = every id weighs 1/sqrt(ids.length), as `predict` scores it. */
  vals?: Float32Array;
  /** 1 positive, 0 negative. */
  y: number;
  /** Sample weight (1 when absent). */
  w?: number;
}

export interface LogisticOptions {
  /** Weight vector size is 2^bits; ids must be below it. */
  bits: number;
  epochs: number;
  /** L2 penalty applied to the weights a step touches. */
  l2: number;
  lr?: number;
  seed?: number;
  /** Start from these weights (a deployment update continues the shipped model). */
  init?: LinearModel;
  /** With init: the L2 penalty pulls towards the initial weights instead of zero (an update stays near the model it adapts). */
  anchored?: boolean;
}

export function mulberry32(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

export function scoreExample(model: LinearModel, ex: SparseExample): number {
  const { ids, vals } = ex;
  if (ids.length === 0) return sigmoid(model.bias);
  let z = model.bias;
  if (vals) for (let i = 0; i < ids.length; i++) z += model.weights[ids[i]!]! * vals[i]!;
  else {
    const norm = 1 / Math.sqrt(ids.length);
    for (let i = 0; i < ids.length; i++) z += model.weights[ids[i]!]! * norm;
  }
  return sigmoid(z);
}

/** Examples between two pauses of trainLogisticSteps (a few milliseconds of work). */
const STEP = 256;

export function trainLogistic(examples: readonly SparseExample[], o: LogisticOptions): LinearModel {
  return drain(trainLogisticSteps(examples, o));
}

/** Runs a stepped computation to its end at once. */
export function drain<T>(steps: Generator<void, T>): T {
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

/**
 * trainLogistic in steps: it pauses (yields) every few hundred examples, so a long-running
 * process can train between its other work (the processor's model-update job) and stay responsive.
 */
export function* trainLogisticSteps(examples: readonly SparseExample[], o: LogisticOptions): Generator<void, LinearModel> {
  const n = 1 << o.bits;
  const w = o.init ? Float32Array.from(o.init.weights) : new Float32Array(n);
  const w0 = o.init && o.anchored ? o.init.weights : undefined;
  if (w.length !== n) throw new Error(`initial model has ${w.length} weights, expected 2^${o.bits}`);
  const g2 = new Float32Array(n).fill(1e-6);
  let bias = o.init?.bias ?? 0;
  let bg2 = 1e-6;
  const lr = o.lr ?? 0.2;
  const order = examples.map((_, i) => i);
  const rand = mulberry32(o.seed ?? 42);
  const model: LinearModel = { bias, weights: w };
  for (let e = 0; e < o.epochs; e++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      const t = order[i]!; order[i] = order[j]!; order[j] = t;
    }
    let k0 = 0;
    for (const idx of order) {
      if (++k0 % STEP === 0) yield;
      const ex = examples[idx]!;
      model.bias = bias;
      const err = (scoreExample(model, ex) - ex.y) * (ex.w ?? 1);
      const { ids, vals } = ex;
      const norm = ids.length ? 1 / Math.sqrt(ids.length) : 0;
      for (let k = 0; k < ids.length; k++) {
        const f = ids[k]!;
        const g = err * (vals ? vals[k]! : norm) + o.l2 * (w0 ? w[f]! - w0[f]! : w[f]!);
        g2[f]! += g * g;
        w[f]! -= (lr * g) / Math.sqrt(g2[f]!);
      }
      bg2 += err * err;
      bias -= (lr * err) / Math.sqrt(bg2);
    }
  }
  return { bias, weights: w, ...(o.init?.version ? { version: o.init.version } : {}) };
}
