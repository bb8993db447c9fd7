import * as fs from 'node:fs';
import * as path from 'node:path';
import { AnalysisCorrection, type StoredCorrection } from '@vigil/contracts';
import {
  fromDeploymentModels, shippedSentimentModels, toDeploymentModels, updateLabels, updateModels,
  type LabelCorrection, type LabelledText, type ModelComponent, type SentimentModels,
} from '@vigil/analysis';
import { repoRoot } from '../repo-root';
import { foldCorrections, loadReferenceData } from '@vigil/processor';
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

/**
 * Valid corrections folded as the processor's model-update job folds them (per post, the latest
 * value of each field): sentiment rows per language, emotion and category corrections; bad lines
 * reported by number.
 */
export function readCorrections(file: string): { rows: Record<'zh' | 'en', LabelledText[]>; labels: LabelCorrection[]; posts: number; bad: string[]; skipped: number } {
  const all: StoredCorrection[] = [];
  const bad: string[] = [];
  fs.readFileSync(file, 'utf8').split('\n').forEach((line, i) => {
    if (!line.trim()) return;
    let json: unknown;
    try { json = JSON.parse(line); } catch { bad.push(`line ${i + 1}: not JSON`); return; }
    const c = AnalysisCorrection.safeParse(json);
    if (!c.success) { bad.push(`line ${i + 1}: ${c.error.issues.map((x) => `${x.path.join('.') || 'correction'}: ${x.message}`).join('; ')}`); return; }
    all.push({ ...c.data, id: `line-${i + 1}` });
  });
  const folded = foldCorrections(all);
  const posts = new Set(all.map((c) => c.mentionId)).size;
  return { rows: folded.rows, labels: folded.labels, posts: folded.posts, bad, skipped: posts - folded.posts };
}

const pct = (x: number) => (Number.isFinite(x) ? `${(100 * x).toFixed(1)} %` : '–');

/**
 * `vigil train`: folds analysts' corrections into the deployment's models — sentiment per language,
 * then the emotion and category nudges over the sentiment that will be in force, as the
 * processor's model-update job does, from the shipped models: the file given is every correction
 * to learn from (a file of only new ones replaces what an earlier run learnt, if not worse). Each component replaces the current one only where it is not
 * worse on its held-out set nor on the corrections; every figure is printed. Exit code 1 only for
 * unusable input.
 */
export function runTrain(o: TrainOptions, log: (s: string) => void = (s) => process.stdout.write(s + '\n')): number {
  const { rows, labels, posts, bad, skipped } = readCorrections(o.corrections);
  for (const b of bad) log(`skipped ${b}`);
  const n = rows.zh.length + rows.en.length;
  const emotions = labels.filter((l) => l.emotion).length;
  const categories = labels.filter((l) => l.categories).length;
  log(`${n} sentiment corrections (zh ${rows.zh.length}, en ${rows.en.length}), ${emotions} emotion, ${categories} category; ${bad.length} bad lines, ${skipped} posts with nothing learnt from or in another language`);
  if (n === 0 && labels.length === 0) { log('nothing to train on'); return 1; }
  const ref = loadReferenceData(o.data ?? defaultDataDir());
  const store = new ModelStore(o.models ?? defaultModelDir());
  const previous = store.read();
  const shipped = shippedSentimentModels();
  const current: SentimentModels = { ...shipped, ...(previous ? fromDeploymentModels(previous) : {}) };
  // Built from the shipped models, as the processor's job builds from the ones that have not learnt
  // from these corrections: every run folds every correction again, so starting from the file in
  // force would train the earlier corrections twice (fine-tuning compounds, a layer stacks on a
  // layer) and judge them "out of fold" with a model that already learnt them. The file in force
  // is what the update must not be worse than.
  const result = n ? updateModels(shipped, rows, ref.heldOut, { replay: ref.replay, current }) : { models: current, reports: [] };
  for (const r of result.reports) {
    // Every correction trains the update and is checked out of fold (see updateModels' crossCheck).
    const forms = r.tried ? ` [${r.tried.map((t) => `${t.form}${t.accepted ? '' : ' refused'} ${pct(t.check)}`).join(', ')}]` : '';
    log(`${r.language}: trained on ${r.corrections}, each checked out of fold; held-out (n=${r.heldOut.n}) ${pct(r.heldOut.before)} → ${pct(r.heldOut.after)}; corrections (n=${r.check.n}) ${pct(r.check.before)} → ${pct(r.check.after)}: ${r.accepted ? 'KEPT' : 'REFUSED'} (${r.reason}); form ${r.form}${forms}`);
  }
  // Nudges are fitted over the rules alone (as the processor does) and compared with what is in force.
  const learnt = labels.length
    ? updateLabels({ ...result.models, labels: undefined }, labels, { replay: ref.replayTexts, heldOutAnger: ref.heldOutAnger, current })
    : { labels: current.labels ?? {}, reports: [] };
  for (const r of learnt.reports) {
    log(`${r.component}: trained on ${r.corrections}, ${r.checked} kept aside; held-out (n=${r.heldOut.n}) ${pct(r.heldOut.before)} → ${pct(r.heldOut.after)}; kept aside (n=${r.check.n}) ${pct(r.check.before)} → ${pct(r.check.after)}: ${r.accepted ? 'KEPT' : 'REFUSED'} (${r.reason})`);
  }
  const accepted: ModelComponent[] = [
    ...result.reports.filter((r) => r.accepted).map((r) => r.language),
    ...learnt.reports.filter((r) => r.accepted).map((r) => r.component),
  ];
  if (accepted.length === 0) { log('the current models stay'); return 0; }
  if (o.dryRun) { log(`dry run: ${store.file} not written`); return 0; }
  // Components updated before and not now keep their earlier update.
  const changed = (['zh', 'en', 'emotion', 'categories'] as const).filter((c) => accepted.includes(c) || previous?.models[c]);
  const reports = [...result.reports.map((r) => ({ component: 'sentiment', ...r })), ...learnt.reports.map((r) => ({ ...r }))];
  store.write(toDeploymentModels({ ...result.models, labels: learnt.labels }, changed, { trainedAt: new Date().toISOString(), corrections: posts, reports }));
  log(`wrote ${store.file} (${accepted.join(', ')} updated); the processor loads it at start (ANALYSIS_MODEL_DIR=${path.dirname(store.file)})`);
  return 0;
}
