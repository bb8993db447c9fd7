// Real parts: Elasticsearch (corrections, the published models and the runs are real indices),
// the processor's model-update use case, its model followers and the analysis library; the
// reference data is a small labelled set written here in the ../shared/data layout. No Kafka:
// the corrections are stored as the indexer stores them.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAnalyzer } from '@vigil/analysis';
import { SystemClock } from '@vigil/common';
import type { StoredCorrection } from '@vigil/contracts';
import { AnalysisModelsReader, CorrectionsReader, MentionsReader, ModelUpdatesReader, SearchClient } from '@vigil/search';
import type { ApiConfig } from '../../apps/api/src/api.config';
import { DescribeModelsUseCase } from '../../apps/api/src/corrections/describe-models.usecase';
import { AnalysisModelsRepository } from '../../apps/processor/src/models/analysis-models.repository';
import { ModelFollower } from '../../apps/processor/src/models/model-follower.service';
import type { ModelOptions } from '../../apps/processor/src/models/model-options';
import { ModelUpdatesRepository } from '../../apps/processor/src/models/model-updates.repository';
import { UpdateModelsUseCase } from '../../apps/processor/src/models/update-models.usecase';
import { writeReferenceData } from '../support/reference-data';
import { pollUntil, testEnv } from '../support/test-env';

// Words the emotion rules and the taxonomy do not know: 忽悠 (to con someone), 纸盒 (carton).
const CON = ['这家店就是在忽悠人', '又被忽悠了一次', '全是忽悠，别信', '客服满嘴忽悠', '忽悠消费者的商家'];
const BOX = ['纸盒压扁了', '外面的纸盒破了一个洞', '纸盒湿透了', '收到时纸盒变形', '纸盒上全是泥'];
const PRAISE = ['味道很好，送得也快', '非常满意，下次还买', '包装很好，质量不错', '客服很热情，推荐给大家', '东西很新鲜，好吃'];
const HOTEL = [['房间很干净，前台热情', 'positive'], ['早餐丰富，位置方便', 'positive'], ['隔音太差，一夜没睡', 'negative'], ['空调坏了没人修', 'negative']] as const;

describe('the processor folds corrections into its models: checked, published once, followed without a restart', () => {
  const env = testEnv();
  const search = new SearchClient({ node: env.ELASTICSEARCH_URL!, indexPrefix: env.VIGIL_INDEX_PREFIX! });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vigil-model-update-'));
  const followers: ModelFollower[] = [];
  let seq = 0;

  const options = (over: Partial<ModelOptions> = {}): ModelOptions => ({ pollMs: 0, trainEveryMs: 0, minCorrections: 10, rescoreDays: 0, rescoreEveryMs: 0, rescorePage: 200, referenceDir: dir, instance: `test-${followers.length}`, ...over });
  const instance = (over: Partial<ModelOptions> = {}) => {
    const o = options(over);
    const models = new AnalysisModelsRepository(search);
    const follower = new ModelFollower(o, models);
    followers.push(follower);
    return { follower, update: new UpdateModelsUseCase(o, new CorrectionsReader(search), models, new ModelUpdatesRepository(search), follower, new SystemClock()) };
  };
  const label = async (texts: readonly string[], n: number, value: Pick<StoredCorrection, 'emotion' | 'categories'>) => {
    for (let i = 0; i < n; i++, seq++) {
      const c: StoredCorrection = { id: `c${seq}`, mentionId: `m${seq}`, text: `${texts[i % texts.length]!}${seq}`, language: 'zh', ...value, by: 'ana', at: new Date(Date.UTC(2026, 11, 1, 0, 0, seq)).toISOString() };
      await search.es.index({ index: search.names.corrections, id: c.id, document: c });
    }
    await search.es.indices.refresh({ index: search.names.corrections });
  };
  const correct = async (n: number) => {
    for (let i = 0; i < n; i++, seq++) {
      const [text, sentiment] = HOTEL[seq % HOTEL.length]!;
      const c: StoredCorrection = { id: `c${seq}`, mentionId: `m${seq}`, text: `${text}${seq}`, language: 'zh', sentiment, by: 'ana', at: new Date(Date.UTC(2026, 11, 1, 0, 0, seq)).toISOString() };
      await search.es.index({ index: search.names.corrections, id: c.id, document: c });
    }
    await search.es.indices.refresh({ index: search.names.corrections });
  };

  beforeAll(async () => {
    writeReferenceData(dir);
    await search.ensureIndices();
  });

  afterAll(async () => {
    for (const f of followers) f.onApplicationShutdown();
    await search.onApplicationShutdown();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('waits for enough corrections, and never replaces a model it cannot check', async () => {
    await correct(4);
    expect((await instance().update.execute('2026-12-01T00:00:00.000Z')).outcome).toBe('nothing new');
    await correct(8);
    const r = await instance({ referenceDir: path.join(dir, 'missing') }).update.execute('2026-12-01T06:00:00.000Z');
    expect(r.outcome).toBe('refused');
    expect(r.run?.reason).toMatch(/no reference data .*not found/);
    expect(await new AnalysisModelsRepository(search).version()).toBeUndefined();
    // The refused run saw these corrections: the next run waits for new ones.
    expect((await instance().update.execute('2026-12-01T12:00:00.000Z')).outcome).toBe('nothing new');
  });

  it('one instance claims a period, checks the update against the held-out sets and publishes it; every processor follows without a restart', async () => {
    const a = instance();
    const b = instance();
    const watcher = instance({ pollMs: 200 });
    await watcher.follower.onModuleInit();
    const analyzer = createAnalyzer({ modelSource: watcher.follower.holder });
    const probe = '房间很干净，前台热情，隔音太差';
    const before = analyzer.sentimentParts({ text: probe }).modelProb;

    await correct(40);
    const [ra, rb] = await Promise.all([a.update.execute('2026-12-01T18:00:00.000Z'), b.update.execute('2026-12-01T18:00:00.000Z')]);
    const outcomes = [ra.outcome, rb.outcome].sort();
    expect(outcomes).toEqual(['claimed elsewhere', 'published']);
    const run = (ra.run ?? rb.run)!;
    expect(run).toMatchObject({ outcome: 'published', modelVersion: 1, corrections: 52, lastCorrectionAt: new Date(Date.UTC(2026, 11, 1, 0, 0, 51)).toISOString() });
    const zh = run.reports.find((x) => x.language === 'zh') as { accepted: boolean; heldOut: { n: number; before: number; after: number } };
    expect(zh.accepted).toBe(true);
    expect(zh.heldOut.n).toBeGreaterThan(0);
    expect(zh.heldOut.after).toBeGreaterThanOrEqual(zh.heldOut.before - 0.05);

    const published = await new AnalysisModelsRepository(search).current();
    expect(published).toMatchObject({ modelVersion: 1, corrections: 52 });
    expect(published!.models.zh).toBeDefined();
    expect(published!.models.en).toBeUndefined();
    // The instance that published swapped at once; another one on its next poll.
    expect([a.follower.modelVersion, b.follower.modelVersion].sort()).toEqual([0, 1]);
    await pollUntil('the other processor follows version 1', async () => watcher.follower.modelVersion, (v) => v === 1, { timeoutMs: 10_000 });
    expect(analyzer.sentimentParts({ text: probe }).modelProb).not.toBe(before);

    // The Models page's answer names the form kept and every form's out-of-fold accuracy on the corrections.
    const page = await new DescribeModelsUseCase(new AnalysisModelsReader(search), new ModelUpdatesReader(search), new CorrectionsReader(search), new MentionsReader(search), { ANALYSIS_RESCORE_DAYS: 0 } as ApiConfig).execute();
    const shown = page.heldOut.find((r) => r.language === 'zh')!;
    expect(shown.form).toBe((zh as unknown as { form: string }).form);
    expect(shown.tried?.map((t) => t.form)).toEqual(['layer', 'layer-polarity', 'finetune']);
    expect(shown.tried?.find((t) => t.form === shown.form)).toMatchObject({ accepted: true, check: shown.check!.after });

    const runs = await new ModelUpdatesReader(search).list();
    expect(runs.map((x) => x.outcome)).toEqual(['published', 'refused']);
    expect((await a.update.execute('2026-12-02T00:00:00.000Z')).outcome).toBe('nothing new');
  });

  it('folds emotion and category corrections into their models, each checked held-out before → after, and followed by every processor', async () => {
    const runner = instance();
    const watcher = instance({ pollMs: 200 });
    await watcher.follower.onModuleInit();
    const analyzer = createAnalyzer({ modelSource: watcher.follower.holder });
    const angry = '别再忽悠我们了';
    const carton = '纸盒又湿了';
    expect(analyzer.analyze({ text: angry }).analysis.emotion.level).toBe('calm');
    expect(analyzer.analyze({ text: carton }).analysis.categories.map((c) => c.id)).not.toContain('logistics');

    await label(CON, 40, { emotion: 'angry' });
    await label(BOX, 40, { categories: ['logistics'] });
    const r = await runner.update.execute('2026-12-02T06:00:00.000Z');
    expect(r.outcome).toBe('published');
    expect(r.run).toMatchObject({ modelVersion: 2, reasonCode: 'updated' });
    expect(String(r.run!.reasonParams!.components)).toMatch(/emotion.*categories/);
    type Report = { component: string; accepted: boolean; reasonCode: string; heldOut: { n: number; before: number; after: number }; check: { n: number; before: number; after: number } };
    const reports = r.run!.reports as Report[];
    const emotion = reports.find((x) => x.component === 'emotion')!;
    const categories = reports.find((x) => x.component === 'categories')!;
    expect(emotion).toMatchObject({ accepted: true, reasonCode: 'not-worse' });
    expect(emotion.heldOut.n).toBeGreaterThan(0);
    expect(emotion.check.after).toBeGreaterThan(emotion.check.before);
    expect(categories).toMatchObject({ accepted: true, reasonCode: 'not-worse' });
    expect(categories.heldOut.n).toBeGreaterThanOrEqual(5);
    expect(categories.heldOut.after).toBeGreaterThan(categories.heldOut.before);

    const published = (await new AnalysisModelsRepository(search).current())!;
    expect(published.modelVersion).toBe(2);
    expect(published.models.emotion).toBeDefined();
    expect(Object.keys(published.models.categories ?? {})).toContain('logistics');
    // The sentiment update of the earlier run stays in force beside them.
    expect(published.models.zh).toBeDefined();
    await pollUntil('the other processor follows version 2', async () => watcher.follower.modelVersion, (v) => v === 2, { timeoutMs: 10_000 });
    expect(analyzer.analyze({ text: angry }).analysis.emotion.level).not.toBe('calm');
    expect(analyzer.analyze({ text: carton }).analysis.categories.map((c) => c.id)).toContain('logistics');
  });

  it('does not put in force an emotion update that is worse on the held-out set, and keeps the one in force', async () => {
    const before = (await new AnalysisModelsRepository(search).current())!;
    // Analysts who call plain praise angry: the held-out positive reviews would turn angry with it.
    await label(PRAISE, 60, { emotion: 'angry' });
    const r = await instance().update.execute('2026-12-02T12:00:00.000Z');
    const emotion = (r.run!.reports as { component: string; accepted: boolean; reasonCode: string; heldOut: { before: number; after: number } }[]).find((x) => x.component === 'emotion')!;
    expect(emotion).toMatchObject({ accepted: false, reasonCode: 'worse-held-out' });
    expect(emotion.heldOut.after).toBeLessThan(emotion.heldOut.before);
    const now = (await new AnalysisModelsRepository(search).current())!;
    // Whatever else this run published, the emotion model in force is the earlier one.
    expect(now.models.emotion).toEqual(before.models.emotion);
    expect(String(r.run!.reasonParams?.components ?? '')).not.toMatch(/emotion/);
  });
});
