// Pure file handling: a temporary directory, no servers.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { shippedSentimentModels, toDeploymentModels } from '@vigil/analysis';
import { loadDeploymentModels } from './deployment-models';

describe('loadDeploymentModels', () => {
  let dir: string;
  beforeEach(() => { dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vigil-models-')); });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('uses the shipped models when nothing is configured or stored', () => {
    expect(loadDeploymentModels(undefined)).toBeUndefined();
    expect(loadDeploymentModels(dir)).toBeUndefined();
  });

  it('loads the languages a deployment updated', () => {
    const doc = toDeploymentModels(shippedSentimentModels(), ['zh'], { trainedAt: '2026-01-01T00:00:00.000Z', corrections: 5, reports: [] });
    fs.writeFileSync(path.join(dir, 'sentiment-models.json'), JSON.stringify(doc));
    const m = loadDeploymentModels(dir)!;
    expect(m.zh?.weights.length).toBe(1 << 18);
    expect(m.en).toBeUndefined();
  });

  it('keeps a domain layer\'s stack and the neutral rule it learnt', () => {
    const shipped = shippedSentimentModels();
    const zhStack = { ...shipped.zhStack!, neutralBand: 0, informationNeutral: false };
    const doc = toDeploymentModels({ ...shipped, zhStack }, ['zh'], { trainedAt: '2026-01-01T00:00:00.000Z', corrections: 5, reports: [] });
    fs.writeFileSync(path.join(dir, 'sentiment-models.json'), JSON.stringify(doc));
    const m = loadDeploymentModels(dir)!;
    expect(m.zhStack).toEqual(zhStack);
    expect(m.enStack).toBeUndefined();
  });

  it('says what is wrong with a broken model file', () => {
    fs.writeFileSync(path.join(dir, 'sentiment-models.json'), JSON.stringify({ version: 1, models: {} }));
    expect(() => loadDeploymentModels(dir)).toThrow(/not a model file: trainedAt/);
  });
});
