import * as fs from 'node:fs';
import * as path from 'node:path';
import { AnalysisCorrection } from '@vigil/contracts';
import { fromDeploymentModels, shippedSentimentModels, toDeploymentModels, updateModels, type LabelledText, type SentimentModels } from '@vigil/analysis';
import { repoRoot } from '../repo-root';
import { loadReferenceData } from '@vigil/processor';
import { ModelStore } from './model-store';

export interface TrainOptions {
  /** JSONL of AnalysisCorrection, one per line. */
  corrections: string;
  /** Reference data (held-out sets and replay), ../shared/data layout. */
  data?: string;
  /** Where the deployment's model file lives (the processor's ANALYSIS_MODEL_DIR). */
  models?: string;
  dryRun?: boolean;
}

export const defaultModelDir = () => process.env.ANALYSIS_MODEL_DIR ?? path.join(process.env.VIGIL_HOME ?? path.join(repoRoot(), '.vigil'), 'models');
export const defaultDataDir = () => process.env.VIGIL_DATA_DIR ?? path.resolve(repoRoot(), '../shared/data');

/** Valid sentiment corrections per language (the latest per post); bad lines reported by number. */
export function readCorrections(file: string): { rows: Record<'zh' | 'en', LabelledText[]>; bad: string[]; skipped: number } {
  const latest = new Map<string, AnalysisCorrection>();
  const bad: string[] = [];
  fs.readFileSync(file, 'utf8').split('\n').forEach((line, i) => {
    if (!line.trim()) return;
    let json: unknown;
    try { json = JSON.parse(line); } catch { bad.push(`line ${i + 1}: not JSON`); return; }
    const c = AnalysisCorrection.safeParse(json);
    if (!c.success) { bad.push(`line ${i + 1}: ${c.error.issues.map((x) => `${x.path.join('.') || 'correction'}: ${x.message}`).join('; ')}`); return; }
    const prev = latest.get(c.data.mentionId);
    if (!prev || prev.at <= c.data.at) latest.set(c.data.mentionId, c.data);
  });
  const rows: Record<'zh' | 'en', LabelledText[]> = { zh: [], en: [] };
  let skipped = 0;
  for (const c of latest.values()) {
    if (!c.sentiment || (c.language !== 'zh' && c.language !== 'en')) { skipped++; continue; }
    rows[c.language].push({ text: c.text, label: c.sentiment });
  }
  return { rows, bad, skipped };
}

const pct = (x: number) => (Number.isFinite(x) ? `${(100 * x).toFixed(1)} %` : '–');

/**
 * `vigil train`: folds analysts' corrections into the deployment's sentiment models. The update
 * replaces the current models only where it is not worse on the held-out sets nor on the
 * corrections (each judged by a model trained on the other four fifths); every figure is printed. Exit code 1 only for unusable input.
 */
export function runTrain(o: TrainOptions, log: (s: string) => void = (s) => process.stdout.write(s + '\n')): number {
  const { rows, bad, skipped } = readCorrections(o.corrections);
  for (const b of bad) log(`skipped ${b}`);
  const n = rows.zh.length + rows.en.length;
  log(`${n} sentiment corrections (zh ${rows.zh.length}, en ${rows.en.length}); ${bad.length} bad lines, ${skipped} without a sentiment or in another language`);
  if (n === 0) { log('nothing to train on'); return 1; }
  const ref = loadReferenceData(o.data ?? defaultDataDir());
  const store = new ModelStore(o.models ?? defaultModelDir());
  const previous = store.read();
  const current: SentimentModels = { ...shippedSentimentModels(), ...(previous ? fromDeploymentModels(previous) : {}) };
  const result = updateModels(current, rows, ref.heldOut, { replay: ref.replay });
  for (const r of result.reports) {
    // Every correction trains the update and is checked out of fold (see updateModels' crossCheck).
    log(`${r.language}: trained on ${r.corrections}, each checked out of fold; held-out (n=${r.heldOut.n}) ${pct(r.heldOut.before)} → ${pct(r.heldOut.after)}; corrections (n=${r.check.n}) ${pct(r.check.before)} → ${pct(r.check.after)}: ${r.accepted ? 'KEPT' : 'REFUSED'} (${r.reason})`);
  }
  const accepted = result.reports.filter((r) => r.accepted).map((r) => r.language);
  if (accepted.length === 0) { log('the current models stay'); return 0; }
  if (o.dryRun) { log(`dry run: ${store.file} not written`); return 0; }
  // Languages updated before and not now keep their earlier update.
  const changed = [...new Set([...accepted, ...(previous?.models.zh ? ['zh' as const] : []), ...(previous?.models.en ? ['en' as const] : [])])];
  store.write(toDeploymentModels(result.models, changed, { trainedAt: new Date().toISOString(), corrections: n, reports: result.reports.map((r) => ({ ...r })) }));
  log(`wrote ${store.file} (${accepted.join(', ')} updated); the processor loads it at start (ANALYSIS_MODEL_DIR=${path.dirname(store.file)})`);
  return 0;
}
